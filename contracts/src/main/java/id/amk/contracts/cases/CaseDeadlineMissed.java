package id.amk.contracts.cases;

import id.amk.contracts.EventType;
import id.amk.contracts.Topics;

import java.time.Instant;

/** {@code amk.case.CaseDeadlineMissed.v1}: a step was not done in time; escalated to the province's supervisors. */
public record CaseDeadlineMissed(String caseId, String deadline, Instant dueAt, String regionCode, String assignedWorkerId,
                                 String escalatedTo, Instant missedAt) {

    public static final EventType TYPE = new EventType("amk.case.CaseDeadlineMissed.v1", Topics.CASE_EVENTS, CaseDeadlineMissed.class);
}
