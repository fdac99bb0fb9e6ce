package id.amk.contracts.identity;

import id.amk.contracts.EventType;
import id.amk.contracts.Topics;

import java.time.Instant;
import java.util.List;

/** {@code amk.identity.UserRegistered.v1}: a user was registered. Never carries password material. */
public record UserRegistered(
        String userId,
        String username,
        String displayName,
        List<String> roles,
        List<String> regionCodes,
        String agencyId,
        boolean enabled,
        Instant registeredAt) {

    public static final EventType TYPE = new EventType("amk.identity.UserRegistered.v1", Topics.IDENTITY_EVENTS, UserRegistered.class);
}
