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
    private final DuplicateScore scores;

    ChildSearch(MongoTemplate mongo, MasterKey master) {
        this.index = new BlindIndex(mongo, "index_keys", master);
        this.scores = new DuplicateScore(index::of, () -> java.time.LocalDate.now(java.time.ZoneId.of("Asia/Jakarta")));
        mongo.indexOps("case_summaries").ensureIndex(new Index(FIELD, Sort.Direction.ASC));
    }

    /**
     * What a case's view stores for its child: the hashed keys of the NIK, the name, the birth year and date, the
     * guardian's phone and the sex.
     */
    public List<String> keysOf(Child child) {
        return plainKeys(child).stream().map(index::of).toList();
    }

    /** The keys of {@link #keysOf} before they are hashed: never stored. */
    static Set<String> plainKeys(Child child) {
        if (child == null) {
            return Set.of();
        }
        Set<String> keys = new LinkedHashSet<>();
        if (child.nik() != null && !child.nik().isBlank()) {
            keys.add("nik:" + child.nik().strip());
        }
        keys.addAll(NameKeys.ofName(child.name()));
        if (child.birthDate() != null) {
            keys.add("by:" + child.birthDate().getYear());
            keys.add("bd:" + child.birthDate());
        }
        String phone = phoneDigits(child.guardianPhone());
        if (phone != null) {
            keys.add("tel:" + phone);
        }
        if (child.sex() != null) {
            keys.add("sex:" + child.sex().toUpperCase(Locale.ROOT));
        }
        return keys;
    }

    /** A phone number as dialled at home: digits only, +62/62 as 0 (0813-1111-2222, +62 813 1111 2222); null without enough digits. */
    static String phoneDigits(String phone) {
        if (phone == null) {
            return null;
        }
        String digits = phone.replaceAll("\\D", "");
        if (digits.startsWith("62")) {
            digits = "0" + digits.substring(2);
        }
        return digits.length() < 6 ? null : digits;
    }

    /** The rules that compare a child with the children of existing cases, over this index's keys. */
    public DuplicateScore duplicateScore() {
        return scores;
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
