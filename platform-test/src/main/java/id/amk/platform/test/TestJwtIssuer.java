package id.amk.platform.test;

import com.nimbusds.jose.JOSEException;
import com.nimbusds.jose.JWSAlgorithm;
import com.nimbusds.jose.JWSHeader;
import com.nimbusds.jose.crypto.RSASSASigner;
import com.nimbusds.jose.jwk.JWKSet;
import com.nimbusds.jose.jwk.RSAKey;
import com.nimbusds.jose.jwk.gen.RSAKeyGenerator;
import com.nimbusds.jwt.JWTClaimsSet;
import com.nimbusds.jwt.SignedJWT;
import com.sun.net.httpserver.HttpServer;

import java.io.IOException;
import java.io.OutputStream;
import java.io.UncheckedIOException;
import java.net.InetSocketAddress;
import java.nio.charset.StandardCharsets;
import java.time.Duration;
import java.time.Instant;
import java.util.Date;
import java.util.List;
import java.util.UUID;

/**
 * A token issuer for tests: an RSA key, a real JWKS endpoint on loopback, and tokens shaped like
 * identity-service's (roles, regions, agency, scope). Services under test validate them exactly as they
 * validate production tokens, through their configured jwk-set-uri and issuer.
 */
public final class TestJwtIssuer {

    private static TestJwtIssuer instance;

    private final RSAKey key;
    private final HttpServer server;

    private TestJwtIssuer() {
        try {
            key = new RSAKeyGenerator(2048).keyID("amk-test-" + UUID.randomUUID()).generate();
            server = HttpServer.create(new InetSocketAddress("127.0.0.1", 0), 0);
        } catch (JOSEException e) {
            throw new IllegalStateException(e);
        } catch (IOException e) {
            throw new UncheckedIOException(e);
        }
        byte[] jwks = new JWKSet(key.toPublicJWK()).toString().getBytes(StandardCharsets.UTF_8);
        server.createContext("/oauth2/jwks", exchange -> {
            exchange.getResponseHeaders().add("Content-Type", "application/json");
            exchange.sendResponseHeaders(200, jwks.length);
            try (OutputStream out = exchange.getResponseBody()) {
                out.write(jwks);
            }
        });
        server.start();
    }

    public static synchronized TestJwtIssuer get() {
        if (instance == null) {
            instance = new TestJwtIssuer();
        }
        return instance;
    }

    public String issuer() {
        return "http://127.0.0.1:" + server.getAddress().getPort();
    }

    public String jwkSetUri() {
        return issuer() + "/oauth2/jwks";
    }

    /** A token for a user with the given roles and region codes, valid for 10 minutes. */
    public String userToken(String subject, List<String> roles, List<String> regions, String agency) {
        return sign(claims(subject, Duration.ofMinutes(10)).claim("roles", roles).claim("regions", regions)
                .claim("agency", agency).build(), key);
    }

    /** A machine client's token (client credentials) with the given scopes. */
    public String clientToken(String clientId, List<String> scopes) {
        return sign(claims(clientId, Duration.ofMinutes(10)).claim("scope", scopes).build(), key);
    }

    /** Claims to shape freely (expired, other issuer, ...), signed with this issuer's key by {@link #sign}. */
    public JWTClaimsSet.Builder claims(String subject, Duration validFor) {
        Instant now = Instant.now();
        return new JWTClaimsSet.Builder().issuer(issuer()).subject(subject).jwtID(UUID.randomUUID().toString())
                .issueTime(Date.from(now)).notBeforeTime(Date.from(now)).expirationTime(Date.from(now.plus(validFor)));
    }

    public String sign(JWTClaimsSet claims) {
        return sign(claims, key);
    }

    /** Signs with a key the services do not know: a forged token. */
    public String forge(JWTClaimsSet claims) {
        try {
            return sign(claims, new RSAKeyGenerator(2048).keyID(key.getKeyID()).generate());
        } catch (JOSEException e) {
            throw new IllegalStateException(e);
        }
    }

    private static String sign(JWTClaimsSet claims, RSAKey with) {
        try {
            SignedJWT jwt = new SignedJWT(new JWSHeader.Builder(JWSAlgorithm.RS256).keyID(with.getKeyID()).build(), claims);
            jwt.sign(new RSASSASigner(with));
            return jwt.serialize();
        } catch (JOSEException e) {
            throw new IllegalStateException(e);
        }
    }
}
