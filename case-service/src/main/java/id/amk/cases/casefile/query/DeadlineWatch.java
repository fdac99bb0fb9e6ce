package id.amk.cases.casefile.query;

import id.amk.cases.casefile.api.Commands.RecordDeadlineMissedCommand;
import id.amk.cases.casefile.api.Commands.RemindDeadlineCommand;
import id.amk.cases.casefile.api.Deadline;
import id.amk.cases.casefile.api.Events.CaseEvent;
import id.amk.cases.casefile.command.CaseState;
import id.amk.cases.casefile.command.Timeliness;
import id.amk.cases.casefile.command.TimelinessRules;
import id.amk.platform.deadline.DueSweep;
import org.axonframework.commandhandling.gateway.CommandGateway;
import org.axonframework.config.ProcessingGroup;
import org.axonframework.eventhandling.EventHandler;
import org.axonframework.eventhandling.ResetHandler;
import org.axonframework.eventhandling.SequenceNumber;
import org.bson.Document;
import org.springframework.beans.factory.annotation.Value;
import org.springframework.data.mongodb.core.MongoTemplate;
import org.springframework.data.mongodb.core.query.Criteria;
import org.springframework.scheduling.annotation.Scheduled;
import org.springframework.stereotype.Component;

import java.time.Clock;
import java.time.Duration;
import java.util.Date;

/**
 * The case deadlines, as two {@link DueSweep}s over the {@code case_deadlines} view, which holds the deadline each case
 * runs against: when it draws near ({@code remindAt}: {@code amk.cases.timeliness.remind-before} before it, or half the
 * time left when that is shorter) the case reminds its worker; when it has passed the case records it as missed. Each
 * once, and only while the step is still not done.
 */
@Component
@ProcessingGroup("case-deadlines")
public class DeadlineWatch {

    static final String COLLECTION = "case_deadlines";

    private final MongoTemplate mongo;
    private final CaseStates states;
    private final TimelinessRules rules;
    private final DueSweep sweep;
    private final Duration remindBefore;

    DeadlineWatch(MongoTemplate mongo, CaseStates states, CommandGateway commands, TimelinessRules rules, Clock clock,
                  @Value("${amk.cases.timeliness.remind-before:24h}") Duration remindBefore) {
        this.remindBefore = remindBefore;
        this.mongo = mongo;
        this.states = states;
        this.rules = rules;
        this.sweep = new DueSweep(mongo, commands, clock);
    }

    @EventHandler
    void on(CaseEvent event, @SequenceNumber long sequence) {
        Document current = mongo.findById(event.caseId(), Document.class, COLLECTION);
        if (current != null && current.get("version", Number.class).longValue() >= sequence) {
            return;
        }
        CaseState state = states.after(event, sequence);
        Document next = new Document("_id", state.caseId()).append("version", state.version());
        Timeliness.current(state, rules).ifPresent(due -> {
            Duration left = Duration.between(event.at(), due.dueAt());
            Duration before = left.dividedBy(2).compareTo(remindBefore) < 0 ? left.dividedBy(2) : remindBefore;
            next.append("deadline", due.deadline().name()).append("dueAt", Date.from(due.dueAt()))
                    .append("remindAt", Date.from(due.dueAt().minus(before.isNegative() ? Duration.ZERO : before)))
                    .append("reminded", state.reminded(due.deadline(), due.dueAt()));
        });
        mongo.save(next, COLLECTION);
    }

    /** Every case whose deadline has passed: ask it to record the miss. */
    @Scheduled(fixedDelayString = "${amk.cases.timeliness.check-interval:30s}", initialDelayString = "${amk.cases.timeliness.first-check:5s}")
    public void checkDeadlines() {
        sweep.sweep(COLLECTION, DueSweep.any(), "dueAt", due -> new RecordDeadlineMissedCommand(due.getString("_id"),
                Deadline.valueOf(due.getString("deadline")), due.getDate("dueAt").toInstant()));
    }

    /** Every case whose deadline draws near and whose worker was not reminded yet. */
    @Scheduled(fixedDelayString = "${amk.cases.timeliness.check-interval:30s}", initialDelayString = "${amk.cases.timeliness.first-check:5s}")
    public void remindOfDeadlines() {
        sweep.sweep(COLLECTION, Criteria.where("reminded").is(false), "remindAt", due -> new RemindDeadlineCommand(due.getString("_id"),
                Deadline.valueOf(due.getString("deadline")), due.getDate("dueAt").toInstant()));
    }

    @ResetHandler
    void reset() {
        mongo.dropCollection(COLLECTION);
    }
}
