package id.amk.cases.search;

import java.text.Normalizer;
import java.util.ArrayList;
import java.util.LinkedHashSet;
import java.util.List;
import java.util.Locale;
import java.util.Set;

/**
 * How a child's name is compared when searched: as it sounds in Indonesian spelling, not as it is typed. Old and new
 * spelling are one (dj/j, tj/c, sj/sy, nj/ny, oe/u, ch/kh), doubled letters are one, titles and kinship words (bin,
 * binti, H., Hj., Raden, ...) are dropped, a final y is an i, and each word is reduced to its first letter and its
 * consonants but h, j and y as one (Muhammad, Mohamad, Mochammad and Muhamad are one; Rizki, Rizky and Rizqi too;
 * Khairul and Hairul; Hidajat and Hidayat),
 * as is the name written without spaces (Nurhayati, Nur Hayati). Pure text
 * rules, no framework: the keys are hashed ({@code BlindIndex}) before they are stored.
 */
public final class NameKeys {

    private static final Set<String> TITLES = Set.of("bin", "binti", "bt", "bte", "b", "h", "hj", "haji", "hajjah", "raden", "rd",
            "r", "dr", "drs", "ir", "kh", "st", "sh", "spd", "se", "mm", "amd", "tengku", "teuku", "tgk", "cut", "daeng", "i", "ni",
            "gusti", "ngurah", "nyimas",
            "alm", "almarhum", "almarhumah");

    private NameKeys() {
    }

    /** The words of a name that identify it (titles and birth-order names dropped), in their modern spelling. */
    public static List<String> words(String name) {
        if (name == null) {
            return List.of();
        }
        String plain = Normalizer.normalize(name, Normalizer.Form.NFD).replaceAll("\\p{M}", "").toLowerCase(Locale.ROOT)
                .replaceAll("[^a-z]+", " ").strip();
        List<String> words = new ArrayList<>();
        for (String word : plain.split(" ")) {
            if (!word.isEmpty() && !TITLES.contains(word)) {
                words.add(spelling(word));
            }
        }
        return words;
    }

    /** One modern spelling: old Dutch-era digraphs replaced, doubled letters single. */
    static String spelling(String word) {
        // a word in the spelling before 1972 (it has oe, dj, tj, sj or nj) wrote y as j: Wahjoeni is Wahyuni
        boolean old = word.contains("oe") || word.contains("dj") || word.contains("tj") || word.contains("sj") || word.contains("nj");
        String w = (old ? word.replace("dj", "#").replace("tj", "%").replace("sj", "&").replace("nj", "!").replace('j', 'y')
                .replace("#", "j").replace("%", "c").replace("&", "sy").replace("!", "ny") : word)
                .replace("dj", "j").replace("tj", "c").replace("sj", "sy").replace("nj", "ny").replace("oe", "u")
                .replace("ch", "kh").replace("ph", "f").replace("q", "k").replace("v", "f").replace("x", "ks");
        if (w.length() > 2 && w.endsWith("y")) {
            w = w.substring(0, w.length() - 1) + "i";
        }
        StringBuilder single = new StringBuilder();
        for (char c : w.toCharArray()) {
            if (single.isEmpty() || single.charAt(single.length() - 1) != c) {
                single.append(c);
            }
        }
        return single.toString();
    }

    /** The word as it sounds, roughly: its first letter (a vowel as one) and its consonants but h, doubled ones single. */
    static String sound(String word) {
        // z is said as s (or j) by many: Rizki, Riski; an old spelling may have only its j for y (Hidajat, Hidayat)
        String w = word.replace("kh", "h").replace('z', 's').replace('y', 'j');
        if (w.isEmpty()) {
            return w;
        }
        char first = w.charAt(0);
        StringBuilder sound = new StringBuilder().append("aeiou".indexOf(first) >= 0 ? 'a' : first);
        for (char c : w.substring(1).toCharArray()) {
            if ("aeiouh".indexOf(c) < 0 && sound.charAt(sound.length() - 1) != c) {
                sound.append(c);
            }
        }
        return sound.toString();
    }

    /** What a case stores for its child's name: each word's sound, and the sound of the whole name without spaces. */
    public static Set<String> ofName(String name) {
        List<String> words = words(name);
        Set<String> keys = new LinkedHashSet<>();
        for (String word : words) {
            keys.add("w:" + sound(word));
            // an initial ("M. Rizki") finds any word it begins
            keys.add("i:" + sound(word).charAt(0));
        }
        if (words.size() > 1) {
            keys.add("j:" + sound(spelling(String.join("", words))));
        }
        return keys;
    }

    /**
     * The keys a search for this name needs a case to have: for every word, its sound as a word of the case's name or as
     * the case's whole name written without spaces ("Nurhayati" finds "Nur Hayati").
     */
    public static List<Set<String>> query(String name) {
        List<Set<String>> all = new ArrayList<>();
        for (String word : words(name)) {
            all.add(word.length() == 1 ? Set.of("i:" + sound(word)) : Set.of("w:" + sound(word), "j:" + sound(word)));
        }
        return all;
    }

    /** The one key that also finds a case whose name is this one written as one word ("Nur Hayati" finds "Nurhayati"). */
    public static String joined(String name) {
        return "w:" + sound(spelling(String.join("", words(name))));
    }
}
