package id.amk.platform;

import com.fasterxml.jackson.databind.JsonNode;
import com.fasterxml.jackson.databind.ObjectMapper;
import id.amk.platform.test.AmkTest;
import id.amk.platform.test.TestJwtIssuer;
import id.amk.platform.testapp.TestApplication;
import org.junit.jupiter.api.Test;
import org.springframework.boot.test.autoconfigure.actuate.observability.AutoConfigureObservability;
import org.springframework.boot.test.context.SpringBootTest;
import org.springframework.boot.test.web.server.LocalServerPort;

import java.io.IOException;
import java.net.URI;
import java.net.http.HttpClient;
import java.net.http.HttpRequest;
import java.net.http.HttpResponse;
import java.time.Duration;
import java.util.List;

import static org.assertj.core.api.Assertions.assertThat;

@AmkTest
@AutoConfigureObservability
@SpringBootTest(classes = TestApplication.class, webEnvironment = SpringBootTest.WebEnvironment.RANDOM_PORT,
        properties = "spring.data.mongodb.database=platform-kit-web")
class WebAndSecurityTest {

    private static final ObjectMapper JSON = new ObjectMapper();
    private final HttpClient http = HttpClient.newHttpClient();
    private final TestJwtIssuer tokens = TestJwtIssuer.get();

    @LocalServerPort
    int port;

    @Test
    void a_call_without_a_token_is_401_problem_json_in_the_callers_language() throws Exception {
        HttpResponse<String> english = get("/api/me", null, "en");
        assertThat(english.statusCode()).isEqualTo(401);
        assertThat(english.headers().firstValue("Content-Type")).hasValueSatisfying(v -> assertThat(v).startsWith("application/problem+json"));
        assertThat(english.headers().firstValue("WWW-Authenticate")).hasValue("Bearer");
        assertThat(json(english).path("title").asText()).isEqualTo("Authentication required");
        assertThat(json(english).path("type").asText()).isEqualTo("urn:amk:problem:unauthenticated");

        HttpResponse<String> indonesian = get("/api/me", null, "id-ID,id;q=0.9");
        assertThat(json(indonesian).path("title").asText()).isEqualTo("Perlu autentikasi");
    }

    @Test
    void a_valid_token_reaches_the_endpoint_and_exposes_the_caller() throws Exception {
        String token = tokens.userToken("peksos-1", List.of("PEKSOS"), List.of("32.73"), null);
        HttpResponse<String> response = get("/api/me", token, "en");
        assertThat(response.statusCode()).isEqualTo(200);
        JsonNode me = json(response);
        assertThat(me.path("subject").asText()).isEqualTo("peksos-1");
        assertThat(me.path("roles").get(0).asText()).isEqualTo("PEKSOS");
        assertThat(me.path("coversBandung").asBoolean()).isTrue();
    }

    @Test
    void forged_and_expired_tokens_are_refused() throws Exception {
        String forged = tokens.forge(tokens.claims("intruder", Duration.ofMinutes(5)).claim("roles", List.of("ADMIN")).build());
        assertThat(get("/api/me", forged, "en").statusCode()).isEqualTo(401);
        String expired = tokens.sign(tokens.claims("peksos-1", Duration.ofMinutes(-10)).build());
        assertThat(get("/api/me", expired, "en").statusCode()).isEqualTo(401);
        String otherIssuer = tokens.sign(tokens.claims("peksos-1", Duration.ofMinutes(5)).issuer("http://elsewhere").build());
        assertThat(get("/api/me", otherIssuer, "en").statusCode()).isEqualTo(401);
    }

    @Test
    void malformed_json_is_400_problem_with_correlation_id_echoed() throws Exception {
        String token = tokens.userToken("peksos-1", List.of("PEKSOS"), List.of("32.73"), null);
        HttpResponse<String> response = http.send(HttpRequest.newBuilder(uri("/api/greetings"))
                .header("Authorization", "Bearer " + token).header("Content-Type", "application/json")
                .header("X-Request-Id", "req-123").POST(HttpRequest.BodyPublishers.ofString("{\"name\": ")).build(),
                HttpResponse.BodyHandlers.ofString());
        assertThat(response.statusCode()).isEqualTo(400);
        assertThat(response.headers().firstValue("X-Request-Id")).hasValue("req-123");
        JsonNode problem = json(response);
        assertThat(problem.path("type").asText()).isEqualTo("urn:amk:problem:malformed-json");
        assertThat(problem.path("title").asText()).isEqualTo("Not JSON");
        assertThat(problem.path("correlationId").asText()).isEqualTo("req-123");
    }

