package id.amk.gateway.security;

import org.springframework.http.HttpMethod;

import java.util.Collection;
import java.util.List;
import java.util.Map;
import java.util.Optional;

/**
 * Which scope a machine client (ministry or partner system, client credentials) needs for an API area.
 * People's tokens carry roles instead; the services apply the role and region rules to them.
 */
public final class ApiScopes {

    /** Path prefix -> scope area; reads need {@code <area>.read} or {@code <area>.write}, changes {@code <area>.write}. */
    private static final Map<String, String> AREAS = Map.ofEntries(
            Map.entry("/api/cases", "cases"),
            Map.entry("/api/providers", "referrals"),
            Map.entry("/api/referrals", "referrals"),
            Map.entry("/api/reports", "reports"),
            Map.entry("/api/coordination", "reports"));

    /** Areas with one scope for every method. */
    private static final Map<String, String> SINGLE_SCOPE = Map.ofEntries(
            Map.entry("/api/dashboards", "monitoring.read"),
            Map.entry("/api/exports", "registry.export"),
            Map.entry("/api/users", "identity.admin"),
            Map.entry("/api/agencies", "identity.admin"),
            Map.entry("/api/clients", "identity.admin"),
            Map.entry("/api/admin", "identity.admin"),
            Map.entry("/api/audit", "audit.read"));

    public static boolean allows(Collection<String> scopes, HttpMethod method, String path) {
        Optional<String> single = match(SINGLE_SCOPE, path);
        if (single.isPresent()) {
            return scopes.contains(single.get());
        }
        Optional<String> area = match(AREAS, path);
        if (area.isEmpty()) {
            return false;
        }
        boolean read = HttpMethod.GET.equals(method) || HttpMethod.HEAD.equals(method);
        List<String> enough = read ? List.of(area.get() + ".read", area.get() + ".write") : List.of(area.get() + ".write");
        return enough.stream().anyMatch(scopes::contains);
    }

    private static Optional<String> match(Map<String, String> table, String path) {
        return table.entrySet().stream()
                .filter(e -> path.equals(e.getKey()) || path.startsWith(e.getKey() + "/"))
                .map(Map.Entry::getValue).findFirst();
    }

    private ApiScopes() {
    }
}
