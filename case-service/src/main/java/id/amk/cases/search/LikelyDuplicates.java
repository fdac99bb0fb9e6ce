package id.amk.cases.search;

import id.amk.cases.casefile.api.Child;
import id.amk.cases.casefile.query.CaseSummary;
import org.springframework.data.domain.Sort;
import org.springframework.data.mongodb.core.MongoTemplate;
import org.springframework.data.mongodb.core.query.Criteria;
import org.springframework.data.mongodb.core.query.Query;
import org.springframework.stereotype.Component;

import java.util.Comparator;
import java.util.List;
import java.util.Set;

/**
 * The existing cases most likely of the same child as one being registered, among the cases a caller may see: the
 * candidates come from the index on the views' keys ({@link DuplicateScore.Probe#candidates()}), each is scored on its
 * keys, the best few are shown. Nothing personal is compared in the clear.
 */
@Component
public class LikelyDuplicates {

    /** A case thought to be of the same child, with why. */
    public record Found(CaseSummary summary, DuplicateScore.Likeness likeness) {
    }

    /** Candidates read at most (a real index gives each alternative its own few); shown at most. */
    static final int READ_AT_MOST = 300;
    static final int SHOW_AT_MOST = 5;

    private final MongoTemplate mongo;
    private final ChildSearch search;

    LikelyDuplicates(MongoTemplate mongo, ChildSearch search) {
        this.mongo = mongo;
        this.search = search;
    }

    /** The likely duplicates of this child, registered in this region, among the cases {@code scope} selects; best first. */
    public List<Found> of(Child child, String regionCode, Criteria scope) {
        DuplicateScore.Probe probe = search.duplicateScore().probe(child, regionCode);
        List<List<Set<String>>> alternatives = probe.candidates();
        if (alternatives.isEmpty()) {
            return List.of();
        }
        Criteria any = new Criteria().orOperator(alternatives.stream()
                .map(all -> new Criteria().andOperator(all.stream().map(keys -> Criteria.where(ChildSearch.FIELD).in(keys)).toList()))
                .toList());
        Query query = Query.query(new Criteria().andOperator(scope, any))
                .with(Sort.by(Sort.Direction.DESC, "registeredAt")).limit(READ_AT_MOST);
        return mongo.find(query, CaseSummary.class).stream()
                .flatMap(summary -> probe.against(summary.searchKeys() == null ? List.of() : summary.searchKeys(), summary.regionCode())
                        .map(likeness -> new Found(summary, likeness)).stream())
                .sorted(Comparator.comparingInt((Found f) -> f.likeness().score()).reversed())
                .limit(SHOW_AT_MOST).toList();
    }
}
