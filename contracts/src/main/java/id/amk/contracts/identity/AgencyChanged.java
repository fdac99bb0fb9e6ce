package id.amk.contracts.identity;

import id.amk.contracts.EventType;
import id.amk.contracts.Topics;

import java.time.Instant;
import java.util.List;

/** {@code amk.identity.AgencyChanged.v1}: an agency's full new state, to upsert. */
public record AgencyChanged(String agencyId, String name, String type, List<String> regionCodes, boolean enabled,
                            Instant changedAt) {

    public static final EventType TYPE = new EventType("amk.identity.AgencyChanged.v1", Topics.IDENTITY_EVENTS, AgencyChanged.class);
}
