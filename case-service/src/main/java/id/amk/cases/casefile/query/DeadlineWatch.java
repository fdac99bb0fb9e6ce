package id.amk.cases.casefile.query;

import id.amk.cases.casefile.api.Commands.RecordDeadlineMissedCommand;
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
import org.springframework.data.mongodb.core.MongoTemplate;
import org.springframework.scheduling.annotation.Scheduled;
import org.springframework.stereotype.Component;

import java.time.Clock;
import java.util.Date;

/**
 * The case deadlines, as a {@link DueSweep}: the {@code case_deadlines} view holds the deadline each case runs
 * against, and each case whose deadline has passed is asked to record it as missed (once, and only if the step is
 * still not done).
 */
@Component
@ProcessingGroup("case-deadlines")
public class DeadlineWatch {

    static final String COLLECTION = "case_deadlines";

    private final MongoTemplate mongo;
    private final CaseStates states;
    private final TimelinessRules rules;
    private final DueSweep sweep;

    DeadlineWatch(MongoTemplate mongo, CaseStates states, CommandGateway commands, TimelinessRules rules, Clock clock) {
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
        Timeliness.current(state, rules).ifPresent(due -> next.append("deadline", due.deadline().name())
                .append("dueAt", Date.from(due.dueAt())));
        mongo.save(next, COLLECTION);
    }

    /** Every case whose deadline has passed: ask it to record the miss. */
    @Scheduled(fixedDelayString = "${amk.cases.timeliness.check-interval:30s}", initialDelayString = "${amk.cases.timeliness.first-check:5s}")
    public void checkDeadlines() {
        sweep.sweep(COLLECTION, DueSweep.any(), "dueAt", due -> new RecordDeadlineMissedCommand(due.getString("_id"),
                Deadline.valueOf(due.getString("deadline")), due.getDate("dueAt").toInstant()));
    }

    @ResetHandler
    void reset() {
        mongo.dropCollection(COLLECTION);
    }
}
