package id.amk.platform.deadline;

import org.axonframework.commandhandling.gateway.CommandGateway;
import org.bson.Document;
import org.slf4j.Logger;
import org.slf4j.LoggerFactory;
import org.springframework.data.mongodb.core.MongoTemplate;
import org.springframework.data.mongodb.core.query.Criteria;
import org.springframework.data.mongodb.core.query.Query;

import java.time.Clock;
import java.util.Date;
import java.util.function.Function;

/**
 * AMK's one way of running time-driven rules, without a scheduler of its own: a view kept from the event stream
 * holds, per aggregate, the instant a rule falls due (so it survives restarts and crashes); a periodic sweep asks
 * every aggregate whose instant has passed to act, by a command. The aggregate acts once and only while the rule
 * still applies, so a sweep that runs twice or late (two instances, after a crash) changes nothing; a command that
 * fails is tried again by the next sweep.
 */
public final class DueSweep {

    private static final Logger log = LoggerFactory.getLogger(DueSweep.class);

    private final MongoTemplate mongo;
    private final CommandGateway commands;
    private final Clock clock;

    public DueSweep(MongoTemplate mongo, CommandGateway commands, Clock clock) {
        this.mongo = mongo;
        this.commands = commands;
        this.clock = clock;
    }

    /**
     * Sends {@code command} for every document of {@code collection} matching {@code pending} whose {@code dueField}
     * is now or earlier; returns how many were sent successfully.
     */
    public int sweep(String collection, Criteria pending, String dueField, Function<Document, Object> command) {
        Query due = Query.query(new Criteria().andOperator(pending, Criteria.where(dueField).lte(Date.from(clock.instant()))));
        java.util.List<Document> dueNow;
        try {
            dueNow = mongo.find(due, Document.class, collection);
        } catch (org.springframework.dao.DataAccessException e) {
            log.warn("The rules due in {} could not be read (the database is unreachable?), the next sweep retries: {}", collection, e.toString());
            return 0;
        }
        int sent = 0;
        for (Document document : dueNow) {
            try {
                commands.sendAndWait(command.apply(document));
                sent++;
            } catch (RuntimeException e) {
                log.warn("A rule due in {} for {} could not be applied, the next sweep retries: {}", collection, document.get("_id"), e.toString());
            }
        }
        return sent;
    }

    /** Matches every document (for views that hold only what is pending). */
    public static Criteria any() {
        return new Criteria();
    }
}
