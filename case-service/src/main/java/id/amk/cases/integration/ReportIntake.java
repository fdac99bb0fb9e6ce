package id.amk.cases.integration;

import id.amk.cases.casefile.api.CaseIds;
import id.amk.cases.casefile.api.Commands.RegisterCaseCommand;
import id.amk.cases.casefile.api.RiskLevel;
import id.amk.cases.casefile.command.CasePolicies;
import id.amk.cases.casefile.command.CaseRuleViolation;
import id.amk.cases.casefile.query.CaseNumbers;
import id.amk.contracts.Topics;
import id.amk.contracts.lapor.ReportAccepted;
import id.amk.platform.kafka.IntegrationEventListener;
import id.amk.platform.kafka.ReceivedEvent;
import id.amk.platform.kafka.UnprocessableEventException;
import org.axonframework.commandhandling.gateway.CommandGateway;
import org.axonframework.eventsourcing.eventstore.EventStore;
import org.springframework.stereotype.Component;

import java.util.Set;

/**
 * A Lapor Sosial report accepted in triage (reporting-service, {@code lapor.events.v1}) becomes exactly one case:
 * its id derives from the report's, so a redelivered or replayed report finds its case and registers nothing.
 * A report the case's rules refuse goes to the dead-letter topic with the rule, for the coordinators to fix.
 */
@Component
class ReportIntake implements IntegrationEventListener {

    private final CommandGateway commands;
    private final EventStore events;
    private final CaseNumbers numbers;

    ReportIntake(CommandGateway commands, EventStore events, CaseNumbers numbers) {
        this.commands = commands;
        this.events = events;
        this.numbers = numbers;
    }

    @Override
    public String name() {
        return "report-intake";
    }

    @Override
    public Set<String> topics() {
        return Set.of(Topics.LAPOR_EVENTS);
    }

    @Override
    public void on(ReceivedEvent event) {
        if (!ReportAccepted.TYPE.type().equals(event.type())) {
            return;
        }
        ReportAccepted report = event.dataAs(ReportAccepted.class);
        String caseId = CaseIds.fromReport(report.reportId());
        if (events.lastSequenceNumberFor(caseId).isPresent()) {
            return; // this report's case exists already
        }
        Set<String> clusters = report.suspectedClusters() == null ? Set.of() : Set.copyOf(report.suspectedClusters());
        try {
            commands.sendAndWait(new RegisterCaseCommand(caseId, numbers.next(report.regionCode()), report.regionCode(), null, clusters,
                    null, RiskLevel.valueOf(report.urgency()), CasePolicies.LAPOR_SOSIAL, report.reportId(), false,
                    report.assignedWorkerId(), report.acceptedBy(), null));
        } catch (CaseRuleViolation | IllegalArgumentException | StringIndexOutOfBoundsException e) {
            throw new UnprocessableEventException("report " + report.reportId() + " refused: " + e.getMessage(), e);
        }
    }
}
