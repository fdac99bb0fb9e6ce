package id.amk.contracts.cases;

import id.amk.contracts.EventType;
import id.amk.contracts.Topics;

import java.time.Instant;

/** {@code amk.case.PersonalDataErased.v1}: consumers delete whatever personal data of this case they keep. */
public record PersonalDataErased(String caseId, Instant erasedAt) {

    public static final EventType TYPE = new EventType("amk.case.PersonalDataErased.v1", Topics.CASE_EVENTS, PersonalDataErased.class);
}
