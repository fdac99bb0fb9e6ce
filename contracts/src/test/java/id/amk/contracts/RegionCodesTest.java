package id.amk.contracts;

import org.junit.jupiter.api.Test;

import java.util.List;

import static org.assertj.core.api.Assertions.assertThat;

class RegionCodesTest {

    @Test
    void a_region_contains_the_codes_below_it_and_nothing_that_merely_starts_alike() {
        assertThat(RegionCodes.within("32.73.01", "32.73")).isTrue();
        assertThat(RegionCodes.within("32.73", "32.73")).isTrue();
        assertThat(RegionCodes.within("32.731", "32.73")).isFalse();
        assertThat(RegionCodes.within("32", "32.73")).isFalse();
        assertThat(RegionCodes.within(null, "32")).isFalse();
        assertThat(RegionCodes.withinAny("31.72.05", List.of("32", "31.72"))).isTrue();
        assertThat("32.73.01.1001").matches(RegionCodes.containedIn("32.73")).doesNotMatch(RegionCodes.containedIn("32.7"));
        assertThat(RegionCodes.isCode("32.73.01.1001")).isTrue();
        assertThat(RegionCodes.isCode("32.7")).isFalse();
        assertThat(RegionCodes.isCode("{\"$gt\":\"\"}")).isFalse();
    }
}
