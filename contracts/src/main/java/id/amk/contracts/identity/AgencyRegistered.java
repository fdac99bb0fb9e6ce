package id.amk.contracts.identity;

import id.amk.contracts.EventType;
import id.amk.contracts.Topics;

import java.time.Instant;
import java.util.List;

/** {@code amk.identity.AgencyRegistered.v1}: an agency whose users act as partners was registered. */
public record AgencyRegistered(String agencyId, String name, String type, List<String> regionCodes, boolean enabled,
                               Instant registeredAt) {

    public static final EventType TYPE = new EventType("amk.identity.AgencyRegistered.v1", Topics.IDENTITY_EVENTS, AgencyRegistered.class);
}
