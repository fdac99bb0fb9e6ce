package id.amk.cases.casefile.query;

import id.amk.cases.casefile.api.Commands.RecordDeadlineMissedCommand;
import id.amk.cases.casefile.api.Deadline;
import id.amk.cases.casefile.api.Events.CaseEvent;
import id.amk.cases.casefile.command.CaseState;
import id.amk.cases.casefile.command.Timeliness;
import id.amk.cases.casefile.command.TimelinessRules;
import org.axonframework.commandhandling.gateway.CommandGateway;
import org.axonframework.config.ProcessingGroup;
import org.axonframework.eventhandling.EventHandler;
import org.axonframework.eventhandling.ResetHandler;
import org.axonframework.eventhandling.SequenceNumber;
import org.bson.Document;
import org.slf4j.Logger;
import org.slf4j.LoggerFactory;
import org.springframework.data.mongodb.core.MongoTemplate;
import org.springframework.data.mongodb.core.query.Criteria;
import org.springframework.data.mongodb.core.query.Query;
import org.springframework.scheduling.annotation.Scheduled;
import org.springframework.stereotype.Component;

import java.time.Clock;
import java.util.Date;

/**
 * Durable deadlines without a scheduler of their own: the {@code case_deadlines} view holds the deadline each
 * case runs against (kept from the event stream, so it survives restarts and crashes), and a periodic check
 * asks each case whose deadline has passed to record it as missed. The case records it once, and only if the
 * step is still not done, so a check that runs twice or late (on two instances, after a crash) changes nothing.
 */
@Component
@ProcessingGroup("case-deadlines")
public class DeadlineWatch {

    private static final Logger log = LoggerFactory.getLogger(DeadlineWatch.class);
    static final String COLLECTION = "case_deadlines";

    private final MongoTemplate mongo;
    private final CaseStates states;
    private final CommandGateway commands;
    private final TimelinessRules rules;
    private final Clock clock;

    DeadlineWatch(MongoTemplate mongo, CaseStates states, CommandGateway commands, TimelinessRules rules, Clock clock) {
        this.mongo = mongo;
        this.states = states;
        this.commands = commands;
        this.rules = rules;
        this.clock = clock;
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
        for (Document due : mongo.find(Query.query(Criteria.where("dueAt").lte(Date.from(clock.instant()))), Document.class, COLLECTION)) {
            try {
                commands.sendAndWait(new RecordDeadlineMissedCommand(due.getString("_id"), Deadline.valueOf(due.getString("deadline")),
                        due.getDate("dueAt").toInstant()));
            } catch (RuntimeException e) {
                log.warn("Could not record a missed deadline of case {}, next check retries: {}", due.getString("_id"), e.toString());
            }
        }
    }

    @ResetHandler
    void reset() {
        mongo.dropCollection(COLLECTION);
    }
}
