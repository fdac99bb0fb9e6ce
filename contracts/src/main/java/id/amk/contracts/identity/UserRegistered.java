package id.amk.contracts.identity;

import id.amk.contracts.EventType;
import id.amk.contracts.Topics;

import java.time.Instant;
import java.util.List;

/** {@code amk.identity.UserRegistered.v1}: a user was registered. Never carries password material;
 * {@code email} and {@code phone} are the user's work contacts (for partners and notices), null when not given. */
public record UserRegistered(
        String userId,
        String username,
        String displayName,
        List<String> roles,
        List<String> regionCodes,
        String agencyId,
        boolean enabled,
        Instant registeredAt,
        String email,
        String phone) {

    /** The event as it was before the work contacts {@code email} and {@code phone} were added (v1, additive). */
    public UserRegistered(String userId, String username, String displayName, List<String> roles, List<String> regionCodes,
                  String agencyId, boolean enabled, Instant registeredAt) {
        this(userId, username, displayName, roles, regionCodes, agencyId, enabled, registeredAt, null, null);
    }

    public static final EventType TYPE = new EventType("amk.identity.UserRegistered.v1", Topics.IDENTITY_EVENTS, UserRegistered.class);
}
