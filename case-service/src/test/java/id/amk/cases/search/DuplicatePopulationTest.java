package id.amk.cases.search;

import id.amk.cases.casefile.api.Child;
import net.datafaker.Faker;
import org.junit.jupiter.api.BeforeAll;
import org.junit.jupiter.api.Test;

import java.time.LocalDate;
import java.util.ArrayList;
import java.util.HashMap;
import java.util.HashSet;
import java.util.List;
import java.util.Locale;
import java.util.Map;
import java.util.Random;
import java.util.Set;
import java.util.function.UnaryOperator;

import static org.assertj.core.api.Assertions.assertThat;

/**
 * Duplicate detection on a generated population: 50,000 children with Indonesian names from Datafaker's "id" locale
 * (its first and last names, so many children share a name, as in life), birth dates over 18 years, a guardian's phone,
 * a district of West Java, a NIK for two in three. 1,000 of them are reported a second time as a school or a village
 * office would write them: the name in another spelling (old spelling, y/i, doubled or dropped letters, joined words,
 * an initial, "bin"/"binti" and the father's name, a word left out), and of NIK, birth date and phone only what that
 * source knew: at least one of the three, else nothing but a similar name tells the child (the check shows no such case
 * as likely; the search finds it by name); a birth date not known is an estimated age or a wrong date. 1,000 children
 * not in the population are registered as new.
 *
 * <p>Each second report is checked as the service checks it: the candidates the view's index gives for
 * {@link DuplicateScore.Probe#candidates()} (here an in-memory index of the same keys, unhashed: the blind index maps
 * keys one to one), the newest {@link LikelyDuplicates#READ_AT_MOST} of them scored, the best
 * {@link LikelyDuplicates#SHOW_AT_MOST} shown. Recall: planted duplicates whose first case is shown; precision: shown
 * cases that are the same child, over both the second reports and the new children.
 */
class DuplicatePopulationTest {

    private static final int POPULATION = 50_000;
    private static final int PLANTED = 1_000;
    private static final int NEW_CHILDREN = 1_000;
    private static final List<String> DISTRICTS = List.of("32.01", "32.02", "32.03", "32.04", "32.05", "32.06", "32.07", "32.08",
            "32.09", "32.10", "32.11", "32.12", "32.13", "32.14", "32.15", "32.16", "32.17", "32.18", "32.71", "32.72", "32.73",
            "32.74", "32.75", "32.76", "32.77", "32.78", "32.79");

    record Person(int id, Child child, String district) {
    }

    private static final Random RANDOM = new Random(20261203L);
    private static final Faker FAKER = new Faker(Locale.forLanguageTag("id"), RANDOM);
    private static final DuplicateScore SCORES = new DuplicateScore(UnaryOperator.identity(), () -> LocalDate.of(2026, 12, 3));
    private static final List<Person> PEOPLE = new ArrayList<>();
    private static final Map<String, List<Integer>> INDEX = new HashMap<>();

    @BeforeAll
    static void generate_the_population() {
        for (int id = 0; id < POPULATION; id++) {
            Person person = newPerson(id);
            PEOPLE.add(person);
            for (String key : ChildSearch.plainKeys(person.child())) {
                INDEX.computeIfAbsent(key, k -> new ArrayList<>()).add(id);
            }
        }
    }

    @Test
    void planted_duplicates_are_found_with_recall_above_095_at_precision_above_09() {
        int found = 0;
        int shown = 0;
        int shownRight = 0;
        Map<DuplicateScore.Reason, Integer> reasons = new HashMap<>();
        Map<String, Integer> misses = new java.util.TreeMap<>();
        for (int i = 0; i < PLANTED; i++) {
            Person original = PEOPLE.get(RANDOM.nextInt(POPULATION));
            Person second = secondReport(original);
            List<Integer> likely = likelyDuplicates(second);
            shown += likely.size();
            if (likely.contains(original.id())) {
                found++;
                shownRight++;
            } else {
                misses.merge(kept(second.child()), 1, Integer::sum);
            }
            SCORES.probe(second.child(), second.district()).against(ChildSearch.plainKeys(original.child()), original.district())
                    .ifPresent(l -> l.reasons().forEach(r -> reasons.merge(r, 1, Integer::sum)));
        }
        int falseAlarms = 0;
        for (int i = 0; i < NEW_CHILDREN; i++) {
            List<Integer> likely = likelyDuplicates(newPerson(-1));
            shown += likely.size();
            falseAlarms += likely.isEmpty() ? 0 : 1;
        }
        double recall = (double) found / PLANTED;
        double precision = shown == 0 ? 1 : (double) shownRight / shown;
        System.out.printf(Locale.ROOT, "duplicates in %,d children: recall %.3f (%d of %d planted), precision %.3f (%d of %d shown),"
                        + " new children with a false alarm %d of %d; reasons of the planted: %s; missed, by what the second report gave (right or wrong): %s%n",
                POPULATION, recall, found, PLANTED, precision, shownRight, shown, falseAlarms, NEW_CHILDREN, reasons, misses);
        assertThat(recall).isGreaterThanOrEqualTo(0.95);
        assertThat(precision).isGreaterThanOrEqualTo(0.9);
    }

    /** What a second report knew besides the name, as the figures name it: nik+date+phone, age, ... */
    private static String kept(Child child) {
        List<String> kept = new ArrayList<>();
        if (child.nik() != null) {
            kept.add("nik");
        }
        kept.add(child.birthDate() != null ? "date" : "age");
        if (child.guardianPhone() != null) {
            kept.add("phone");
        }
        return String.join("+", kept);
    }

