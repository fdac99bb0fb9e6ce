package id.amk.gateway;

import com.fasterxml.jackson.databind.JsonNode;
import com.fasterxml.jackson.databind.ObjectMapper;
import id.amk.platform.test.TestJwtIssuer;
import org.junit.jupiter.api.Test;
import org.springframework.boot.test.context.SpringBootTest;
import org.springframework.boot.test.web.server.LocalServerPort;
import org.springframework.test.context.DynamicPropertyRegistry;
import org.springframework.test.context.DynamicPropertySource;

import java.io.IOException;
import java.net.URI;
import java.net.http.HttpClient;
import java.net.http.HttpRequest;
import java.net.http.HttpResponse;
import java.time.Duration;
import java.util.List;
import java.util.Map;

import static org.assertj.core.api.Assertions.assertThat;

/** The gateway over real HTTP, with real tokens, in front of real HTTP backends (reporting-service is down). */
@SpringBootTest(webEnvironment = SpringBootTest.WebEnvironment.RANDOM_PORT)
class GatewayEdgeTest {

    private static final TestJwtIssuer TOKENS = TestJwtIssuer.get();
    private static final ObjectMapper JSON = new ObjectMapper();
    private final HttpClient http = HttpClient.newHttpClient();

    @LocalServerPort
    int port;

    @DynamicPropertySource
    static void properties(DynamicPropertyRegistry registry) throws IOException {
        Backends.register(registry, "reporting-service", "case-service", "referral-service", "identity-service");
        registry.add("spring.security.oauth2.resourceserver.jwt.jwk-set-uri", TOKENS::jwkSetUri);
        registry.add("spring.security.oauth2.resourceserver.jwt.issuer-uri", TOKENS::issuer);
        registry.add("amk.gateway.web-origins", () -> "https://amk.example.id");
        registry.add("amk.gateway.max-request-size", () -> "1KB");
    }

    private static String worker() {
        return TOKENS.userToken("peksos-1", List.of("PEKSOS"), List.of("32.73"), null);
    }

    @Test
    void routes_each_api_to_the_service_that_owns_it() throws Exception {
        Map<String, String> expected = Map.ofEntries(
                Map.entry("/api/cases", "case-service"),
                Map.entry("/api/cases/42/history", "case-service"),
                Map.entry("/api/providers", "referral-service"),
                Map.entry("/api/referrals/7/acceptance", "referral-service"),
                Map.entry("/api/users", "identity-service"),
                Map.entry("/api/agencies", "identity-service"),
                Map.entry("/api/clients", "identity-service"));
        for (var route : expected.entrySet()) {
            HttpResponse<String> response = send("GET", route.getKey(), worker(), Map.of());
            assertThat(response.statusCode()).as(route.getKey()).isEqualTo(200);
            assertThat(response.body()).isEqualTo(route.getValue() + " " + route.getKey());
        }
        for (String open : List.of("/oauth2/token", "/.well-known/openid-configuration", "/login")) {
            assertThat(send("GET", open, null, Map.of()).body()).isEqualTo("identity-service " + open);
        }
    }

    @Test
    void refuses_calls_without_a_valid_token_with_401_problem_json() throws Exception {
        HttpResponse<String> none = send("GET", "/api/cases", null, Map.of("Accept-Language", "id"));
        assertThat(none.statusCode()).isEqualTo(401);
        assertThat(none.headers().firstValue("Content-Type").orElse("")).startsWith("application/problem+json");
        assertThat(none.headers().firstValue("WWW-Authenticate")).hasValue("Bearer");
        assertThat(json(none).path("title").asText()).isEqualTo("Perlu autentikasi");
        assertThat(json(none).path("correlationId").asText()).isNotBlank();

        String expired = TOKENS.sign(TOKENS.claims("peksos-1", Duration.ofMinutes(-5)).claim("roles", List.of("PEKSOS")).build());
        String forged = TOKENS.forge(TOKENS.claims("peksos-1", Duration.ofMinutes(5)).claim("roles", List.of("ADMIN")).build());
        String otherIssuer = TOKENS.sign(TOKENS.claims("peksos-1", Duration.ofMinutes(5)).issuer("https://elsewhere.example")
                .claim("roles", List.of("PEKSOS")).build());
        for (String token : List.of(expired, forged, otherIssuer, "not-a-jwt")) {
            HttpResponse<String> refused = send("GET", "/api/cases", token, Map.of());
            assertThat(refused.statusCode()).isEqualTo(401);
            assertThat(json(refused).path("type").asText()).isEqualTo("urn:amk:problem:unauthenticated");
        }
    }

