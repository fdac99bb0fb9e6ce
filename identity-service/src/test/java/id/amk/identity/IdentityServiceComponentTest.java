package id.amk.identity;

import com.fasterxml.jackson.databind.JsonNode;
import com.nimbusds.jose.crypto.RSASSAVerifier;
import com.nimbusds.jose.jwk.JWKSet;
import com.nimbusds.jose.jwk.RSAKey;
import com.nimbusds.jwt.SignedJWT;
import id.amk.identity.authorization.SigningKeys;
import id.amk.platform.test.AmkTest;
import id.amk.platform.test.ServiceComponentContract;
import org.junit.jupiter.api.Test;
import org.springframework.beans.factory.annotation.Autowired;
import org.springframework.boot.test.context.SpringBootTest;
import org.springframework.data.mongodb.core.MongoTemplate;
import org.springframework.test.context.ActiveProfiles;

import java.net.URI;
import java.net.http.HttpClient;
import java.net.http.HttpRequest;
import java.net.http.HttpResponse;
import java.nio.charset.StandardCharsets;
import java.util.Base64;

import static org.assertj.core.api.Assertions.assertThat;

@AmkTest
@ActiveProfiles("dev")
@SpringBootTest(webEnvironment = SpringBootTest.WebEnvironment.RANDOM_PORT)
class IdentityServiceComponentTest extends ServiceComponentContract {

    @Autowired
    MongoTemplate mongo;

    @Autowired
    SigningKeys signingKeys;

    IdentityServiceComponentTest() {
        super("/api/users");
    }

    @Override
    protected String validToken() throws Exception {
        return json(clientCredentials("demo-integration", "demo-integration-secret")).path("access_token").asText();
    }

    @Test
    void the_demo_integration_client_gets_a_signed_jwt_with_every_scope_and_the_public_issuer() throws Exception {
        HttpResponse<String> response = clientCredentials("demo-integration", "demo-integration-secret");
        assertThat(response.statusCode()).isEqualTo(200);
        JsonNode body = json(response);
        assertThat(body.path("token_type").asText()).isEqualTo("Bearer");

        SignedJWT jwt = SignedJWT.parse(body.path("access_token").asText());
        JWKSet published = JWKSet.parse(get("/oauth2/jwks", null).body());
        RSAKey key = (RSAKey) published.getKeyByKeyId(jwt.getHeader().getKeyID());
        assertThat(jwt.verify(new RSASSAVerifier(key))).isTrue();
        assertThat(jwt.getJWTClaimsSet().getIssuer()).isEqualTo("http://localhost:8080");
        assertThat(jwt.getJWTClaimsSet().getStringListClaim("scope"))
                .contains("cases.read", "cases.write", "referrals.write", "registry.export", "identity.admin");
    }

    @Test
    void a_wrong_secret_gets_no_token() throws Exception {
        assertThat(clientCredentials("demo-integration", "guess").statusCode()).isEqualTo(401);
    }

    @Test
    void publishes_oidc_discovery_under_the_public_issuer() throws Exception {
        JsonNode discovery = json(get("/.well-known/openid-configuration", null));
        assertThat(discovery.path("issuer").asText()).isEqualTo("http://localhost:8080");
        assertThat(discovery.path("jwks_uri").asText()).endsWith("/oauth2/jwks");
    }

    @Test
    void the_signing_key_survives_a_restart() {
        SigningKeys afterRestart = new SigningKeys(mongo);
        afterRestart.load();
        assertThat(afterRestart.activeKeyId()).isEqualTo(signingKeys.activeKeyId());
    }

    private HttpResponse<String> clientCredentials(String client, String secret) throws Exception {
        String basic = Base64.getEncoder().encodeToString((client + ":" + secret).getBytes(StandardCharsets.UTF_8));
        return HttpClient.newHttpClient().send(HttpRequest.newBuilder(URI.create("http://localhost:" + port + "/oauth2/token"))
                .header("Authorization", "Basic " + basic)
                .header("Content-Type", "application/x-www-form-urlencoded")
                .POST(HttpRequest.BodyPublishers.ofString("grant_type=client_credentials")).build(), HttpResponse.BodyHandlers.ofString());
    }
}
