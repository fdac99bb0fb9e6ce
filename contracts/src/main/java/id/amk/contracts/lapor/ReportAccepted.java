package id.amk.contracts.lapor;

import id.amk.contracts.EventType;
import id.amk.contracts.Topics;

import java.nio.charset.StandardCharsets;
import java.time.Instant;
import java.util.List;
import java.util.UUID;

/**
 * {@code amk.lapor.ReportAccepted.v1}: a Lapor Sosial report (a report from a related party: community,
 * school, police, ...) was accepted in triage; case-service registers one case for it, keyed by reportId.
 */
public record ReportAccepted(
        String reportId,
        String regionCode,
        String urgency,
        String reporterType,
        List<String> suspectedClusters,
        String assignedWorkerId,
        String acceptedBy,
        Instant acceptedAt) {

    public static final EventType TYPE = new EventType("amk.lapor.ReportAccepted.v1", Topics.LAPOR_EVENTS, ReportAccepted.class);

    /** The id of the one case registered for a report: derived from the report's id, so every consumer finds the same case. */
    public static String caseIdOf(String reportId) {
        return UUID.nameUUIDFromBytes(("lapor-report:" + reportId).getBytes(StandardCharsets.UTF_8)).toString();
    }
}
