package id.amk.contracts.cases;

import id.amk.contracts.EventType;
import id.amk.contracts.Topics;

import java.time.Instant;

/** {@code amk.case.CaseAssigned.v1}: a case's worker or region changed (assignment, reassignment or transfer). */
public record CaseAssigned(String caseId, String regionCode, String assignedWorkerId, boolean transferred, String changedBy,
                           Instant changedAt) {

    public static final EventType TYPE = new EventType("amk.case.CaseAssigned.v1", Topics.CASE_EVENTS, CaseAssigned.class);
}
