package id.amk.platform.security;

import id.amk.contracts.RegionCodes;
import org.springframework.security.core.Authentication;
import org.springframework.security.core.context.SecurityContextHolder;
import org.springframework.security.oauth2.jwt.Jwt;
import org.springframework.security.oauth2.server.resource.authentication.JwtAuthenticationToken;

import java.util.List;
import java.util.Optional;
import java.util.Set;

/**
 * Who is calling, from their access token: a user (subject, roles, Kemendagri region codes, agency) or a
 * machine client (scopes only). Region rules read as {@code caller.covers("32.73.01.1001")}.
 */
public record AmkCaller(String subject, Set<String> roles, List<String> regions, String agency, Set<String> scopes) {

    public enum Role { PEKSOS, SUPERVISOR, MINISTRY_ANALYST, ADMIN, PARTNER }

    public static Optional<AmkCaller> current() {
        Authentication authentication = SecurityContextHolder.getContext().getAuthentication();
        if (authentication instanceof JwtAuthenticationToken token) {
            return Optional.of(from(token.getToken()));
        }
        return Optional.empty();
    }

    public static AmkCaller from(Jwt jwt) {
        return new AmkCaller(jwt.getSubject(),
                Set.copyOf(listClaim(jwt, "roles")),
                List.copyOf(listClaim(jwt, "regions")),
                jwt.getClaimAsString("agency"),
                Set.copyOf(scopes(jwt)));
    }

    public boolean has(Role role) {
        return roles.contains(role.name());
    }

    /** Whether one of the caller's regions is the given region or contains it (a province covers its regencies). */
    public boolean covers(String regionCode) {
        return RegionCodes.withinAny(regionCode, regions);
    }

    /** Whether the caller is a user of the given agency (partners act only on what is addressed to their agency). */
    public boolean actsFor(String agencyId) {
        return agency != null && agency.equals(agencyId);
    }

    /** Whether the caller is a machine client (client credentials: scopes, no roles). */
    public boolean isMachine() {
        return roles.isEmpty();
    }

    public boolean hasScope(String scope) {
        return scopes.contains(scope);
    }

    private static List<String> listClaim(Jwt jwt, String name) {
        List<String> values = jwt.getClaimAsStringList(name);
        return values == null ? List.of() : values;
    }

    private static List<String> scopes(Jwt jwt) {
        Object scope = jwt.getClaims().get("scope");
        if (scope instanceof String s) {
            return s.isBlank() ? List.of() : List.of(s.trim().split("\\s+"));
        }
        return listClaim(jwt, "scope");
    }
}
