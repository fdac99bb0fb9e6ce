package id.amk.identity.clients;

import java.util.List;

/** The scopes a machine client may hold; the gateway maps each API area to them. */
public final class AmkScopes {

    public static final List<String> ALL = List.of(
            "cases.read", "cases.write", "referrals.read", "referrals.write", "reports.read", "reports.write",
            "monitoring.read", "registry.export", "identity.admin", "audit.read");

    private AmkScopes() {
    }
}
