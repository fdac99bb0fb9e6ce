package id.amk.cases.search;

import id.amk.cases.casefile.api.Child;
import id.amk.platform.privacy.BlindIndex;
import id.amk.platform.privacy.MasterKey;
import org.springframework.data.domain.Sort;
import org.springframework.data.mongodb.core.MongoTemplate;
import org.springframework.data.mongodb.core.index.Index;
import org.springframework.data.mongodb.core.query.Criteria;
import org.springframework.stereotype.Component;

import java.util.ArrayList;
import java.util.LinkedHashSet;
import java.util.List;
import java.util.Locale;
import java.util.Set;

/**
 * Finding a child among the cases one may see, by NIK (exact) or by name (as it sounds, {@link NameKeys}), narrowed by
 * birth year and sex. A case's view holds only keyed hashes of these ({@code searchKeys}, {@link BlindIndex}): no name
 * or NIK can be read from it, and the keys go with the child's data at an erasure (the view is written without them).
 */
@Component
public class ChildSearch {

    /** The criteria of one search, as the audit names them: which kinds were given, never their values. */
    public record Terms(String nik, String name, Integer birthYear, String sex) {

        public boolean any() {
            return nik != null || name != null || birthYear != null || sex != null;
        }

        public String kinds() {
            List<String> kinds = new ArrayList<>();
            if (nik != null) {
                kinds.add("nik");
            }
            if (name != null) {
                kinds.add("name");
            }
            if (birthYear != null) {
                kinds.add("birthYear");
            }
            if (sex != null) {
                kinds.add("sex");
            }
            return String.join("+", kinds);
        }
    }

    static final String FIELD = "searchKeys";

    private final BlindIndex index;

    ChildSearch(MongoTemplate mongo, MasterKey master) {
        this.index = new BlindIndex(mongo, "index_keys", master);
        mongo.indexOps("case_summaries").ensureIndex(new Index(FIELD, Sort.Direction.ASC));
    }

    /** What a case's view stores for its child: the hashed keys of the NIK, the name, the birth year and the sex. */
    public List<String> keysOf(Child child) {
        if (child == null) {
            return List.of();
        }
        Set<String> keys = new LinkedHashSet<>();
        if (child.nik() != null) {
            keys.add("nik:" + child.nik().strip());
        }
        keys.addAll(NameKeys.ofName(child.name()));
        if (child.birthDate() != null) {
            keys.add("by:" + child.birthDate().getYear());
        }
        if (child.sex() != null) {
            keys.add("sex:" + child.sex().toUpperCase(Locale.ROOT));
        }
        return keys.stream().map(index::of).toList();
    }

    /** The view's criteria for these terms (every given term must match); null when the name has no word left to look for. */
    public Criteria criteria(Terms terms) {
        List<Criteria> all = new ArrayList<>();
        if (terms.nik() != null) {
            all.add(Criteria.where(FIELD).is(index.of("nik:" + terms.nik().strip())));
        }
        if (terms.name() != null) {
            List<Set<String>> words = NameKeys.query(terms.name());
            if (words.isEmpty()) {
                return null;
            }
            List<Criteria> each = words.stream().map(alternatives -> Criteria.where(FIELD).in(alternatives.stream().map(index::of).toList())).toList();
            all.add(new Criteria().orOperator(new Criteria().andOperator(each), Criteria.where(FIELD).is(index.of(NameKeys.joined(terms.name())))));
        }
        if (terms.birthYear() != null) {
            all.add(Criteria.where(FIELD).is(index.of("by:" + terms.birthYear())));
        }
        if (terms.sex() != null) {
            all.add(Criteria.where(FIELD).is(index.of("sex:" + terms.sex().toUpperCase(Locale.ROOT))));
        }
        return new Criteria().andOperator(all);
    }
}
