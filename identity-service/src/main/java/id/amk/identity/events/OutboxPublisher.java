package id.amk.identity.events;

import id.amk.contracts.EventCatalog;
import id.amk.contracts.EventType;
import id.amk.platform.relay.CloudEventRecords;
import id.amk.platform.relay.IntegrationEventProducer;
import org.bson.Document;
import org.slf4j.Logger;
import org.slf4j.LoggerFactory;
import org.springframework.data.mongodb.core.MongoTemplate;
import org.springframework.data.mongodb.core.query.Criteria;
import org.springframework.data.mongodb.core.query.Query;
import org.springframework.data.mongodb.core.query.Update;
import org.springframework.scheduling.annotation.Scheduled;

import java.nio.charset.StandardCharsets;
import java.time.Duration;
import java.util.Date;
import java.util.List;

/**
 * Publishes the pending events of users, agencies and clients to {@code identity.events.v1}, at least once and in
 * order per document: each is sent and acknowledged before it leaves its document's outbox. A crash in
 * between sends it again with the same CloudEvents id, which consumers drop.
 */
public class OutboxPublisher {

    private static final Logger log = LoggerFactory.getLogger(OutboxPublisher.class);
    static final List<String> COLLECTIONS = List.of("users", "agencies", "clients");

    private final MongoTemplate mongo;
    private final IntegrationEventProducer producer;
    private final String source;

    public OutboxPublisher(MongoTemplate mongo, IntegrationEventProducer producer, String applicationName) {
        this.mongo = mongo;
        this.producer = producer;
        this.source = CloudEventRecords.sourceOf(applicationName);
    }

    @Scheduled(fixedDelayString = "${amk.identity.outbox-interval:500ms}")
    public void publishPending() {
        for (String collection : COLLECTIONS) {
            for (Document document : mongo.find(Query.query(Criteria.where("outbox.0").exists(true)), Document.class, collection)) {
                try {
                    publish(collection, document);
                } catch (Exception e) {
                    log.warn("Identity events of a {} document not published yet, retrying: {}", collection, e.toString());
                    return;
                }
            }
        }
    }

    private void publish(String collection, Document document) throws Exception {
        for (Document pending : document.getList("outbox", Document.class)) {
            EventType type = EventCatalog.byType(pending.getString("type")).orElseThrow();
            Object time = pending.get("time");
            producer.send(CloudEventRecords.of(type, pending.getString("eventId"), source, pending.getString("aggregateId"),
                    time instanceof Date date ? date.toInstant() : java.time.Instant.parse(time.toString()),
                    pending.getString("json").getBytes(StandardCharsets.UTF_8), pending.getString("correlationId")), Duration.ofSeconds(30));
            mongo.updateFirst(Query.query(Criteria.where("_id").is(document.get("_id"))),
                    new Update().pull("outbox", new Document("eventId", pending.getString("eventId"))), collection);
        }
    }
}
