package id.amk.reporting.projection;

import org.bson.Document;
import org.springframework.data.mongodb.core.MongoTemplate;
import org.springframework.data.mongodb.core.query.Criteria;
import org.springframework.data.mongodb.core.query.Query;
import org.springframework.data.mongodb.core.query.Update;

import java.time.Instant;
import java.util.Date;
import java.util.List;

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

    ProjectionStore(MongoTemplate mongo, String projection, long generation) {
        this.mongo = mongo;
        this.projection = projection;
        this.generation = generation;
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
        mongo.upsert(byId(id), update, collection(base));
    }

    /**
     * {@code field} takes {@code value} only when {@code at} is newer than what set it before (on a tie, the greater value):
     * one upsert by id, {@code $max} on {newestAt, newestValue}, so copies and any order end in the same document. By id
     * only, because a query on anything more scans the collection on the embedded Mongo. Readers see the plain value.
     */
    public void newest(String base, String id, String field, Object value, Instant at) {
        mongo.upsert(byId(id), new Update().max(field, new Document(NEWEST_AT, Date.from(at)).append(NEWEST_VALUE, value)),
                collection(base));
    }

    public void earliest(String base, String id, String field, Instant at) {
        mongo.upsert(byId(id), new Update().min(field, Date.from(at)), collection(base));
    }

    public void latest(String base, String id, String field, Instant at) {
        mongo.upsert(byId(id), new Update().max(field, Date.from(at)), collection(base));
    }

    public void addToSet(String base, String id, String field, Object value) {
        mongo.upsert(byId(id), new Update().addToSet(field, value), collection(base));
    }

    public void highest(String base, String id, String field, long value) {
        mongo.upsert(byId(id), new Update().max(field, value), collection(base));
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
