package id.amk.contracts.cases;

import id.amk.contracts.EventType;
import id.amk.contracts.Topics;

import java.time.Instant;

/** {@code amk.case.CaseStageChanged.v1}: a case moved to another stage of case management. */
public record CaseStageChanged(String caseId, String from, String to, String changedBy, Instant changedAt, String reason) {

    public static final EventType TYPE = new EventType("amk.case.CaseStageChanged.v1", Topics.CASE_EVENTS, CaseStageChanged.class);
}
