package id.amk.cases.casefile.query;

import id.amk.cases.casefile.api.Commands.ApplyRetentionCommand;
import id.amk.cases.casefile.api.Events.CaseEvent;
import id.amk.cases.casefile.api.Stage;
import id.amk.cases.casefile.command.CaseState;
import id.amk.platform.deadline.DueSweep;
import org.axonframework.commandhandling.gateway.CommandGateway;
import org.axonframework.config.ProcessingGroup;
import org.axonframework.eventhandling.EventHandler;
import org.axonframework.eventhandling.ResetHandler;
import org.axonframework.eventhandling.SequenceNumber;
import org.bson.Document;
import org.springframework.beans.factory.annotation.Value;
import org.springframework.data.mongodb.core.MongoTemplate;
import org.springframework.scheduling.annotation.Scheduled;
import org.springframework.stereotype.Component;

import java.time.Clock;
import java.time.Period;
import java.time.ZoneOffset;
import java.util.Date;

/**
 * Retention of closed cases' personal data, as a {@link DueSweep} over the {@code case_retention} view: a case closed,
 * not on legal hold and not erased is due {@code amk.cases.retention.after-closure} (an ISO period, P5Y by default) after
 * its closure; then the case erases its child's personal data and free texts, as an erasure would. The statistics
 * (monitoring facts, public events) and the history stay. Reopening, a legal hold or an erasure takes the case off the
 * list.
 */
@Component
@ProcessingGroup("case-retention")
public class RetentionWatch {

    static final String COLLECTION = "case_retention";

    private final MongoTemplate mongo;
    private final CaseStates states;
    private final DueSweep sweep;
    private final Clock clock;
    private final Period afterClosure;

    RetentionWatch(MongoTemplate mongo, CaseStates states, CommandGateway commands, Clock clock,
                   @Value("${amk.cases.retention.after-closure:P5Y}") Period afterClosure) {
        this.mongo = mongo;
        this.states = states;
        this.clock = clock;
        this.afterClosure = afterClosure;
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
        if (state.stage() == Stage.CLOSED && state.closedAt() != null && !state.legalHold() && !state.personalDataErased()) {
            next.append("closedAt", Date.from(state.closedAt()))
                    .append("eraseAt", Date.from(state.closedAt().atOffset(ZoneOffset.UTC).plus(afterClosure).toInstant()));
        }
        mongo.save(next, COLLECTION);
    }

    /** Every closed case whose retention period has passed: ask it to erase its personal data. */
    @Scheduled(fixedDelayString = "${amk.cases.retention.check-interval:1h}", initialDelayString = "${amk.cases.timeliness.first-check:5s}")
    public void applyRetention() {
        sweep.sweep(COLLECTION, DueSweep.any(), "eraseAt", due -> new ApplyRetentionCommand(due.getString("_id"),
                clock.instant().atOffset(ZoneOffset.UTC).minus(afterClosure).toInstant(), afterClosure.toString()));
    }

    @ResetHandler
    void reset() {
        mongo.dropCollection(COLLECTION);
    }
}
