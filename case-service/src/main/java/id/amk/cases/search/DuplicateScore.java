package id.amk.cases.search;

import id.amk.cases.casefile.api.Child;

import java.time.LocalDate;
import java.util.ArrayList;
import java.util.Collection;
import java.util.EnumSet;
import java.util.LinkedHashSet;
import java.util.List;
import java.util.Locale;
import java.util.Optional;
import java.util.Set;
import java.util.function.UnaryOperator;

/**
 * How alike a child being registered is to the child of an existing case, from the keys alone: both sides are the
 * keyed hashes a case's view holds ({@link ChildSearch#keysOf}), so no name, NIK or phone is read to compare them.
 * Pure rules, no framework; {@code hash} is the blind index (the identity in tests of the rules).
 *
 * <p>Points: the same NIK is the same child (100). A name that sounds the same ({@link NameKeys}) gives 40, or a
 * share of it for the words in common; the same birth date 30 (the same birth year only 10, also for an estimated age
 * that fits it, as a Lapor Sosial report gives); the same guardian's
 * phone 25; the same district 10. A case whose child is of the other sex is not the same child. A case is a likely
 * duplicate from {@link #LIKELY} points: a name that sounds the same with the same birth date or the same phone, or
 * with the birth year and the district.
 */
public final class DuplicateScore {

    /** Why a case is thought to be the same child, as the worker is told. */
    public enum Reason { NIK, NAME, NAME_PARTLY, BIRTH_DATE, BIRTH_YEAR, GUARDIAN_PHONE, DISTRICT }

    /** One likely duplicate: the points and the reasons that gave them. */
    public record Likeness(int score, Set<Reason> reasons) {
    }

    public static final int LIKELY = 60;

    private final UnaryOperator<String> hash;
    private final java.util.function.Supplier<LocalDate> clock;

    /** {@code today}: the date an estimated age is counted back from. */
    public DuplicateScore(UnaryOperator<String> hash, java.util.function.Supplier<LocalDate> today) {
        this.hash = hash;
        this.clock = today;
    }

    /** The child being registered, as keys: computed once, then compared with each candidate. */
    public final class Probe {
        final String nik;
        final String birthDate;
        final Set<String> birthYears;
        final String phone;
        final String otherSex;
        final List<Set<String>> words;
        final String joined;
        final String regionCode;

        Probe(Child child, String regionCode, LocalDate today) {
            this.nik = child.nik() == null || child.nik().isBlank() ? null : hash.apply("nik:" + child.nik().strip());
            this.birthDate = child.birthDate() == null ? null : hash.apply("bd:" + child.birthDate());
            // an estimated age (a report knows no more) stands for the two years the child may have been born in
            Set<String> years = new LinkedHashSet<>();
            if (child.birthDate() != null) {
                years.add(hash.apply("by:" + child.birthDate().getYear()));
            } else if (child.estimatedAge() != null && child.estimatedAge() >= 0 && child.estimatedAge() < 25) {
                int born = today.getYear() - child.estimatedAge();
                years.add(hash.apply("by:" + born));
                years.add(hash.apply("by:" + (born - 1)));
            }
            this.birthYears = years;
            String digits = ChildSearch.phoneDigits(child.guardianPhone());
            this.phone = digits == null ? null : hash.apply("tel:" + digits);
            String sex = child.sex() == null ? null : child.sex().toUpperCase(Locale.ROOT);
            this.otherSex = "F".equals(sex) ? hash.apply("sex:M") : "M".equals(sex) ? hash.apply("sex:F") : null;
            List<Set<String>> alternatives = new ArrayList<>();
            for (Set<String> word : NameKeys.query(child.name())) {
                Set<String> hashed = new LinkedHashSet<>();
                word.forEach(key -> hashed.add(hash.apply(key)));
                alternatives.add(hashed);
            }
            this.words = alternatives;
            this.joined = words.size() > 1 ? hash.apply(NameKeys.joined(child.name())) : null;
            this.regionCode = regionCode;
        }

        /**
         * Which cases to compare with, as alternatives each of which a candidate satisfies by holding at least one key of
         * every set: the same NIK; the same phone; the same birth date and a word of the name; every word of a name of
         * two words or more (one word alone, "Budi", would bring half a province).
         * A store answers these from an index on the keys, without reading the cases that share none.
         */
        public List<List<Set<String>>> candidates() {
            List<List<Set<String>>> any = new ArrayList<>();
            if (nik != null) {
                any.add(List.of(Set.of(nik)));
            }
            if (phone != null) {
                any.add(List.of(Set.of(phone)));
            }
            Set<String> someWord = new LinkedHashSet<>();
            words.forEach(someWord::addAll);
            if (birthDate != null && !someWord.isEmpty()) {
                any.add(List.of(Set.of(birthDate), someWord));
            }
            if (words.size() > 1) {
                any.add(words);
            }
            if (joined != null) {
                any.add(List.of(Set.of(joined)));
            }
            return any;
        }

        /** How alike the case with these keys in this district is; empty when it is not a likely duplicate. */
        public Optional<Likeness> against(Collection<String> keys, String caseRegion) {
            Set<String> theirs = keys instanceof Set<String> set ? set : Set.copyOf(keys);
            if (otherSex != null && theirs.contains(otherSex)) {
                return Optional.empty();
            }
            Set<Reason> reasons = EnumSet.noneOf(Reason.class);
            int score = 0;
            if (nik != null && theirs.contains(nik)) {
                reasons.add(Reason.NIK);
                score += 100;
            }
            long matched = words.stream().filter(word -> word.stream().anyMatch(theirs::contains)).count();
            if (!words.isEmpty() && (matched == words.size() || joined != null && theirs.contains(joined))) {
                reasons.add(Reason.NAME);
                score += 40;
            } else if (matched > 0 && words.size() > 1) {
                reasons.add(Reason.NAME_PARTLY);
                score += (int) (40 * matched / words.size());
            }
            if (birthDate != null && theirs.contains(birthDate)) {
                reasons.add(Reason.BIRTH_DATE);
                score += 30;
            } else if (birthYears.stream().anyMatch(theirs::contains)) {
                reasons.add(Reason.BIRTH_YEAR);
                score += 10;
            }
            if (phone != null && theirs.contains(phone)) {
                reasons.add(Reason.GUARDIAN_PHONE);
                score += 25;
            }
            if (regionCode != null && caseRegion != null && district(regionCode).equals(district(caseRegion))) {
                reasons.add(Reason.DISTRICT);
                score += 10;
            }
            return score >= LIKELY ? Optional.of(new Likeness(Math.min(score, 100), reasons)) : Optional.empty();
        }
    }

    /** The district (kabupaten/kota) of a region code: 32.73 of 32.73.05. */
    static String district(String regionCode) {
        return regionCode.length() > 5 ? regionCode.substring(0, 5) : regionCode;
    }

    public Probe probe(Child child, String regionCode) {
        return new Probe(child, regionCode, clock.get());
    }
}
