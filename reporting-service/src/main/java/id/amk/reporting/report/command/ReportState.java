package id.amk.reporting.report.command;

import id.amk.reporting.report.api.ReportEvents.ReportAcceptedEvent;
import id.amk.reporting.report.api.ReportEvents.ReportEvent;
import id.amk.reporting.report.api.ReportEvents.ReportForwardedEvent;
import id.amk.reporting.report.api.ReportEvents.ReportRejectedEvent;
import id.amk.reporting.report.api.ReportEvents.ReportSubmittedEvent;
import id.amk.reporting.report.api.ReportEvents.ReportTriageOverdueEvent;
import id.amk.reporting.report.api.ReportTypes.ReportStatus;
import id.amk.reporting.report.api.ReportTypes.ReporterType;
import id.amk.reporting.report.api.ReportTypes.Urgency;
import id.amk.reporting.report.api.SealedText;

import java.time.Instant;
import java.util.Set;

/** A report as its events leave it. */
public record ReportState(String reportId, ReporterType reporterType, String regionCode, Urgency urgency, Set<String> suspectedClusters,
                          SealedText details, ReportStatus status, String caseId, String linkedCaseId, Instant submittedAt,
                          Instant updatedAt, long version) {

    public static ReportState initial() {
        return new ReportState(null, null, null, null, Set.of(), null, null, null, null, null, null, -1);
    }

    public ReportState apply(ReportEvent event) {
        if (event instanceof ReportSubmittedEvent e) {
            return new ReportState(e.reportId(), e.reporterType(), e.regionCode(), e.urgency(), Set.copyOf(e.suspectedClusters()), e.details(),
                    ReportStatus.SUBMITTED, null, null, e.at(), e.at(), version + 1);
        }
        if (event instanceof ReportAcceptedEvent e) {
            return new ReportState(reportId, reporterType, regionCode, e.urgency(), Set.copyOf(e.suspectedClusters()), details,
                    ReportStatus.ACCEPTED, e.caseId(), null, submittedAt, e.at(), version + 1);
        }
        if (event instanceof ReportRejectedEvent e) {
            return new ReportState(reportId, reporterType, regionCode, urgency, suspectedClusters, details, ReportStatus.REJECTED, null,
                    e.linkedCaseId(), submittedAt, e.at(), version + 1);
        }
        if (event instanceof ReportForwardedEvent e) {
            return new ReportState(reportId, reporterType, e.toRegionCode(), urgency, suspectedClusters, details, ReportStatus.FORWARDED, null,
                    null, submittedAt, e.at(), version + 1);
        }
        if (event instanceof ReportTriageOverdueEvent) {
            return new ReportState(reportId, reporterType, regionCode, urgency, suspectedClusters, details, status, caseId, linkedCaseId,
                    submittedAt, updatedAt, version + 1);
        }
        throw new IllegalArgumentException("unknown report event " + event.getClass().getSimpleName());
    }

    /** Waiting for triage in its (current) region. */
    public boolean awaitingTriage() {
        return status == ReportStatus.SUBMITTED || status == ReportStatus.FORWARDED;
    }
}
