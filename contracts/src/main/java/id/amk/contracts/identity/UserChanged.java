package id.amk.contracts.identity;

import id.amk.contracts.EventType;
import id.amk.contracts.Topics;

import java.time.Instant;
import java.util.List;

/** {@code amk.identity.UserChanged.v1}: a user's full new state, to upsert. Never carries password material. */
public record UserChanged(
        String userId,
        String username,
        String displayName,
        List<String> roles,
        List<String> regionCodes,
        String agencyId,
        boolean enabled,
        Instant changedAt) {

    public static final EventType TYPE = new EventType("amk.identity.UserChanged.v1", Topics.IDENTITY_EVENTS, UserChanged.class);
}
