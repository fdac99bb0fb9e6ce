package id.amk.contracts.identity;

import id.amk.contracts.RegionCodes;

import java.util.List;

/**
 * Who may be given a case in a region, as every service that learns the users from identity-service's events judges
 * it: a social worker (PEKSOS), enabled, one of whose regions contains the case's region.
 */
public final class CaseWorkers {

    /** What identity-service's events say of giving a case in a region to a username. */
    public enum Fitness { FITS, UNKNOWN, NOT_A_WORKER, ELSEWHERE }

    /** {@code roles} null: identity-service never announced the user. */
    public static Fitness fitness(List<String> roles, List<String> regions, boolean enabled, String regionCode) {
        if (roles == null) {
            return Fitness.UNKNOWN;
        }
        if (!roles.contains("PEKSOS")) {
            return Fitness.NOT_A_WORKER;
        }
        return enabled && regions != null && regions.stream().anyMatch(r -> RegionCodes.within(regionCode, r)) ? Fitness.FITS : Fitness.ELSEWHERE;
    }

    private CaseWorkers() {
    }
}
