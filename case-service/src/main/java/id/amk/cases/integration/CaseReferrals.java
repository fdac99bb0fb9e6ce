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

import java.time.Instant;
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
            // when it became known (the event's time), for the case as it stood at an earlier instant
            Instant known = event.time() != null ? event.time().toInstant() : session.deliveredAt();
            mongo.upsert(Query.query(Criteria.where("_id").is(session.referralId())),
                    new Update().setOnInsert("caseId", session.caseId()).setOnInsert("providerId", session.providerId())
                            .max("sessionsDelivered", session.sessionNumber())
                            .addToSet("sessionsKnown", new Document("n", session.sessionNumber()).append("at", Date.from(known))), COLLECTION);
        } else if (ReferralEscalated.TYPE.type().equals(event.type())) {
            ReferralEscalated escalated = event.dataAs(ReferralEscalated.class);
            mongo.upsert(Query.query(Criteria.where("_id").is(escalated.referralId())),
                    new Update().setOnInsert("caseId", escalated.caseId()).setOnInsert("providerId", escalated.providerId())
                            .set("escalated", true).min("escalatedAt", Date.from(escalated.escalatedAt())), COLLECTION);
        }
    }

    private void status(ReferralStatusChanged changed) {
        // every status with its time, whatever the order of arrival: the referral as it stood at any instant
        mongo.upsert(Query.query(Criteria.where("_id").is(changed.referralId())), new Update().setOnInsert("caseId", changed.caseId())
                .addToSet("statuses", new Document("status", changed.status()).append("at", Date.from(changed.changedAt()))), COLLECTION);
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

    /**
     * The referrals of the case as they stood at {@code asOf}: only those requested by then, each with the status it had
     * and the sessions known by then. A referral whose history this view does not hold (kept before it kept history)
     * is shown only when its latest change is not after {@code asOf}.
     */
    public List<Referral> asOf(String caseId, Instant asOf) {
        List<Referral> referrals = new java.util.ArrayList<>();
        for (Document d : mongo.find(Query.query(Criteria.where("caseId").is(caseId)), Document.class, COLLECTION)) {
            List<Document> statuses = d.getList("statuses", Document.class);
            if (statuses == null || statuses.isEmpty()) {
                if (d.getDate("changedAt") != null && !d.getDate("changedAt").toInstant().isAfter(asOf)) {
                    referrals.add(referral(d));
                }
                continue;
            }
            java.util.Optional<Document> then = statuses.stream().filter(x -> !x.getDate("at").toInstant().isAfter(asOf))
                    .max(java.util.Comparator.comparing(x -> x.getDate("at")));
            if (then.isEmpty()) {
                continue; // not yet requested at that instant
            }
            List<Document> sessions = d.getList("sessionsKnown", Document.class, List.of());
            int delivered = (int) sessions.stream().filter(x -> !x.getDate("at").toInstant().isAfter(asOf)).count();
            Date escalatedAt = d.getDate("escalatedAt");
            referrals.add(new Referral(d.getString("_id"), d.getString("providerId"), then.get().getString("status"),
                    d.getList("components", String.class), then.get().getDate("at"), delivered,
                    escalatedAt != null && !escalatedAt.toInstant().isAfter(asOf), d.getString("agencyId"), d.getString("consent")));
        }
        return referrals;
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