    @Test
    void a_machine_client_needs_the_scope_of_the_api_area() throws Exception {
        String reader = TOKENS.clientToken("partner-system", List.of("cases.read"));
        assertThat(send("GET", "/api/cases/42", reader, Map.of()).statusCode()).isEqualTo(200);
        HttpResponse<String> write = send("POST", "/api/cases", reader, Map.of());
        assertThat(write.statusCode()).isEqualTo(403);
        assertThat(json(write).path("type").asText()).isEqualTo("urn:amk:problem:forbidden");
        assertThat(send("GET", "/api/referrals", reader, Map.of()).statusCode()).isEqualTo(403);
        assertThat(send("GET", "/api/users", reader, Map.of()).statusCode()).isEqualTo(403);
        String writer = TOKENS.clientToken("ministry-system", List.of("cases.write"));
        assertThat(send("POST", "/api/cases", writer, Map.of()).statusCode()).isEqualTo(200);
    }

    @Test
    void a_service_that_is_down_gets_503_problem_json_quickly() throws Exception {
        long start = System.nanoTime();
        HttpResponse<String> response = send("GET", "/api/dashboards/caseload", worker(), Map.of());
        assertThat(response.statusCode()).isEqualTo(503);
        assertThat(json(response).path("type").asText()).isEqualTo("urn:amk:problem:unavailable");
        assertThat(response.headers().firstValue("Retry-After")).isPresent();
        assertThat(Duration.ofNanos(System.nanoTime() - start)).isLessThan(Duration.ofSeconds(10));
    }

    @Test
    void a_body_over_the_limit_is_413_problem_json() throws Exception {
        HttpResponse<String> response = http.send(request("POST", "/api/cases", worker(), Map.of("Content-Type", "application/json"))
                .method("POST", HttpRequest.BodyPublishers.ofString("{\"x\":\"" + "a".repeat(4000) + "\"}")).build(),
                HttpResponse.BodyHandlers.ofString());
        assertThat(response.statusCode()).isEqualTo(413);
        assertThat(json(response).path("type").asText()).isEqualTo("urn:amk:problem:too-large");
    }

    @Test
    void passes_correlation_id_and_trace_context_downstream() throws Exception {
        HttpResponse<String> given = send("GET", "/api/cases", worker(), Map.of("X-Request-Id", "req-abc",
                "traceparent", "00-4bf92f3577b34da6a3ce929d0e0e4736-00f067aa0ba902b7-01"));
        assertThat(given.headers().allValues("X-Request-Id")).containsExactly("req-abc");
        assertThat(Backends.LAST_HEADERS.get("case-service")).containsEntry("x-request-id", "req-abc")
                .containsEntry("traceparent", "00-4bf92f3577b34da6a3ce929d0e0e4736-00f067aa0ba902b7-01");

        HttpResponse<String> fresh = send("GET", "/api/cases", worker(), Map.of("X-Request-Id", "bad value; rm -rf"));
        assertThat(fresh.headers().firstValue("X-Request-Id").orElseThrow()).matches("[0-9a-f-]{36}");
        assertThat(Backends.LAST_HEADERS.get("case-service").get("traceparent")).matches("00-[0-9a-f]{32}-[0-9a-f]{16}-01");
    }

    @Test
    void allows_cross_origin_calls_from_the_configured_web_origins_only() throws Exception {
        Map<String, String> preflight = Map.of("Access-Control-Request-Method", "POST",
                "Access-Control-Request-Headers", "authorization,content-type");
        HttpResponse<String> allowed = send("OPTIONS", "/api/cases",
                null, merge(preflight, Map.of("Origin", "https://amk.example.id")));
        assertThat(allowed.statusCode()).isEqualTo(200);
        assertThat(allowed.headers().firstValue("Access-Control-Allow-Origin")).hasValue("https://amk.example.id");
        HttpResponse<String> other = send("OPTIONS", "/api/cases", null, merge(preflight, Map.of("Origin", "https://evil.example")));
        assertThat(other.statusCode()).isEqualTo(403);
    }

    @Test
    void lists_every_service_openapi_document() throws Exception {
        HttpResponse<String> document = send("GET", "/openapi/case-service", null, Map.of());
        assertThat(document.body()).isEqualTo("case-service /v3/api-docs");
        HttpResponse<String> config = send("GET", "/v3/api-docs/swagger-config", null, Map.of());
        assertThat(config.body()).contains("/openapi/case-service", "/openapi/referral-service",
                "/openapi/reporting-service", "/openapi/identity-service");
    }