    /** As the service does: candidates from the index, the newest READ_AT_MOST scored, the best SHOW_AT_MOST. */
    private static List<Integer> likelyDuplicates(Person probe) {
        DuplicateScore.Probe keys = SCORES.probe(probe.child(), probe.district());
        Set<Integer> candidates = new HashSet<>();
        for (List<Set<String>> all : keys.candidates()) {
            Set<Integer> matching = null;
            for (Set<String> any : all) {
                Set<Integer> ids = new HashSet<>();
                any.forEach(key -> ids.addAll(INDEX.getOrDefault(key, List.of())));
                if (matching == null) {
                    matching = ids;
                } else {
                    matching.retainAll(ids);
                }
            }
            if (matching != null) {
                candidates.addAll(matching);
            }
        }
        record Scored(int id, int score) {
        }
        return candidates.stream().sorted((a, b) -> Integer.compare(b, a)).limit(LikelyDuplicates.READ_AT_MOST)
                .flatMap(id -> keys.against(ChildSearch.plainKeys(PEOPLE.get(id).child()), PEOPLE.get(id).district())
                        .map(l -> new Scored(id, l.score())).stream())
                .sorted((a, b) -> Integer.compare(b.score(), a.score())).limit(LikelyDuplicates.SHOW_AT_MOST)
                .map(Scored::id).filter(id -> id != probe.id()).toList();
    }

    private static Person newPerson(int id) {
        String sex = RANDOM.nextBoolean() ? "F" : "M";
        String name = FAKER.name().firstName() + (RANDOM.nextInt(4) == 0 ? " " + FAKER.name().firstName() : "") + " " + FAKER.name().lastName();
        LocalDate birth = LocalDate.of(2008, 1, 1).plusDays(RANDOM.nextInt(18 * 365));
        String nik = RANDOM.nextInt(3) < 2 ? String.format(Locale.ROOT, "32%014d", Math.floorMod(RANDOM.nextLong(), 100_000_000_000_000L)) : null;
        return new Person(id, new Child(name, nik, birth, null, sex, null, null, null, phone()), DISTRICTS.get(RANDOM.nextInt(DISTRICTS.size())));
    }

    private static String phone() {
        return String.format(Locale.ROOT, "08%02d-%04d-%04d", 11 + RANDOM.nextInt(88), RANDOM.nextInt(10_000), RANDOM.nextInt(10_000));
    }

    /** The same child as another source writes it. */
    private static Person secondReport(Person original) {
        Child child = original.child();
        boolean nik;
        boolean birth;
        boolean phone;
        do {
            nik = child.nik() != null && RANDOM.nextInt(10) < 4;
            birth = RANDOM.nextInt(10) < 6;
            phone = RANDOM.nextInt(10) < 6;
        } while (!nik && !birth && !phone);
        LocalDate birthDate = birth ? child.birthDate()
                : RANDOM.nextBoolean() ? null : child.birthDate().withDayOfMonth(Math.min(28, child.birthDate().getMonthValue()));
        String guardianPhone = phone ? reformatted(child.guardianPhone()) : RANDOM.nextBoolean() ? null : phone();
        String district = RANDOM.nextInt(100) < 85 ? original.district() : DISTRICTS.get(RANDOM.nextInt(DISTRICTS.size()));
        String name = child.name();
        for (int changes = 1 + RANDOM.nextInt(2); changes > 0; changes--) {
            name = variant(name);
        }
        return new Person(-1, new Child(name, nik ? child.nik() : null, birthDate,
                birthDate == null ? java.time.Period.between(child.birthDate(), LocalDate.of(2026, 12, 3)).getYears() : null, child.sex(), null, null,
                null, guardianPhone), district);
    }

    private static String reformatted(String phone) {
        String digits = phone.replaceAll("\\D", "");
        return switch (RANDOM.nextInt(3)) {
            case 0 -> digits;
            case 1 -> "+62 " + digits.substring(1);
            default -> phone;
        };
    }

    /** One change a clerk makes to a name. */
    static String variant(String name) {
        List<String> words = new ArrayList<>(List.of(name.split(" ")));
        int w = RANDOM.nextInt(words.size());
        String word = words.get(w);
        switch (RANDOM.nextInt(9)) {
            case 0 -> words.set(w, oldSpelling(word));
            case 1 -> words.set(w, word.endsWith("i") ? word.substring(0, word.length() - 1) + "y"
                    : word.endsWith("y") ? word.substring(0, word.length() - 1) + "i" : word + "e");
            case 2 -> words.set(w, doubled(word));
            case 3 -> words.set(w, word.replaceFirst("(?<=.)h", ""));
            case 4 -> {
                if (words.size() > 1) {
                    words.set(0, words.get(0) + words.remove(1).toLowerCase(Locale.ROOT));
                }
            }
            case 5 -> words.set(0, words.get(0).charAt(0) + ".");
            case 6 -> words.addAll(List.of(RANDOM.nextBoolean() ? "bin" : "binti", FAKER.name().firstName()));
            case 7 -> {
                if (words.size() > 2) {
                    words.remove(1);
                }
            }
            default -> words.set(w, word.replaceFirst("([aeiou])(?=[^aeiou]*$)", RANDOM.nextBoolean() ? "a" : "o"));
        }
        return String.join(" ", words);
    }

    private static String oldSpelling(String word) {
        return word.replace("j", "dj").replace("c", "tj").replace("u", "oe").replace("y", "j");
    }

    private static String doubled(String word) {
        int at = 1 + RANDOM.nextInt(Math.max(1, word.length() - 1));
        return word.substring(0, at) + word.charAt(at - 1) + word.substring(at);
    }
}
