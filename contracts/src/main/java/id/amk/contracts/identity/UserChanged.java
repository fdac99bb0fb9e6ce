package id.amk.contracts.identity;

import id.amk.contracts.EventType;
import id.amk.contracts.Topics;

import java.time.Instant;
import java.util.List;

/** {@code amk.identity.UserChanged.v1}: a user's full new state, to upsert. Never carries password material;
 * {@code email} and {@code phone} are the user's work contacts (for partners and notices), null when not given. */
public record UserChanged(
        String userId,
        String username,
        String displayName,
        List<String> roles,
        List<String> regionCodes,
        String agencyId,
        boolean enabled,
        Instant changedAt,
        String email,
        String phone) {

    /** The event as it was before the work contacts {@code email} and {@code phone} were added (v1, additive). */
    public UserChanged(String userId, String username, String displayName, List<String> roles, List<String> regionCodes,
                  String agencyId, boolean enabled, Instant changedAt) {
        this(userId, username, displayName, roles, regionCodes, agencyId, enabled, changedAt, null, null);
    }

    public static final EventType TYPE = new EventType("amk.identity.UserChanged.v1", Topics.IDENTITY_EVENTS, UserChanged.class);
}
