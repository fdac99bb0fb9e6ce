package id.amk.referrals.referral.query;

import id.amk.platform.deadline.DueSweep;
import id.amk.referrals.referral.api.ReferralCommands.EscalateReferralCommand;
import id.amk.referrals.referral.api.ReferralStatus;
import org.axonframework.commandhandling.gateway.CommandGateway;
import org.springframework.data.mongodb.core.MongoTemplate;
import org.springframework.data.mongodb.core.query.Criteria;
import org.springframework.scheduling.annotation.Scheduled;
import org.springframework.stereotype.Component;

import java.time.Clock;

/**
 * The response deadlines of referrals, as a {@link DueSweep}: the {@code referrals} view holds each referral's
 * {@code respondBy}, and every unanswered, unescalated referral past it is asked to escalate (once, and only while
 * still unanswered).
 */
@Component
public class ResponseWatch {

    private final DueSweep sweep;

    ResponseWatch(MongoTemplate mongo, CommandGateway commands, Clock clock) {
        this.sweep = new DueSweep(mongo, commands, clock);
    }

    @Scheduled(fixedDelayString = "${amk.referrals.check-interval:30s}", initialDelayString = "${amk.referrals.first-check:5s}")
    public void checkDeadlines() {
        sweep.sweep(ReferralView.COLLECTION, Criteria.where("status").is(ReferralStatus.REQUESTED.name()).and("escalated").is(false),
                "respondBy", due -> new EscalateReferralCommand(due.getString("_id"), due.getDate("respondBy").toInstant()));
    }
}
