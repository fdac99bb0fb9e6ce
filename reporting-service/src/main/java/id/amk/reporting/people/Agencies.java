package id.amk.reporting.people;

import id.amk.contracts.Topics;
import id.amk.contracts.identity.AgencyChanged;
import id.amk.contracts.identity.AgencyRegistered;
import id.amk.platform.kafka.IntegrationEventListener;
import id.amk.platform.kafka.ReceivedEvent;
import org.bson.Document;
import org.springframework.data.mongodb.core.MongoTemplate;
import org.springframework.stereotype.Component;

import java.time.Instant;
import java.util.Collection;
import java.util.Date;
import java.util.List;
import java.util.Set;

/**
 * The agencies identity-service registered ({@code identity.events.v1}): whom a case's coordination may invite. An
 * event older than what the view holds changes nothing.
 */
@Component
public class Agencies implements IntegrationEventListener {

    static final String COLLECTION = "agencies";

    private final MongoTemplate mongo;

    Agencies(MongoTemplate mongo) {
        this.mongo = mongo;
    }

    @Override
    public String name() {
        return "agencies";
    }

    @Override
    public Collection<String> topics() {
        return Set.of(Topics.IDENTITY_EVENTS);
    }

    @Override
    public void on(ReceivedEvent event) {
        if (AgencyRegistered.TYPE.type().equals(event.type())) {
            AgencyRegistered a = event.dataAs(AgencyRegistered.class);
            upsert(a.agencyId(), a.name(), a.regionCodes(), a.enabled(), a.registeredAt());
        } else if (AgencyChanged.TYPE.type().equals(event.type())) {
            AgencyChanged a = event.dataAs(AgencyChanged.class);
            upsert(a.agencyId(), a.name(), a.regionCodes(), a.enabled(), a.changedAt());
        }
    }

    /** Whether identity-service announced the agency and has not disabled it. */
    public boolean active(String agencyId) {
        Document d = mongo.findById(agencyId, Document.class, COLLECTION);
        return d != null && Boolean.TRUE.equals(d.getBoolean("enabled"));
    }

    private void upsert(String agencyId, String name, List<String> regions, boolean enabled, Instant asOf) {
        Document current = mongo.findById(agencyId, Document.class, COLLECTION);
        if (current == null || current.getDate("asOf").toInstant().isBefore(asOf)) {
            mongo.save(new Document("_id", agencyId).append("name", name).append("regions", regions).append("enabled", enabled)
                    .append("asOf", Date.from(asOf)), COLLECTION);
        }
    }
}
