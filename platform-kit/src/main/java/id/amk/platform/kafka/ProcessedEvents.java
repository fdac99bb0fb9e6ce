package id.amk.platform.kafka;

import org.bson.Document;
import org.springframework.data.mongodb.core.MongoTemplate;
import org.springframework.data.mongodb.core.query.Criteria;
import org.springframework.data.mongodb.core.query.Query;
import org.springframework.data.mongodb.core.query.Update;

import java.time.Instant;

/** The ids of the events each consumer has processed, in the service's own database (lookups by _id). */
public class ProcessedEvents {

    static final String COLLECTION = "processed_events";

    private final MongoTemplate mongo;

    public ProcessedEvents(MongoTemplate mongo) {
        this.mongo = mongo;
    }

    public boolean contains(String consumer, String eventId) {
        // a find by _id, not exists(): the driver answers exists() with a count, an aggregation the embedded Mongo server
        // runs over the whole collection (it grows by one document per event consumed) instead of using the _id index
        return mongo.findById(key(consumer, eventId), Document.class, COLLECTION) != null;
    }

    public void add(String consumer, String eventId) {
        mongo.upsert(Query.query(Criteria.where("_id").is(key(consumer, eventId))),
                Update.update("processedAt", Instant.now()), COLLECTION);
    }

    private static String key(String consumer, String eventId) {
        return consumer + "/" + eventId;
    }
}
