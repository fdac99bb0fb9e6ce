package id.amk.contracts.cases;

import id.amk.contracts.EventType;
import id.amk.contracts.Topics;

import java.time.Instant;
import java.util.List;

/**
 * {@code amk.case.CaseStageChanged.v1}: a case moved to another stage of case management. An assessment also
 * says the risk level and the ATENSI components it recommends (added fields; null otherwise).
 */
public record CaseStageChanged(String caseId, String from, String to, String changedBy, Instant changedAt, String reason,
                               String riskLevel, List<String> recommendedComponents) {

    public static final EventType TYPE = new EventType("amk.case.CaseStageChanged.v1", Topics.CASE_EVENTS, CaseStageChanged.class);
}
