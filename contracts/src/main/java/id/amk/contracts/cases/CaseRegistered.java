package id.amk.contracts.cases;

import id.amk.contracts.EventType;
import id.amk.contracts.Topics;

import java.time.Instant;
import java.util.List;

/** {@code amk.case.CaseRegistered.v1}: a case was registered (penerimaan). No personal data of the child. */
public record CaseRegistered(
        String caseId,
        String caseNumber,
        String reportId,
        String regionCode,
        List<String> clusters,
        String abhRole,
        String riskLevel,
        String source,
        String assignedWorkerId,
        String registeredBy,
        Instant registeredAt) {

    public static final EventType TYPE = new EventType("amk.case.CaseRegistered.v1", Topics.CASE_EVENTS, CaseRegistered.class);
}
