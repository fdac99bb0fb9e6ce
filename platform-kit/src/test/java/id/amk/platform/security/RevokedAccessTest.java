package id.amk.platform.security;

import org.junit.jupiter.api.Test;
import org.springframework.security.oauth2.jwt.Jwt;

import java.time.Instant;
import java.time.temporal.ChronoUnit;

import static org.assertj.core.api.Assertions.assertThat;

class RevokedAccessTest {

    private final RevokedAccess revoked = new RevokedAccess();

    private static Jwt token(Instant issued) {
        // iat travels in whole seconds; identity-service adds the millisecond
        return Jwt.withTokenValue("t").header("alg", "RS256").subject("peksos.bandung")
                .issuedAt(issued.truncatedTo(ChronoUnit.SECONDS)).expiresAt(issued.plusSeconds(300))
                .claim(RevokedAccess.ISSUED_AT_MILLIS, Long.toString(issued.toEpochMilli())).build();
    }

    @Test
    void a_token_issued_in_the_same_second_is_told_apart_by_its_millisecond() {
        Instant revocation = Instant.parse("2026-12-03T10:00:00.300Z");
        revoked.revoke("peksos.bandung", revocation);
        assertThat(revoked.validate(token(Instant.parse("2026-12-03T10:00:00.100Z"))).hasErrors()).as("issued before").isTrue();
        assertThat(revoked.validate(token(Instant.parse("2026-12-03T10:00:00.900Z"))).hasErrors()).as("issued after, same second").isFalse();
    }

    @Test
    void a_token_without_the_millisecond_is_judged_by_its_iat_and_refused_when_in_doubt() {
        revoked.revoke("peksos.bandung", Instant.parse("2026-12-03T10:00:00.300Z"));
        Jwt plain = Jwt.withTokenValue("t").header("alg", "RS256").subject("peksos.bandung")
                .issuedAt(Instant.parse("2026-12-03T10:00:00Z")).expiresAt(Instant.parse("2026-12-03T10:05:00Z")).build();
        assertThat(revoked.validate(plain).hasErrors()).isTrue();
    }
}
