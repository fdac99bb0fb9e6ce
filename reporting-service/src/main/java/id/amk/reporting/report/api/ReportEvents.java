package id.amk.reporting.report.api;

import id.amk.reporting.report.api.ReportTypes.RejectReason;
import id.amk.reporting.report.api.ReportTypes.ReporterType;
import id.amk.reporting.report.api.ReportTypes.Urgency;

import java.time.Instant;
import java.util.Set;

/** What happened to a report: private to reporting-service (the relay publishes the acceptance on {@code lapor.events.v1}). */
public final class ReportEvents {

    public sealed interface ReportEvent permits ReportSubmittedEvent, ReportAcceptedEvent, ReportRejectedEvent, ReportForwardedEvent,
            ReportTriageOverdueEvent {
        String reportId();

        String actor();

        Instant at();
    }

    /** {@code details}: reporter's name and contact, description, what is known of the child — sealed with the report's key. */
    public record ReportSubmittedEvent(String reportId, ReporterType reporterType, String regionCode, Urgency urgency,
                                       Set<String> suspectedClusters, SealedText details, String trackingHash, String actor, Instant at)
            implements ReportEvent {
    }

    /** {@code caseId}: the case case-service registers for it (derived from the report id). */
    public record ReportAcceptedEvent(String reportId, String caseId, String regionCode, Urgency urgency, Set<String> suspectedClusters,
                                      String assignedWorker, String actor, Instant at) implements ReportEvent {
    }

    public record ReportRejectedEvent(String reportId, RejectReason reason, String linkedCaseId, SealedText detail, String actor, Instant at)
            implements ReportEvent {
    }

    public record ReportForwardedEvent(String reportId, String fromRegionCode, String toRegionCode, SealedText reason, String actor,
                                       Instant at) implements ReportEvent {
    }

    /**
     * Nobody triaged the report in its region before {@code dueAt} (by urgency, {@code amk.reports.triage-within}): the
     * region's supervisors are told, as for a missed case deadline. Once per region the report is in.
     */
    public record ReportTriageOverdueEvent(String reportId, String regionCode, Urgency urgency, Instant dueAt, String actor, Instant at)
            implements ReportEvent {
    }

    private ReportEvents() {
    }
}
