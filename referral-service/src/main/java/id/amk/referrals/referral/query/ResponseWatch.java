package id.amk.referrals.referral.query;

import id.amk.referrals.referral.api.ReferralCommands.EscalateReferralCommand;
import id.amk.referrals.referral.api.ReferralStatus;
import org.axonframework.commandhandling.gateway.CommandGateway;
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
 * Durable response deadlines without a scheduler of their own: the {@code referrals} view holds each referral's
 * {@code respondBy} (kept from the event stream, so it survives restarts and crashes), and a periodic check asks
 * every unanswered, unescalated referral past it to escalate. The referral escalates once, and only while still
 * unanswered, so a check that runs twice or late (two instances, after a crash) changes nothing.
 */
@Component
public class ResponseWatch {

    private static final Logger log = LoggerFactory.getLogger(ResponseWatch.class);

    private final MongoTemplate mongo;
    private final CommandGateway commands;
    private final Clock clock;

    ResponseWatch(MongoTemplate mongo, CommandGateway commands, Clock clock) {
        this.mongo = mongo;
        this.commands = commands;
        this.clock = clock;
    }

    @Scheduled(fixedDelayString = "${amk.referrals.check-interval:30s}", initialDelayString = "${amk.referrals.first-check:5s}")
    public void checkDeadlines() {
        Query overdue = Query.query(Criteria.where("status").is(ReferralStatus.REQUESTED.name()).and("escalated").is(false)
                .and("respondBy").lte(Date.from(clock.instant())));
        for (Document due : mongo.find(overdue, Document.class, ReferralView.COLLECTION)) {
            try {
                commands.sendAndWait(new EscalateReferralCommand(due.getString("_id"), due.getDate("respondBy").toInstant()));
            } catch (RuntimeException e) {
                log.warn("Could not escalate referral {}, next check retries: {}", due.getString("_id"), e.toString());
            }
        }
    }
}
