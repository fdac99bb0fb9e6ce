package id.amk.referrals.referral.api;

import id.amk.contracts.RegionCodes;

import java.util.List;
import java.util.Set;

/** What the referral decides on besides its own history: the case and the provider as this service knows them when asked. */
public final class Facts {

    /** The case as {@code case.events.v1} told it: where it is, who works on it, which stage. */
    public record CaseFacts(String caseId, String regionCode, String worker, String stage) {
        public boolean closed() {
            return "CLOSED".equals(stage);
        }
    }

    /** A provider of the directory: what it offers, where, and how full it is. */
    public record ProviderFacts(String providerId, String agencyId, List<String> regions, Set<Component> components, int capacity,
                                long load, boolean active) {

        public boolean covers(String regionCode) {
            return RegionCodes.withinAny(regionCode, regions);
        }

        public boolean atCapacity() {
            return load >= capacity;
        }
    }

    private Facts() {
    }
}
