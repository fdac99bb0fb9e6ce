package id.amk.identity;

import com.fasterxml.jackson.databind.JsonNode;
import com.nimbusds.jose.crypto.RSASSAVerifier;
import com.nimbusds.jose.jwk.JWKSet;
import com.nimbusds.jose.jwk.RSAKey;
import com.nimbusds.jwt.SignedJWT;
import id.amk.contracts.ContractValidator;
import id.amk.contracts.Topics;
import id.amk.contracts.identity.UserRegistered;
import id.amk.identity.keys.SigningKeys;
import id.amk.platform.test.AmkTest;
import id.amk.platform.test.TopicReader;
import id.amk.platform.test.ServiceComponentContract;
import org.apache.kafka.clients.consumer.ConsumerRecord;
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
import java.time.Clock;
import java.time.Duration;
import java.util.Base64;
import java.util.List;
import java.util.Map;
import java.util.UUID;

import static org.assertj.core.api.Assertions.assertThat;

@AmkTest
@ActiveProfiles("dev")
@SpringBootTest(webEnvironment = SpringBootTest.WebEnvironment.RANDOM_PORT)
class IdentityServiceComponentTest extends ServiceComponentContract {

    private final HttpClient http = HttpClient.newHttpClient();

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
        SignedJWT jwt = SignedJWT.parse(json(response).path("access_token").asText());
        assertThat(verifies(jwt)).isTrue();
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

    @Autowired
    id.amk.platform.privacy.MasterKey master;

    @Test
    void the_signing_key_survives_a_restart() {
        SigningKeys afterRestart = new SigningKeys(mongo, Clock.systemUTC(), Duration.ofMinutes(15), master);
        afterRestart.load();
        assertThat(afterRestart.signingKeyId()).isEqualTo(signingKeys.signingKeyId());
    }

    @Test
    void the_private_signing_keys_are_stored_wrapped_by_the_master_key_and_useless_without_it() {
        List<org.bson.Document> stored = mongo.findAll(org.bson.Document.class, "signing_keys");
        assertThat(stored).isNotEmpty().allSatisfy(key -> {
            assertThat(key.containsKey("jwk")).as("no key in clear").isFalse();
            // the sealed bytes are ciphertext: no JWK member can be read in them, nor in the rest of the document
            // (not a search of the Base64 text, where "RSA" turns up by chance in about one run in thirty)
            String sealed = new String(java.util.Base64.getDecoder().decode(key.getString("sealedJwk")), java.nio.charset.StandardCharsets.ISO_8859_1);
            assertThat(sealed).doesNotContain("\"kty\"", "\"RSA\"", "\"d\":", "\"p\":", "\"q\":");
            org.bson.Document rest = new org.bson.Document(key);
            rest.remove("sealedJwk");
            assertThat(rest.toJson()).doesNotContain("\"d\"", "\"p\"", "\"q\"", "RSA");
        });
        byte[] other = new byte[32];
        new java.security.SecureRandom().nextBytes(other);
        SigningKeys stolen = new SigningKeys(mongo, Clock.systemUTC(), Duration.ofMinutes(15),
                id.amk.platform.privacy.MasterKey.fromBase64(java.util.Base64.getEncoder().encodeToString(other)));
        org.assertj.core.api.Assertions.assertThatThrownBy(stolen::load).hasMessageContaining("AMK_MASTER_KEY");
    }

    @Test
    void after_a_key_rotation_old_and_new_tokens_both_verify_and_new_ones_use_the_new_key() throws Exception {
        SignedJWT before = SignedJWT.parse(validToken());
        HttpResponse<String> rotation = send("POST", "/api/admin/keys/rotation", validToken(), null);
        assertThat(rotation.statusCode()).isEqualTo(201);
        SignedJWT after = SignedJWT.parse(validToken());
        assertThat(after.getHeader().getKeyID()).isNotEqualTo(before.getHeader().getKeyID()).isEqualTo(signingKeys.signingKeyId());
        assertThat(verifies(before)).isTrue();
        assertThat(verifies(after)).isTrue();
        assertThat(send("GET", "/api/users", before.serialize(), null).statusCode()).isEqualTo(200);
    }

