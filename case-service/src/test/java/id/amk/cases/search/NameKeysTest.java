package id.amk.cases.search;

import org.junit.jupiter.api.Test;

import java.util.List;
import java.util.Set;

import static org.assertj.core.api.Assertions.assertThat;

class NameKeysTest {

    @Test
    void spelling_variants_common_in_indonesian_names_sound_the_same() {
        for (List<String> same : List.of(
                List.of("Muhammad Rizki", "Mohamad Rizky", "Mochammad Rizqi", "Muhamad Riski"),
                List.of("Sri Wahyuni", "Sri Wahjoeni", "Sri Wahyoeni"),
                List.of("Djoko Susilo", "Joko Soesilo"),
                List.of("Tjahjadi", "Cahyadi"),
                List.of("Rahmat Hidayat", "Rachmat Hidajat"),
                List.of("Khairul Anwar", "Hairul Anwar"),
                List.of("Siti Nurhaliza binti Ahmad", "Siti Nurhaliza Ahmad", "siti  nurhaliza ahmad"),
                List.of("H. Abdul Rahman", "Abdul Rachman"),
                List.of("Dewi Lestari", "Dewy Lestarie"))) {
            Set<String> first = NameKeys.ofName(same.get(0));
            for (String other : same) {
                assertThat(NameKeys.ofName(other)).as(same.get(0) + " ~ " + other).isEqualTo(first);
            }
        }
    }

    @Test
    void different_names_do_not_sound_the_same_and_titles_are_not_words() {
        assertThat(NameKeys.ofName("Budi Santoso")).isNotEqualTo(NameKeys.ofName("Budi Susanto"));
        assertThat(NameKeys.ofName("Dewi Lestari")).isNotEqualTo(NameKeys.ofName("Dodi Lestari"));
        assertThat(NameKeys.words("Hj. Raden Ajeng Kartini binti Sosroningrat")).containsExactly("ajeng", "kartini", "sosroningrat");
    }

    @Test
    void a_name_with_or_without_its_space_is_found_both_ways() {
        Set<String> spaced = NameKeys.ofName("Nur Hayati");
        assertThat(spaced).contains(NameKeys.query("Nurhayati").get(0).stream().filter(k -> k.startsWith("j:")).findFirst().orElseThrow());
        assertThat(NameKeys.ofName("Nurhayati")).contains(NameKeys.joined("Nur Hayati"));
    }
}
