package id.amk.reporting.report.command;

import id.amk.contracts.lapor.ReportAccepted;
import id.amk.reporting.report.api.ReportCommands.AcceptReportCommand;
import id.amk.reporting.report.api.ReportCommands.DescribeReportCommand;
import id.amk.reporting.report.api.ReportCommands.EscalateTriageCommand;
import id.amk.reporting.report.api.ReportCommands.ForwardReportCommand;
import id.amk.reporting.report.api.ReportCommands.RejectReportCommand;
import id.amk.reporting.report.api.ReportCommands.SubmitReportCommand;
import id.amk.reporting.report.api.ReportDetails;
import id.amk.reporting.report.api.ReportEvents.ReportAcceptedEvent;
import id.amk.reporting.report.api.ReportEvents.ReportEvent;
import id.amk.reporting.report.api.ReportEvents.ReportForwardedEvent;
import id.amk.reporting.report.api.ReportEvents.ReportRejectedEvent;
import id.amk.reporting.report.api.ReportEvents.ReportSubmittedEvent;
import id.amk.reporting.report.api.ReportEvents.ReportTriageOverdueEvent;
import id.amk.reporting.report.api.ReportTypes.RejectReason;
import org.axonframework.commandhandling.CommandHandler;
import org.axonframework.eventsourcing.EventSourcingHandler;
import org.axonframework.modelling.command.AggregateIdentifier;
import org.axonframework.spring.stereotype.Aggregate;

import java.time.Clock;
import java.util.Set;

import static id.amk.reporting.report.command.ReportRules.region;
import static id.amk.reporting.report.command.ReportRules.required;
import static id.amk.reporting.report.command.ReportRules.violation;
import static org.axonframework.modelling.command.AggregateLifecycle.apply;

/**
 * A Lapor Sosial report from a related party, event-sourced: submitted, then triaged by a worker or coordinator of
 * its region — accepted (case-service registers exactly one case for it), rejected (a duplicate links the existing
 * case), or forwarded to another region, which triages it again. The reporter's and the child's details stay sealed.
 */
@Aggregate(cache = "aggregateCache")
public class Report {

    @AggregateIdentifier
    private String reportId;
    private ReportState state = ReportState.initial();
    /** Whether the triage deadline in the current region was missed already (a forward starts a new one). */
    private boolean triageOverdue;

    protected Report() {
        // for Axon
    }

    @CommandHandler
    public Report(SubmitReportCommand command, ReportTexts texts, Clock clock) {
        required(command.reportId(), "reportId");
        if (command.reporterType() == null) {
            throw violation("required", "reporterType");
        }
        region(command.regionCode(), "regionCode");
        required(command.description(), "description");
        if (command.urgency() == null) {
            throw violation("required", "urgency");
        }
        if (command.child() != null && command.child().estimatedAge() != null
                && (command.child().estimatedAge() < 0 || command.child().estimatedAge() > 17)) {
            throw violation("not-a-child", "child.estimatedAge");
        }
        apply(new ReportSubmittedEvent(command.reportId(), command.reporterType(), command.regionCode(), command.urgency(),
                clusters(command.suspectedClusters()), texts.seal(command.reportId(), new ReportDetails(command.reporterName(),
                command.reporterContact(), command.description(), command.child())), command.trackingHash(), command.actor(), clock.instant()));
    }

    @CommandHandler
    public void handle(AcceptReportCommand command, Clock clock) {
        awaitingTriage();
        Set<String> clusters = command.suspectedClusters() != null && !command.suspectedClusters().isEmpty()
                ? Set.copyOf(command.suspectedClusters()) : state.suspectedClusters();
        if (clusters.isEmpty()) {
            // case-service registers a case only with its clusters: an acceptance without any would be a case never made
            throw violation("required", "suspectedClusters");
        }
        apply(new ReportAcceptedEvent(reportId, ReportAccepted.caseIdOf(reportId), state.regionCode(),
                command.urgency() != null ? command.urgency() : state.urgency(), clusters, command.assignedWorker(), command.actor(),
                clock.instant()));
    }

    @CommandHandler
    public void handle(RejectReportCommand command, ReportTexts texts, Clock clock) {
        awaitingTriage();
        if (command.reason() == null) {
            throw violation("required", "reason");
        }
        if (command.reason() == RejectReason.DUPLICATE) {
            required(command.linkedCaseId(), "linkedCaseId");
        }
        apply(new ReportRejectedEvent(reportId, command.reason(), command.reason() == RejectReason.DUPLICATE ? command.linkedCaseId() : null,
                texts.sealText(reportId, command.detail()), command.actor(), clock.instant()));
    }

    @CommandHandler
    public void handle(ForwardReportCommand command, ReportTexts texts, Clock clock) {
        awaitingTriage();
        region(command.toRegionCode(), "toRegionCode");
        if (command.toRegionCode().equals(state.regionCode())) {
            throw violation("same-region", "toRegionCode");
        }
        required(command.reason(), "reason");
        apply(new ReportForwardedEvent(reportId, state.regionCode(), command.toRegionCode(), texts.sealText(reportId, command.reason()),
                command.actor(), clock.instant()));
    }

    /** Once per region, and only while nobody has triaged it: a late or repeated sweep changes nothing. */
    @CommandHandler
    public void handle(EscalateTriageCommand command, Clock clock) {
        if (state.awaitingTriage() && !triageOverdue) {
            apply(new ReportTriageOverdueEvent(reportId, state.regionCode(), state.urgency(), command.dueAt(), "system", clock.instant()));
        }
    }

    @CommandHandler
    public ReportState handle(DescribeReportCommand command) {
        return state;
    }

    @EventSourcingHandler
    void on(ReportEvent event) {
        reportId = event.reportId();
        state = state.apply(event);
        if (event instanceof ReportTriageOverdueEvent) {
            triageOverdue = true;
        } else if (event instanceof ReportForwardedEvent) {
            triageOverdue = false;
        }
    }

    private void awaitingTriage() {
        if (!state.awaitingTriage()) {
            throw violation("already-triaged", "status");
        }
    }

    private static Set<String> clusters(Set<String> clusters) {
        return clusters == null ? Set.of() : Set.copyOf(clusters);
    }
}
