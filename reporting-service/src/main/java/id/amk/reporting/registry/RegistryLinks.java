package id.amk.reporting.registry;

import id.amk.contracts.Topics;
import id.amk.contracts.cases.PersonalDataErased;
import id.amk.contracts.cases.RegistryLinkChanged;
import id.amk.platform.kafka.IntegrationEventListener;
import id.amk.platform.kafka.ReceivedEvent;
import org.bson.Document;
import org.springframework.data.mongodb.core.MongoTemplate;
import org.springframework.data.mongodb.core.query.Criteria;
import org.springframework.data.mongodb.core.query.Query;
import org.springframework.stereotype.Component;

import java.util.Date;
import java.util.Optional;
import java.util.Set;

/**
 * The NIK of each case's child, from the restricted {@code case.registry.v1}, for the registry export only
 * ({@code registry_links}). An erased case leaves it for good: its link is deleted and the case remembered as erased
 * ({@code registry_erased}), so a link record arriving late from the other topic cannot bring the NIK back.
 */
@Component
public class RegistryLinks implements IntegrationEventListener {

    static final String LINKS = "registry_links";
    static final String ERASED = "registry_erased";

    private final MongoTemplate mongo;

    RegistryLinks(MongoTemplate mongo) {
        this.mongo = mongo;
    }

    @Override
    public String name() {
        return "registry-links";
    }

    @Override
    public Set<String> topics() {
        return Set.of(Topics.CASE_REGISTRY, Topics.CASE_EVENTS);
    }

    @Override
    public void on(ReceivedEvent event) {
        if (PersonalDataErased.TYPE.type().equals(event.type())) {
            String caseId = event.dataAs(PersonalDataErased.class).caseId();
            mongo.save(new Document("_id", caseId).append("at", new Date()), ERASED);
            unlink(caseId);
        } else if (RegistryLinkChanged.TYPE.type().equals(event.type())) {
            RegistryLinkChanged link = event.dataAs(RegistryLinkChanged.class);
            if (!link.linked() || link.nik() == null || mongo.findById(link.caseId(), Document.class, ERASED) != null) {
                unlink(link.caseId());
                return;
            }
            Document current = mongo.findById(link.caseId(), Document.class, LINKS);
            if (current == null || !current.getDate("changedAt").toInstant().isAfter(link.changedAt())) {
                mongo.save(new Document("_id", link.caseId()).append("nik", link.nik()).append("changedAt", Date.from(link.changedAt())), LINKS);
            }
        }
    }

    public Optional<String> nikOf(String caseId) {
        return Optional.ofNullable(mongo.findById(caseId, Document.class, LINKS)).map(d -> d.getString("nik"));
    }

    public java.util.List<Document> all() {
        return mongo.findAll(Document.class, LINKS);
    }

    private void unlink(String caseId) {
        mongo.remove(Query.query(Criteria.where("_id").is(caseId)), LINKS);
    }
}