    @Test
    void reports_its_own_health() throws Exception {
        HttpResponse<String> response = send("GET", "/actuator/health/readiness", null, Map.of());
        assertThat(response.statusCode()).isEqualTo(200);
        assertThat(json(response).path("status").asText()).isEqualTo("UP");
    }

    /**
     * What the gateway's HTTP server and its firewall refuse before routing (oversized headers, overlong URI, malformed
     * paths, hosts and request lines, unknown methods, a missing token) is problem+json too. A wrong content type and an
     * unreadable body are the services' to refuse: the gateway passes them on (BadInputContract checks each service).
     */
    @Test
    void refuses_what_it_cannot_route_with_problem_json() throws Exception {
        Map<String, String> requests = new java.util.LinkedHashMap<>(id.amk.platform.test.ServerRefusals.requests("/api/cases/42/notes", worker()));
        requests.remove("wrong content type");
        requests.remove("unreadable body");
        requests.put("a write without the session's CSRF token", "DELETE /bff/session HTTP/1.1\r\nHost: localhost\r\nCookie: AMK_SESSION=x\r\n\r\n");
        assertThat(id.amk.platform.test.ServerRefusals.failures(port, requests)).as("the gateway's own refusals").isEmpty();
    }

    /**
     * A burst of concurrent calls from one caller: beyond the callers' in-flight allowance (16) they are answered 429 with
     * Retry-After at once, the service never sees more than that from them, nobody gets a 503, and another caller is
     * served meanwhile.
     */
    @Test
    void a_burst_from_one_caller_is_429_beyond_its_in_flight_allowance_and_others_are_served() throws Exception {
        String busy = TOKENS.userToken("burst-worker", List.of("PEKSOS"), List.of("32.73"), null);
        String calm = TOKENS.userToken("calm-worker", List.of("PEKSOS"), List.of("32.73"), null);
        HttpClient many = HttpClient.newBuilder().executor(java.util.concurrent.Executors.newFixedThreadPool(64)).build();
        List<java.util.concurrent.CompletableFuture<HttpResponse<String>>> burst = new java.util.ArrayList<>();
        for (int i = 0; i < 100; i++) {
            burst.add(many.sendAsync(HttpRequest.newBuilder(URI.create("http://localhost:" + port + "/api/referrals/slow"))
                    .header("Authorization", "Bearer " + busy).build(), HttpResponse.BodyHandlers.ofString()));
        }
        // the other caller comes while the burst fills the service with all it may have in flight
        org.awaitility.Awaitility.await().atMost(java.time.Duration.ofSeconds(10)).until(() ->
                Backends.RUNNING.getOrDefault("referral-service", new java.util.concurrent.atomic.AtomicInteger()).get() >= 16);
        HttpResponse<String> other = send("GET", "/api/referrals/slow", calm, Map.of());
        Map<Integer, Integer> statuses = new java.util.TreeMap<>();
        for (var call : burst) {
            HttpResponse<String> answer = call.get(30, java.util.concurrent.TimeUnit.SECONDS);
            statuses.merge(answer.statusCode(), 1, Integer::sum);
            if (answer.statusCode() == 429) {
                assertThat(answer.headers().firstValue("Retry-After")).hasValue("1");
                assertThat(answer.body()).contains("urn:amk:problem:too-many-at-once");
            }
        }
        assertThat(other.statusCode()).as("another caller during the burst").isEqualTo(200);
        assertThat(statuses.keySet()).as("answers to the burst " + statuses).containsOnly(200, 429);
        assertThat(statuses.get(200)).as("served of the burst " + statuses).isGreaterThanOrEqualTo(16);
        assertThat(Backends.PEAK.get("referral-service")).as("at once in the service").isLessThanOrEqualTo(17); // 16 + the calm caller
    }

    private HttpResponse<String> send(String method, String path, String token, Map<String, String> headers)
            throws IOException, InterruptedException {
        return http.send(request(method, path, token, headers).method(method, HttpRequest.BodyPublishers.noBody()).build(),
                HttpResponse.BodyHandlers.ofString());
    }

    private HttpRequest.Builder request(String method, String path, String token, Map<String, String> headers) {
        HttpRequest.Builder request = HttpRequest.newBuilder(URI.create("http://localhost:" + port + path));
        if (token != null) {
            request.header("Authorization", "Bearer " + token);
        }
        headers.forEach(request::header);
        return request;
    }

    private static Map<String, String> merge(Map<String, String> a, Map<String, String> b) {
        var merged = new java.util.HashMap<>(a);
        merged.putAll(b);
        return merged;
    }

    private static JsonNode json(HttpResponse<String> response) throws IOException {
        return JSON.readTree(response.body());
    }
}
