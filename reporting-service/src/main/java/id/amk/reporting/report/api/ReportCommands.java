package id.amk.reporting.report.api;

import id.amk.reporting.report.api.ReportTypes.RejectReason;
import id.amk.reporting.report.api.ReportTypes.ReporterType;
import id.amk.reporting.report.api.ReportTypes.Urgency;
import org.axonframework.modelling.command.TargetAggregateIdentifier;

import java.time.Instant;
import java.util.Set;

/** What is asked of a Lapor Sosial report; {@code actor} is who asks (the token's subject). */
public final class ReportCommands {

    /** What the reporter knows of the child (all optional): it stays sealed inside reporting-service. */
    public record ChildHint(String name, Integer estimatedAge, String sex) {
    }

    /** {@code trackingHash}: SHA-256 of the tracking code handed to the reporter (the code itself is never stored). */
    public record SubmitReportCommand(@TargetAggregateIdentifier String reportId, ReporterType reporterType, String reporterName,
                                      String reporterContact, String regionCode, String description, ChildHint child, Urgency urgency,
                                      Set<String> suspectedClusters, String trackingHash, String actor) {
    }

    public record AcceptReportCommand(@TargetAggregateIdentifier String reportId, Urgency urgency, Set<String> suspectedClusters,
                                      String assignedWorker, String actor) {
    }

    public record RejectReportCommand(@TargetAggregateIdentifier String reportId, RejectReason reason, String linkedCaseId, String detail,
                                      String actor) {
    }

    public record ForwardReportCommand(@TargetAggregateIdentifier String reportId, String toRegionCode, String reason, String actor) {
    }

    /** Sent by the triage watch when the report's triage deadline in its current region has passed. */
    public record EscalateTriageCommand(@TargetAggregateIdentifier String reportId, Instant dueAt) {
    }

    public record DescribeReportCommand(@TargetAggregateIdentifier String reportId) {
    }

    private ReportCommands() {
    }
}