    @Test
    void an_invalid_field_is_named_in_the_problem() throws Exception {
        String token = tokens.userToken("peksos-1", List.of("PEKSOS"), List.of("32.73"), null);
        HttpResponse<String> response = http.send(HttpRequest.newBuilder(uri("/api/greetings"))
                .header("Authorization", "Bearer " + token).header("Content-Type", "application/json")
                .header("Accept-Language", "id").POST(HttpRequest.BodyPublishers.ofString("{\"name\": \"\"}")).build(),
                HttpResponse.BodyHandlers.ofString());
        assertThat(response.statusCode()).isEqualTo(400);
        JsonNode problem = json(response);
        assertThat(problem.path("title").asText()).isEqualTo("Permintaan tidak valid");
        assertThat(problem.path("errors").get(0).path("field").asText()).isEqualTo("name");
    }

    @Test
    void an_expected_refusal_maps_to_its_problem_type() throws Exception {
        String token = tokens.userToken("peksos-1", List.of("PEKSOS"), List.of("32.73"), null);
        HttpResponse<String> response = get("/api/refusal", token, "en");
        assertThat(response.statusCode()).isEqualTo(409);
        assertThat(json(response).path("type").asText()).isEqualTo("urn:amk:problem:validation");
        assertThat(json(response).path("field").asText()).isEqualTo("name");
    }

    @Test
    void an_unexpected_error_is_500_problem_without_internals() throws Exception {
        String token = tokens.userToken("peksos-1", List.of("PEKSOS"), List.of("32.73"), null);
        HttpResponse<String> response = get("/api/bug", token, "en");
        assertThat(response.statusCode()).isEqualTo(500);
        assertThat(response.body()).doesNotContain("3273010101010001").doesNotContain("IllegalStateException")
                .doesNotContain("at id.amk");
        assertThat(json(response).path("title").asText()).isEqualTo("Internal error");
        assertThat(json(response).path("correlationId").asText()).isNotBlank();
    }

    @Test
    void an_unknown_path_is_404_problem_json() throws Exception {
        String token = tokens.userToken("peksos-1", List.of("PEKSOS"), List.of("32.73"), null);
        HttpResponse<String> response = get("/api/nothing-here", token, "en");
        assertThat(response.statusCode()).isEqualTo(404);
        assertThat(json(response).path("title").asText()).isEqualTo("Not found");
    }

    @Test
    void readiness_is_up_with_kafka_and_mongo_and_needs_no_token() throws Exception {
        HttpResponse<String> response = get("/actuator/health/readiness", null, "en");
        assertThat(response.statusCode()).isEqualTo(200);
        JsonNode health = json(response);
        assertThat(health.path("status").asText()).isEqualTo("UP");
        assertThat(health.path("components").path("kafka").path("status").asText()).isEqualTo("UP");
        assertThat(health.path("components").path("mongo").path("status").asText()).isEqualTo("UP");
        assertThat(get("/actuator/prometheus", null, "en").body()).contains("jvm_memory_used_bytes");
    }

    private HttpResponse<String> get(String path, String token, String language) throws IOException, InterruptedException {
        HttpRequest.Builder request = HttpRequest.newBuilder(uri(path)).header("Accept-Language", language);
        if (token != null) {
            request.header("Authorization", "Bearer " + token);
        }
        return http.send(request.GET().build(), HttpResponse.BodyHandlers.ofString());
    }

    private URI uri(String path) {
        return URI.create("http://localhost:" + port + path);
    }

    private static JsonNode json(HttpResponse<String> response) throws IOException {
        return JSON.readTree(response.body());
    }
}
