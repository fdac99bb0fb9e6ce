package id.amk.contracts.cases;

import id.amk.contracts.EventType;
import id.amk.contracts.Topics;

import java.time.Instant;
import java.util.List;

/**
 * {@code amk.case.CaseRegistered.v1}: a case was registered (penerimaan). No personal data of the child.
 * {@code childId}: an opaque identity of the child, shared by the cases of the same child (null from before it existed:
 * the case is then its own child).
 */
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
        Instant registeredAt,
        String childId) {

    /** A case without a child identity (as events from before it existed): its own child. */
    public CaseRegistered(String caseId, String caseNumber, String reportId, String regionCode, List<String> clusters, String abhRole,
                          String riskLevel, String source, String assignedWorkerId, String registeredBy, Instant registeredAt) {
        this(caseId, caseNumber, reportId, regionCode, clusters, abhRole, riskLevel, source, assignedWorkerId, registeredBy, registeredAt, null);
    }

    /** The child's identity: the one given, or the case's own for a case from before children existed. */
    public String childOrCase() {
        return childId != null ? childId : caseId;
    }

    public static final EventType TYPE = new EventType("amk.case.CaseRegistered.v1", Topics.CASE_EVENTS, CaseRegistered.class);
}
