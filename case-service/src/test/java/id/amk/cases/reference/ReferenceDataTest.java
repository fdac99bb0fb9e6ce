package id.amk.cases.reference;

import org.junit.jupiter.api.Test;

import static org.assertj.core.api.Assertions.assertThat;

class ReferenceDataTest {

    private final ReferenceData reference = new ReferenceData();

    @Test
    void knows_every_province_and_regency_and_their_districts() {
        assertThat(reference.provinceExists("32")).isTrue();
        assertThat(reference.provinceExists("96")).isTrue(); // Papua Barat Daya, the newest province
        assertThat(reference.provinceExists("99")).isFalse();
        assertThat(reference.regencyExists("32.73")).isTrue(); // Kota Bandung
        assertThat(reference.regencyExists("31.71")).isTrue();
        assertThat(reference.regencyExists("32.99")).isFalse();
        assertThat(reference.districtExists("32.73.01")).isTrue();
        assertThat(reference.districtExists("32.73.99")).isFalse();
    }

    @Test
    void lists_the_15_clusters_and_the_7_atensi_components() {
        assertThat(reference.clusters().path("clusters")).hasSize(15);
        assertThat(reference.components().path("components")).hasSize(7);
    }
}
