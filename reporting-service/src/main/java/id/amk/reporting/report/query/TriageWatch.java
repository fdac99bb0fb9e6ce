package id.amk.reporting.report.query;

import id.amk.platform.deadline.DueSweep;
import id.amk.reporting.report.api.ReportCommands.EscalateTriageCommand;
import id.amk.reporting.report.api.ReportTypes.ReportStatus;
import org.axonframework.commandhandling.gateway.CommandGateway;
import org.springframework.data.mongodb.core.MongoTemplate;
import org.springframework.data.mongodb.core.query.Criteria;
import org.springframework.scheduling.annotation.Scheduled;
import org.springframework.stereotype.Component;

import java.time.Clock;
import java.util.List;

/**
 * The triage deadline of Lapor Sosial reports, as a {@link DueSweep}: the {@code reports} view holds each untriaged
 * report's {@code triageDueAt}; a report past it is asked to escalate (once per region, only while untriaged).
 */
@Component
class TriageWatch {

    private final DueSweep sweep;

    TriageWatch(MongoTemplate mongo, CommandGateway commands, Clock clock) {
        this.sweep = new DueSweep(mongo, commands, clock);
    }

    @Scheduled(fixedDelayString = "${amk.reports.check-interval:30s}", initialDelayString = "${amk.reports.first-check:5s}")
    void checkDeadlines() {
        sweep.sweep(ReportView.COLLECTION, Criteria.where("status").in(List.of(ReportStatus.SUBMITTED.name(), ReportStatus.FORWARDED.name()))
                .and("triageOverdue").is(false), "triageDueAt", due -> new EscalateTriageCommand(due.getString("_id"),
                due.getDate("triageDueAt").toInstant()));
    }
}
