package id.amk.platform.security;

import org.springframework.security.oauth2.core.OAuth2Error;
import org.springframework.security.oauth2.core.OAuth2TokenValidator;
import org.springframework.security.oauth2.core.OAuth2TokenValidatorResult;
import org.springframework.security.oauth2.jwt.Jwt;

import java.time.Instant;
import java.util.Map;
import java.util.concurrent.ConcurrentHashMap;

/**
 * Whose tokens identity-service has revoked, and since when (a user or client disabled, a password reset: the contract's
 * {@code AccessRevoked}). As a token validator it refuses every access token of a revoked subject issued at or before the
 * revocation; a token issued afterwards (the account enabled again, the new password used) is accepted. Fed by
 * {@link RevocationFeed}; held in memory, as every instance must know every revocation.
 */
public class RevokedAccess implements OAuth2TokenValidator<Jwt> {

    /** identity-service's access tokens carry their issue instant to the millisecond too ({@code iat} has seconds). */
    public static final String ISSUED_AT_MILLIS = "amk_iat_ms";

    static final OAuth2Error REVOKED = new OAuth2Error("invalid_token", "The token was revoked", null);

    private final Map<String, Instant> revokedAt = new ConcurrentHashMap<>();

    /** Idempotent and order-free: the latest revocation of a subject counts. */
    public void revoke(String subject, Instant at) {
        revokedAt.merge(subject, at, (a, b) -> a.isAfter(b) ? a : b);
    }

    public boolean revoked(String subject, Instant issuedAt) {
        Instant revoked = revokedAt.get(subject);
        // identity-service's tokens always carry iat (Spring's decoder would take exp - 1 s for one without)
        return revoked != null && (issuedAt == null || !issuedAt.isAfter(revoked));
    }

    /** The millisecond claim (a string) when the token has one and it is sane, else {@code iat}. */
    private static Instant issuedAt(Jwt token) {
        Object millis = token.getClaims().get(ISSUED_AT_MILLIS);
        Instant iat = token.getIssuedAt();
        if (millis != null && iat != null) {
            try {
                Instant precise = Instant.ofEpochMilli(Long.parseLong(millis.toString()));
                // the same second as iat, or it is not believed
                if (precise.getEpochSecond() == iat.getEpochSecond()) {
                    return precise;
                }
            } catch (NumberFormatException ignored) {
                // not ours: iat decides
            }
        }
        return iat;
    }

    public int size() {
        return revokedAt.size();
    }

    @Override
    public OAuth2TokenValidatorResult validate(Jwt token) {
        Instant issuedAt = issuedAt(token);
        return token.getSubject() != null && revoked(token.getSubject(), issuedAt)
                ? OAuth2TokenValidatorResult.failure(REVOKED) : OAuth2TokenValidatorResult.success();
    }
}