    @Test
    void an_admin_registers_an_agency_and_a_partner_user_whose_password_is_shown_once() throws Exception {
        String agency = "lks-" + UUID.randomUUID().toString().substring(0, 8);
        HttpResponse<String> created = send("POST", "/api/agencies", validToken(),
                "{\"agencyId\":\"" + agency + "\",\"name\":\"LKSA Harapan\",\"type\":\"LKSA\",\"regions\":[\"32.73\"]}");
        assertThat(created.statusCode()).as(created.body()).isEqualTo(201);
        // AgencyRegistered requires a type: the API refuses what the event could not carry
        HttpResponse<String> untyped = send("POST", "/api/agencies", validToken(),
                "{\"agencyId\":\"" + agency + "-x\",\"name\":\"LKSA Tanpa Jenis\",\"regions\":[\"32.73\"]}");
        assertThat(untyped.statusCode()).as(untyped.body()).isEqualTo(400);
        assertThat(json(untyped).path("errors").findValuesAsText("field")).containsExactly("type");
        HttpResponse<String> untypedChange = send("PUT", "/api/agencies/" + agency, validToken(),
                "{\"name\":\"LKSA Harapan\",\"regions\":[\"32.73\"]}");
        assertThat(untypedChange.statusCode()).as(untypedChange.body()).isEqualTo(400);

        String username = "mitra-" + UUID.randomUUID().toString().substring(0, 8);
        HttpResponse<String> user = send("POST", "/api/users", validToken(), "{\"username\":\"" + username
                + "\",\"displayName\":\"Mitra\",\"roles\":[\"PARTNER\"],\"regions\":[\"32.73\"],\"agency\":\"" + agency + "\"}");
        assertThat(user.statusCode()).as(user.body()).isEqualTo(201);
        assertThat(json(user).path("initialPassword").asText()).hasSizeGreaterThanOrEqualTo(20);

        HttpResponse<String> list = send("GET", "/api/users", validToken(), null);
        assertThat(list.body()).contains(username).doesNotContain("initialPassword").doesNotContain("passwordHash").doesNotContain("{bcrypt}");
        assertThat(send("POST", "/api/users", validToken(), "{\"username\":\"" + username + "\",\"roles\":[\"MINISTRY_ANALYST\"]}")
                .statusCode()).isEqualTo(409);
    }

    @Test
    void a_user_outside_the_region_rules_is_refused_naming_the_field() throws Exception {
        HttpResponse<String> worker = send("POST", "/api/users", validToken(),
                "{\"username\":\"peksos-x\",\"roles\":[\"PEKSOS\"],\"regions\":[\"32\"]}");
        assertThat(worker.statusCode()).isEqualTo(400);
        assertThat(json(worker).path("field").asText()).isEqualTo("regions");
        HttpResponse<String> badCode = send("POST", "/api/users", validToken(),
                "{\"username\":\"peksos-y\",\"roles\":[\"PEKSOS\"],\"regions\":[\"Bandung\"]}");
        assertThat(badCode.statusCode()).isEqualTo(400);
        assertThat(badCode.body()).contains("regions");
        // well-formed but in no reference data: refused for users and agencies alike, as case registration refuses it
        for (String[] unknown : new String[][] {{"/api/users", "{\"username\":\"peksos-z\",\"roles\":[\"PEKSOS\"],\"regions\":[\"99.99\"]}"},
                {"/api/users", "{\"username\":\"spv-z\",\"roles\":[\"SUPERVISOR\"],\"regions\":[\"99\"]}"},
                {"/api/agencies", "{\"agencyId\":\"lks-nowhere\",\"name\":\"LKS\",\"type\":\"LKS\",\"regions\":[\"32.99\"]}"}}) {
            HttpResponse<String> refused = send("POST", unknown[0], validToken(), unknown[1]);
            assertThat(refused.statusCode()).as(unknown[1]).isEqualTo(400);
            assertThat(json(refused).path("field").asText()).isEqualTo("regions");
            assertThat(json(refused).path("rule").asText()).isEqualTo("unknown-region");
        }
    }

