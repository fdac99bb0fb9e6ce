package id.amk.platform.security;

import org.junit.jupiter.api.Test;
import org.springframework.security.oauth2.jwt.Jwt;

import java.time.Instant;
import java.util.List;

import static org.assertj.core.api.Assertions.assertThat;

class AmkCallerTest {

    private static AmkCaller caller(Jwt.Builder claims) {
        return AmkCaller.from(claims.header("alg", "RS256").issuedAt(Instant.now()).expiresAt(Instant.now().plusSeconds(60)).build());
    }

    @Test
    void a_worker_covers_their_regency_and_what_lies_in_it_but_not_its_neighbours() {
        AmkCaller worker = caller(Jwt.withTokenValue("t").subject("peksos-1").claim("roles", List.of("PEKSOS")).claim("regions", List.of("32.73")));
        assertThat(worker.has(AmkCaller.Role.PEKSOS)).isTrue();
        assertThat(worker.covers("32.73")).isTrue();
        assertThat(worker.covers("32.73.01.1001")).isTrue();
        assertThat(worker.covers("32.7")).isFalse();
        assertThat(worker.covers("32.731")).isFalse();
        assertThat(worker.covers("32.04.01")).isFalse();
        assertThat(worker.covers("32")).isFalse();
        assertThat(worker.covers(null)).isFalse();
        assertThat(worker.isMachine()).isFalse();
    }

    @Test
    void a_supervisor_covers_the_whole_province() {
        AmkCaller supervisor = caller(Jwt.withTokenValue("t").subject("spv").claim("roles", List.of("SUPERVISOR")).claim("regions", List.of("32")));
        assertThat(supervisor.covers("32.73.01.1001")).isTrue();
        assertThat(supervisor.covers("32.04")).isTrue();
        assertThat(supervisor.covers("33.01")).isFalse();
        assertThat(supervisor.covers("320.01")).isFalse();
    }

    @Test
    void a_partner_acts_for_their_agency_only() {
        AmkCaller partner = caller(Jwt.withTokenValue("t").subject("mitra").claim("roles", List.of("PARTNER")).claim("agency", "sentra-a"));
        assertThat(partner.actsFor("sentra-a")).isTrue();
        assertThat(partner.actsFor("sentra-b")).isFalse();
        assertThat(partner.covers("31.71")).isFalse();
    }

    @Test
    void a_machine_client_has_scopes_from_either_claim_form_and_no_roles() {
        AmkCaller spaced = caller(Jwt.withTokenValue("t").subject("dtsen").claim("scope", "registry.export monitoring.read"));
        AmkCaller listed = caller(Jwt.withTokenValue("t").subject("dtsen").claim("scope", List.of("registry.export")));
        assertThat(spaced.isMachine()).isTrue();
        assertThat(spaced.hasScope("monitoring.read")).isTrue();
        assertThat(listed.hasScope("registry.export")).isTrue();
        assertThat(listed.actsFor(null)).isFalse();
    }
}
