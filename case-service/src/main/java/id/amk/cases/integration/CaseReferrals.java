package id.amk.cases.integration;

import id.amk.contracts.Topics;
import id.amk.contracts.referral.ReferralEscalated;
import id.amk.contracts.referral.ReferralSessionDelivered;
import id.amk.contracts.referral.ReferralStatusChanged;
import id.amk.platform.kafka.IntegrationEventListener;
import id.amk.platform.kafka.ReceivedEvent;
import org.bson.Document;
import org.springframework.data.mongodb.core.MongoTemplate;
import org.springframework.data.mongodb.core.query.Criteria;
import org.springframework.data.mongodb.core.query.Query;
import org.springframework.data.mongodb.core.query.Update;
import org.springframework.stereotype.Component;

import java.util.Date;
import java.util.List;
import java.util.Set;

/**
 * The referrals of each case and their progress — latest status, sessions delivered, escalation — from
 * referral-service's events ({@code referral.events.v1}). Events arrive at least once and possibly late: a
 * status replaces the shown one only when newer, the session count only grows.
 */
@Component
public class CaseReferrals implements IntegrationEventListener {

    static final String COLLECTION = "case_referrals";

    /** {@code agencyId}: whose users answer the referral; {@code consent}: what it stands on (null from older publishers). */
    public record Referral(String referralId, String providerId, String status, List<String> components, Date changedAt,
                           int sessionsDelivered, boolean escalated, String agencyId, String consent) {

        private static final Set<String> OPEN = Set.of("REQUESTED", "ACCEPTED", "IN_SERVICE");

        /** Open (not declined, completed or cancelled — a withdrawal of consent cancels it) and standing on consent or an override. */
        public boolean sharesChildDetails() {
            return OPEN.contains(status) && consent != null;
        }
    }

    private final MongoTemplate mongo;

    CaseReferrals(MongoTemplate mongo) {
        this.mongo = mongo;
    }

    @Override
    public String name() {
        return "case-referrals";
    }

    @Override
    public Set<String> topics() {
        return Set.of(Topics.REFERRAL_EVENTS);
    }

    @Override
    public void on(ReceivedEvent event) {
        if (ReferralStatusChanged.TYPE.type().equals(event.type())) {
            status(event.dataAs(ReferralStatusChanged.class));
        } else if (ReferralSessionDelivered.TYPE.type().equals(event.type())) {
            ReferralSessionDelivered session = event.dataAs(ReferralSessionDelivered.class);
            mongo.upsert(Query.query(Criteria.where("_id").is(session.referralId())),
                    new Update().setOnInsert("caseId", session.caseId()).setOnInsert("providerId", session.providerId())
                            .max("sessionsDelivered", session.sessionNumber()), COLLECTION);
        } else if (ReferralEscalated.TYPE.type().equals(event.type())) {
            ReferralEscalated escalated = event.dataAs(ReferralEscalated.class);
            mongo.upsert(Query.query(Criteria.where("_id").is(escalated.referralId())),
                    new Update().setOnInsert("caseId", escalated.caseId()).setOnInsert("providerId", escalated.providerId())
                            .set("escalated", true), COLLECTION);
        }
    }

    private void status(ReferralStatusChanged changed) {
        Document current = mongo.findById(changed.referralId(), Document.class, COLLECTION);
        if (current != null && current.getDate("changedAt") != null
                && !current.getDate("changedAt").toInstant().isBefore(changed.changedAt())) {
            return;
        }
        mongo.upsert(Query.query(Criteria.where("_id").is(changed.referralId())),
                new Update().set("caseId", changed.caseId()).set("providerId", changed.providerId()).set("status", changed.status())
                        .set("components", changed.components()).set("changedAt", Date.from(changed.changedAt()))
                        .set("agencyId", changed.agencyId()).set("consent", changed.consent()), COLLECTION);
    }

    public List<Referral> of(String caseId) {
        return mongo.find(Query.query(Criteria.where("caseId").is(caseId)), Document.class, COLLECTION).stream()
                .map(CaseReferrals::referral).toList();
    }

    /** The referral of this case with this id, as far as its events have arrived. */
    public java.util.Optional<Referral> find(String caseId, String referralId) {
        return java.util.Optional.ofNullable(mongo.findById(referralId, Document.class, COLLECTION))
                .filter(d -> caseId.equals(d.getString("caseId"))).map(CaseReferrals::referral);
    }

    private static Referral referral(Document d) {
        return new Referral(d.getString("_id"), d.getString("providerId"), d.getString("status"),
                d.getList("components", String.class), d.getDate("changedAt"),
                d.get("sessionsDelivered", Number.class) == null ? 0 : d.get("sessionsDelivered", Number.class).intValue(),
                Boolean.TRUE.equals(d.getBoolean("escalated")), d.getString("agencyId"), d.getString("consent"));
    }
}
