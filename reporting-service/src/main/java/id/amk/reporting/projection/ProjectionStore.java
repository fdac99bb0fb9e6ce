package id.amk.reporting.projection;

import org.bson.Document;
import org.springframework.data.mongodb.core.BulkOperations;
import org.springframework.data.mongodb.core.MongoTemplate;
import org.springframework.data.mongodb.core.query.Criteria;
import org.springframework.data.mongodb.core.query.Query;
import org.springframework.data.mongodb.core.query.Update;
import org.springframework.data.util.Pair;

import java.time.Instant;
import java.util.Date;
import java.util.ArrayList;
import java.util.LinkedHashMap;
import java.util.List;
import java.util.Map;

/**
 * One generation of a projection's collections ({@code <base>_g<n>}), with the only kinds of writes projections use:
 * facts that are the same however often and in whatever order events arrive — set once, keep the newest by time, keep
 * the earliest or latest instant, add to a set. Duplicates and reordering therefore change nothing.
 */
public final class ProjectionStore {

    private static final String NEWEST_AT = "newestAt";
    private static final String NEWEST_VALUE = "newestValue";

    private final MongoTemplate mongo;
    private final String projection;
    private final long generation;
    /** Writes waiting for {@link #flush()}, per collection; null: every write goes at once. */
    private final Map<String, List<Pair<Query, Update>>> pending;

    ProjectionStore(MongoTemplate mongo, String projection, long generation) {
        this(mongo, projection, generation, null);
    }

    private ProjectionStore(MongoTemplate mongo, String projection, long generation, Map<String, List<Pair<Query, Update>>> pending) {
        this.mongo = mongo;
        this.projection = projection;
        this.generation = generation;
        this.pending = pending;
    }

    /**
     * The same generation, its writes collected until {@link #flush()} sends them in one bulk per collection: what a
     * rebuild uses, a poll of records at a time. Every write is an upsert by id whatever the order, so a bulk changes
     * nothing but the number of round trips.
     */
    ProjectionStore batched() {
        return new ProjectionStore(mongo, projection, generation, new LinkedHashMap<>());
    }

    /** Sends the collected writes (a store that is not batched has none). */
    void flush() {
        if (pending == null || pending.isEmpty()) {
            return;
        }
        pending.forEach((collection, writes) -> mongo.bulkOps(BulkOperations.BulkMode.ORDERED, collection).upsert(writes).execute());
        pending.clear();
    }

    public long generation() {
        return generation;
    }

    public String collection(String base) {
        return projection + "_" + base + "_g" + generation;
    }

    public List<Document> all(String base) {
        return mongo.findAll(Document.class, collection(base)).stream().map(ProjectionStore::plain).toList();
    }

    public List<Document> find(String base, Criteria criteria) {
        return mongo.find(Query.query(criteria), Document.class, collection(base)).stream().map(ProjectionStore::plain).toList();
    }

    /** The stored path of a field written by {@link #newest}, for queries on its current value. */
    public static String newestValueOf(String field) {
        return field + "." + NEWEST_VALUE;
    }

    public Document byId(String base, String id) {
        return plain(mongo.findById(id, Document.class, collection(base)));
    }

    void drop(List<String> bases) {
        bases.forEach(b -> mongo.dropCollection(collection(b)));
    }

    /** Facts that never change once known (the same values on every copy of the event). */
    public void set(String base, String id, Document fields) {
        Update update = new Update();
        fields.forEach(update::set);
        upsert(base, id, update);
    }

    /**
     * {@code field} takes {@code value} only when {@code at} is newer than what set it before (on a tie, the greater value):
     * one upsert by id, {@code $max} on {newestAt, newestValue}, so copies and any order end in the same document. By id
     * only, because a query on anything more scans the collection on the embedded Mongo. Readers see the plain value.
     */
    public void newest(String base, String id, String field, Object value, Instant at) {
        upsert(base, id, new Update().max(field, new Document(NEWEST_AT, Date.from(at)).append(NEWEST_VALUE, value)));
    }

    public void earliest(String base, String id, String field, Instant at) {
        upsert(base, id, new Update().min(field, Date.from(at)));
    }

    public void latest(String base, String id, String field, Instant at) {
        upsert(base, id, new Update().max(field, Date.from(at)));
    }

    public void addToSet(String base, String id, String field, Object value) {
        upsert(base, id, new Update().addToSet(field, value));
    }

    public void highest(String base, String id, String field, long value) {
        upsert(base, id, new Update().max(field, value));
    }

    private void upsert(String base, String id, Update update) {
        if (pending == null) {
            mongo.upsert(byId(id), update, collection(base));
        } else {
            pending.computeIfAbsent(collection(base), c -> new ArrayList<>()).add(Pair.of(byId(id), update));
        }
    }

    /** A document as readers see it: each {@link #newest} field as its plain value. */
    private static Document plain(Document stored) {
        if (stored == null) {
            return null;
        }
        stored.replaceAll((field, value) -> value instanceof Document d && d.size() == 2 && d.containsKey(NEWEST_AT)
                && d.containsKey(NEWEST_VALUE) ? d.get(NEWEST_VALUE) : value);
        return stored;
    }

    private static Query byId(String id) {
        return Query.query(Criteria.where("_id").is(id));
    }
}
