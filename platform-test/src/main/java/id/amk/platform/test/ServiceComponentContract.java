package id.amk.platform.test;

import com.fasterxml.jackson.databind.JsonNode;
import com.fasterxml.jackson.databind.ObjectMapper;
import org.junit.jupiter.api.Test;
import org.springframework.beans.factory.annotation.Autowired;
import org.springframework.boot.test.autoconfigure.actuate.observability.AutoConfigureObservability;
import org.springframework.boot.test.web.server.LocalServerPort;
import org.springframework.core.env.Environment;

import java.io.IOException;
import java.net.URI;
import java.net.http.HttpClient;
import java.net.http.HttpRequest;
import java.net.http.HttpResponse;
import java.util.List;

import static org.assertj.core.api.Assertions.assertThat;

/**
 * What every AMK service promises operations and callers, checked over real HTTP against the service
 * started on the shared Kafka broker and Mongo server: probes with Kafka and Mongo in readiness, metrics
 * tagged with the service, an OpenAPI document, graceful shutdown, and an API that wants a valid token
 * and answers its refusals as problem+json. A service's test extends it and names one of its API paths.
 */
@AutoConfigureObservability
public abstract class ServiceComponentContract {

    private static final ObjectMapper JSON = new ObjectMapper();
    private final HttpClient http = HttpClient.newHttpClient();
    private final String apiPath;

    @LocalServerPort
    protected int port;

    @Autowired
    protected Environment environment;

    protected ServiceComponentContract(String apiPath) {
        this.apiPath = apiPath;
    }

    @Test
    void is_live_and_ready_with_kafka_and_mongo_up() throws Exception {
        assertThat(json(get("/actuator/health/liveness", null)).path("status").asText()).isEqualTo("UP");
        // ready once Kafka answers and the revocations are read (RevocationFeed, in the background): moments after start
        HttpResponse<String> readiness = org.awaitility.Awaitility.await().atMost(java.time.Duration.ofSeconds(30))
                .pollInterval(java.time.Duration.ofMillis(200))
                .until(() -> get("/actuator/health/readiness", null), answer -> answer.statusCode() == 200);
        assertThat(readiness.statusCode()).isEqualTo(200);
        JsonNode components = json(readiness).path("components");
        assertThat(components.path("kafka").path("status").asText()).isEqualTo("UP");
        assertThat(components.path("mongo").path("status").asText()).isEqualTo("UP");
    }

    @Test
    void exposes_metrics_tagged_with_the_service_and_an_openapi_document() throws Exception {
        String name = environment.getRequiredProperty("spring.application.name");
        assertThat(get("/actuator/prometheus", null).body()).contains("application=\"" + name + "\"");
        HttpResponse<String> openapi = get("/v3/api-docs", null);
        assertThat(openapi.statusCode()).isEqualTo(200);
        assertThat(json(openapi).path("openapi").asText()).startsWith("3.");
    }

    @Test
    void shuts_down_gracefully() {
        assertThat(environment.getProperty("server.shutdown")).isEqualTo("graceful");
    }

    @Test
    void its_api_refuses_a_call_without_a_token_with_problem_json() throws Exception {
        HttpResponse<String> response = get(apiPath, null);
        assertThat(response.statusCode()).isEqualTo(401);
        assertThat(response.headers().firstValue("Content-Type").orElse("")).startsWith("application/problem+json");
        assertThat(json(response).path("type").asText()).isEqualTo("urn:amk:problem:unauthenticated");
    }

    @Test
    void its_api_accepts_a_token_from_the_configured_issuer() throws Exception {
        HttpResponse<String> response = get(apiPath, validToken());
        assertThat(response.statusCode()).isNotIn(401, 403);
        assertThat(response.headers().firstValue("Content-Type").orElse("")).contains("json");
    }

    /** A token the service must accept: by default an ADMIN's from the test issuer. */
    protected String validToken() throws Exception {
        return TestJwtIssuer.get().userToken("admin-1", List.of("ADMIN"), List.of(), null);
    }

    protected HttpResponse<String> get(String path, String token) throws IOException, InterruptedException {
        HttpRequest.Builder request = HttpRequest.newBuilder(URI.create("http://localhost:" + port + path));
        if (token != null) {
            request.header("Authorization", "Bearer " + token);
        }
        return http.send(request.GET().build(), HttpResponse.BodyHandlers.ofString());
    }

    protected static JsonNode json(HttpResponse<String> response) throws IOException {
        return JSON.readTree(response.body());
    }
}