    @Test
    void a_worker_token_is_refused_by_the_admin_api() throws Exception {
        String token = id.amk.platform.test.TestJwtIssuer.get().userToken("peksos", List.of("PEKSOS"), List.of("32.73"), null);
        assertThat(send("GET", "/api/users", token, null).statusCode()).isEqualTo(401); // another issuer's key: refused
    }

    @Test
    void a_disabled_client_gets_no_more_tokens() throws Exception {
        HttpResponse<String> created = send("POST", "/api/clients", validToken(),
                "{\"clientId\":\"dtsen-" + UUID.randomUUID().toString().substring(0, 8) + "\",\"kind\":\"MACHINE\",\"scopes\":[\"registry.export\"]}");
        assertThat(created.statusCode()).as(created.body()).isEqualTo(201);
        String clientId = json(created).path("client").path("clientId").asText();
        String secret = json(created).path("clientSecret").asText();
        assertThat(clientCredentials(clientId, secret).statusCode()).isEqualTo(200);
        assertThat(send("GET", "/api/clients", validToken(), null).body()).doesNotContain(secret);
        assertThat(send("POST", "/api/clients/" + clientId + "/disable", validToken(), null).statusCode()).isEqualTo(200);
        assertThat(clientCredentials(clientId, secret).statusCode()).isEqualTo(401);
    }

    @Test
    void a_disabled_clients_access_token_stops_working_within_seconds() throws Exception {
        HttpResponse<String> created = send("POST", "/api/clients", validToken(),
                "{\"clientId\":\"admin-tool-" + UUID.randomUUID().toString().substring(0, 8) + "\",\"kind\":\"MACHINE\",\"scopes\":[\"identity.admin\"]}");
        String clientId = json(created).path("client").path("clientId").asText();
        String token = json(clientCredentials(clientId, json(created).path("clientSecret").asText())).path("access_token").asText();
        assertThat(send("GET", "/api/clients", token, null).statusCode()).isEqualTo(200);
        Thread.sleep(1_100); // iat has whole seconds

        java.time.Instant disabled = java.time.Instant.now();
        assertThat(send("POST", "/api/clients/" + clientId + "/disable", validToken(), null).statusCode()).isEqualTo(200);
        org.awaitility.Awaitility.await().atMost(Duration.ofSeconds(60)).pollInterval(Duration.ofMillis(100))
                .until(() -> send("GET", "/api/clients", token, null).statusCode() == 401);
        Duration delay = Duration.between(disabled, java.time.Instant.now());
        System.out.println("A disabled client's access token was refused after " + delay.toMillis() + " ms");
        assertThat(delay).isLessThan(Duration.ofSeconds(60));
        assertThat(send("GET", "/api/clients", validToken(), null).statusCode()).as("another client's token").isEqualTo(200);
    }

