package id.amk.cases.integration;

import id.amk.contracts.Topics;
import id.amk.contracts.referral.ReferralStatusChanged;
import id.amk.platform.kafka.IntegrationEventListener;
import id.amk.platform.kafka.ReceivedEvent;
import org.bson.Document;
import org.springframework.data.mongodb.core.MongoTemplate;
import org.springframework.data.mongodb.core.query.Criteria;
import org.springframework.data.mongodb.core.query.Query;
import org.springframework.stereotype.Component;

import java.util.Date;
import java.util.List;
import java.util.Set;

/** The referrals of each case and their latest status, from referral-service's events ({@code referral.events.v1}). */
@Component
public class CaseReferrals implements IntegrationEventListener {

    static final String COLLECTION = "case_referrals";

    public record Referral(String referralId, String providerId, String status, List<String> components, Date changedAt) {
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
        if (!ReferralStatusChanged.TYPE.type().equals(event.type())) {
            return;
        }
        ReferralStatusChanged changed = event.dataAs(ReferralStatusChanged.class);
        Document current = mongo.findById(changed.referralId(), Document.class, COLLECTION);
        // statuses arrive at least once and possibly late: only a newer one replaces what is shown
        if (current != null && !current.getDate("changedAt").toInstant().isBefore(changed.changedAt())) {
            return;
        }
        mongo.save(new Document("_id", changed.referralId()).append("caseId", changed.caseId()).append("providerId", changed.providerId())
                .append("status", changed.status()).append("components", changed.components())
                .append("changedAt", Date.from(changed.changedAt())), COLLECTION);
    }

    public List<Referral> of(String caseId) {
        return mongo.find(Query.query(Criteria.where("caseId").is(caseId)), Document.class, COLLECTION).stream()
                .map(d -> new Referral(d.getString("_id"), d.getString("providerId"), d.getString("status"),
                        d.getList("components", String.class), d.getDate("changedAt")))
                .toList();
    }
}
