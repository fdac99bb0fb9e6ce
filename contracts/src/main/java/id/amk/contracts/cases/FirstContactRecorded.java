package id.amk.contracts.cases;

import id.amk.contracts.EventType;
import id.amk.contracts.Topics;

import java.time.Instant;

/** {@code amk.case.FirstContactRecorded.v1}: the worker's first contact with the child of a case (no note). */
public record FirstContactRecorded(String caseId, Instant contactedAt, String recordedBy, Instant recordedAt) {

    public static final EventType TYPE = new EventType("amk.case.FirstContactRecorded.v1", Topics.CASE_EVENTS, FirstContactRecorded.class);
}
