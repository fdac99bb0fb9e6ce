package id.amk.referrals.referral.query;

import id.amk.referrals.referral.api.ReferralEvents.ReferralAcceptedEvent;
import id.amk.referrals.referral.api.ReferralEvents.ReferralCancelledEvent;
import id.amk.referrals.referral.api.ReferralEvents.ReferralCompletedEvent;
import id.amk.referrals.referral.api.ReferralEvents.ReferralDeclinedEvent;
import id.amk.referrals.referral.api.ReferralEvents.ReferralEscalatedEvent;
import id.amk.referrals.referral.api.ReferralEvents.ReferralEvent;
import id.amk.referrals.referral.api.ReferralEvents.ReferralRequestedEvent;
import id.amk.referrals.referral.api.ReferralEvents.ServiceSessionDeliveredEvent;
import id.amk.referrals.referral.api.ReferralStatus;
import org.axonframework.config.ProcessingGroup;
import org.axonframework.eventhandling.EventHandler;
import org.axonframework.eventhandling.ResetHandler;
import org.axonframework.eventhandling.SequenceNumber;
import org.bson.Document;
import org.springframework.data.mongodb.core.MongoTemplate;
import org.springframework.data.mongodb.core.query.Criteria;
import org.springframework.data.mongodb.core.query.Query;
import org.springframework.data.mongodb.core.query.Update;
import org.springframework.stereotype.Component;

import java.time.Instant;
import java.util.Date;
import java.util.List;

/**
 * The {@code referrals} view: one document per referral with what lists, inboxes, the response watch, provider
 * load and statistics need — never free text. Each event is applied once: a document remembers the sequence
 * number of the last event it holds, so a replayed event changes nothing.
 */
@Component
@ProcessingGroup("referral-views")
public class ReferralView {

    public static final String COLLECTION = "referrals";
    /** A provider's load: the referrals it has taken on and not yet ended. */
    public static final List<String> IN_CARE = List.of(ReferralStatus.ACCEPTED.name(), ReferralStatus.IN_SERVICE.name());

    private final MongoTemplate mongo;

    ReferralView(MongoTemplate mongo) {
        this.mongo = mongo;
    }

    @EventHandler
    void on(ReferralEvent event, @SequenceNumber long sequence) {
        Update update = new Update().set("version", sequence).set("lastChangedAt", date(event.at()));
        if (event instanceof ReferralRequestedEvent e) {
            update.set("caseId", e.caseId()).set("regionCode", e.regionCode()).set("providerId", e.providerId())
                    .set("agencyId", e.agencyId()).set("components", e.components().stream().map(Enum::name).sorted().toList())
                    .set("urgent", e.urgent()).set("status", ReferralStatus.REQUESTED.name()).set("requestedBy", e.actor())
                    .set("requestedAt", date(e.at())).set("respondBy", date(e.respondBy())).set("escalated", false).set("sessions", 0)
                    .set("emergencyOverride", e.consentBy() == null).set("capacityOverride", e.capacityOverride() != null);
        } else if (event instanceof ReferralAcceptedEvent e) {
            update.set("status", ReferralStatus.ACCEPTED.name()).set("answeredAt", date(e.at())).set("acceptedAt", date(e.at()));
        } else if (event instanceof ReferralDeclinedEvent e) {
            update.set("status", ReferralStatus.DECLINED.name()).set("answeredAt", date(e.at())).set("declineReason", e.reason().name());
        } else if (event instanceof ServiceSessionDeliveredEvent e) {
            update.set("status", ReferralStatus.IN_SERVICE.name()).set("sessions", e.sessionNumber())
                    .set("lastSessionAt", date(e.deliveredAt()));
        } else if (event instanceof ReferralCompletedEvent e) {
            update.set("status", ReferralStatus.COMPLETED.name()).set("endedAt", date(e.at())).set("outcome", e.outcome().name());
        } else if (event instanceof ReferralCancelledEvent e) {
            update.set("status", ReferralStatus.CANCELLED.name()).set("endedAt", date(e.at())).set("cancelReason", e.reason().name());
        } else if (event instanceof ReferralEscalatedEvent e) {
            update.set("escalated", true).set("escalatedAt", date(e.at()));
        }
        // only an event newer than what the document holds applies
        Query newer = Query.query(Criteria.where("_id").is(event.referralId())
                .orOperator(Criteria.where("version").lt(sequence), Criteria.where("version").exists(false)));
        if (mongo.updateFirst(newer, update, COLLECTION).getMatchedCount() == 0
                && mongo.findById(event.referralId(), Document.class, COLLECTION) == null) {
            mongo.upsert(Query.query(Criteria.where("_id").is(event.referralId())), update, COLLECTION);
        }
    }

    @ResetHandler
    void reset() {
        mongo.dropCollection(COLLECTION);
    }

    private static Date date(Instant instant) {
        return instant == null ? null : Date.from(instant);
    }
}