    @Test
    void disabling_a_user_and_resetting_a_password_publish_the_revocation_of_their_tokens() throws Exception {
        String username = "peksos-" + UUID.randomUUID().toString().substring(0, 8);
        HttpResponse<String> user = send("POST", "/api/users", validToken(),
                "{\"username\":\"" + username + "\",\"roles\":[\"PEKSOS\"],\"regions\":[\"32.73\"]}");
        assertThat(user.statusCode()).as(user.body()).isEqualTo(201);
        String userId = json(user).path("user").path("userId").asText();
        assertThat(send("POST", "/api/users/" + userId + "/password-reset", validToken(), null).statusCode()).isEqualTo(200);
        assertThat(send("POST", "/api/users/" + userId + "/disable", validToken(), null).statusCode()).isEqualTo(200);
        // two distinct events (by CloudEvents id): a copy of the first must not stand for the second
        List<String> revocations = TopicReader.recordsOf(Topics.IDENTITY_EVENTS, userId, r -> r.stream()
                        .filter(e -> id.amk.contracts.identity.AccessRevoked.TYPE.type().equals(type(e)))
                        .map(e -> TopicReader.header(e, "ce_id")).distinct().count() >= 2)
                .stream().filter(e -> id.amk.contracts.identity.AccessRevoked.TYPE.type().equals(type(e)))
                // at least once: an outbox may publish an event again (same CloudEvents id), consumers drop the copy
                .collect(java.util.stream.Collectors.toMap(e -> TopicReader.header(e, "ce_id"), e -> new String(e.value(), StandardCharsets.UTF_8),
                        (first, copy) -> first, java.util.LinkedHashMap::new)).values().stream().toList();
        assertThat(revocations).hasSize(2);
        assertThat(revocations.get(0)).contains("\"subject\":\"" + username + "\"", "PASSWORD_RESET");
        assertThat(revocations.get(1)).contains("\"subject\":\"" + username + "\"", "DISABLED");
    }

    private static String type(ConsumerRecord<String, byte[]> record) {
        return new String(record.headers().lastHeader("ce_type").value(), StandardCharsets.UTF_8);
    }

    @Test
    void registrations_are_published_on_the_identity_topic_without_password_material() throws Exception {
        String username = "analis-" + UUID.randomUUID().toString().substring(0, 8);
        HttpResponse<String> user = send("POST", "/api/users", validToken(),
                "{\"username\":\"" + username + "\",\"roles\":[\"MINISTRY_ANALYST\"]}");
        String userId = json(user).path("user").path("userId").asText();
        List<ConsumerRecord<String, byte[]>> ours = TopicReader.recordsOf(Topics.IDENTITY_EVENTS, userId, r -> !r.isEmpty());
        ConsumerRecord<String, byte[]> record = ours.get(0);
        assertThat(new String(record.headers().lastHeader("ce_type").value(), StandardCharsets.UTF_8)).isEqualTo(UserRegistered.TYPE.type());
        String body = new String(record.value(), StandardCharsets.UTF_8);
        assertThat(body).contains(username).doesNotContainIgnoringCase("password").doesNotContain("{bcrypt}");
        assertThat(new ContractValidator().validate(UserRegistered.TYPE, new com.fasterxml.jackson.databind.ObjectMapper().readTree(body))).isEmpty();
    }

    private boolean verifies(SignedJWT jwt) throws Exception {
        JWKSet published = JWKSet.parse(get("/oauth2/jwks", null).body());
        RSAKey key = (RSAKey) published.getKeyByKeyId(jwt.getHeader().getKeyID());
        return key != null && jwt.verify(new RSASSAVerifier(key));
    }

    private HttpResponse<String> send(String method, String path, String token, String body) throws Exception {
        HttpRequest.Builder request = HttpRequest.newBuilder(URI.create("http://localhost:" + port + path))
                .header("Authorization", "Bearer " + token).header("Content-Type", "application/json");
        request.method(method, body == null ? HttpRequest.BodyPublishers.noBody() : HttpRequest.BodyPublishers.ofString(body));
        return http.send(request.build(), HttpResponse.BodyHandlers.ofString());
    }

    private HttpResponse<String> clientCredentials(String client, String secret) throws Exception {
        String basic = Base64.getEncoder().encodeToString((client + ":" + secret).getBytes(StandardCharsets.UTF_8));
        return http.send(HttpRequest.newBuilder(URI.create("http://localhost:" + port + "/oauth2/token"))
                .header("Authorization", "Basic " + basic)
                .header("Content-Type", "application/x-www-form-urlencoded")
                .POST(HttpRequest.BodyPublishers.ofString("grant_type=client_credentials")).build(), HttpResponse.BodyHandlers.ofString());
    }
}
