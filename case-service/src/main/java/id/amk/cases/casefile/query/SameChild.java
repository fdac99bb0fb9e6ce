package id.amk.cases.casefile.query;

import org.springframework.data.domain.Sort;
import org.springframework.data.mongodb.core.MongoTemplate;
import org.springframework.data.mongodb.core.index.Index;
import org.springframework.data.mongodb.core.query.Criteria;
import org.springframework.data.mongodb.core.query.Query;
import org.springframework.stereotype.Component;

import java.util.List;

/**
 * The cases of one child ({@code childId} in the views): a child who returns a year later, or two cases a worker found
 * to be of the same child. Read from {@code case_summaries}, so a case linked a moment ago shows once its view caught up.
 */
@Component
public class SameChild {

    /** The child's cases other than the one asked about: those in the caller's scope, and how many beyond it. */
    public record Cases(List<CaseSummary> visible, long elsewhere) {
    }

    private final MongoTemplate mongo;

    SameChild(MongoTemplate mongo) {
        this.mongo = mongo;
        mongo.indexOps(CaseSummary.class).ensureIndex(new Index("childId", Sort.Direction.ASC));
    }

    /**
     * Views written before children existed have no {@code childId}: each such case is its own child, written so when
     * the service starts (once: afterwards there are none without).
     */
    @jakarta.annotation.PostConstruct
    void everyCaseHasAChild() {
        Query without = Query.query(Criteria.where("childId").exists(false));
        without.fields().include("_id");
        for (org.bson.Document view : mongo.find(without, org.bson.Document.class, "case_summaries")) {
            Object caseId = view.get("_id");
            mongo.updateFirst(Query.query(Criteria.where("_id").is(caseId).and("childId").exists(false)),
                    new org.springframework.data.mongodb.core.query.Update().set("childId", caseId), "case_summaries");
        }
    }

    /** The child's other cases, the newest first; {@code scope}: the cases the caller may see. */
    public Cases others(String childId, String caseId, Criteria scope) {
        if (childId == null) {
            return new Cases(List.of(), 0);
        }
        Criteria others = Criteria.where("childId").is(childId).and("_id").ne(caseId);
        List<CaseSummary> visible = mongo.find(Query.query(new Criteria().andOperator(others, scope))
                .with(Sort.by(Sort.Direction.DESC, "registeredAt")).limit(50), CaseSummary.class);
        long all = mongo.count(Query.query(others), CaseSummary.class);
        return new Cases(visible, Math.max(0, all - visible.size()));
    }

    /** Every case of the child, this one included, whoever may see them (for an erasure of the child). */
    public List<CaseSummary> all(String childId) {
        return mongo.find(Query.query(Criteria.where("childId").is(childId)), CaseSummary.class);
    }
}
