package id.amk.gateway;

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
import java.util.ArrayList;
import java.util.List;
import java.util.Map;
import java.util.TreeMap;
import java.util.concurrent.CompletableFuture;
import java.util.concurrent.Executors;
import java.util.concurrent.TimeUnit;

import static org.assertj.core.api.Assertions.assertThat;

/**
 * Bursts against a slow service, with small limits so that the test stays short: 4 calls in flight per caller, 8 per
 * service. A service at its limit answers 503 with Retry-After for the calls beyond it, and its circuit breaker stays
 * closed: the next caller is served at once.
 */
@SpringBootTest(webEnvironment = SpringBootTest.WebEnvironment.RANDOM_PORT)
class GatewayBurstTest {

    private static final TestJwtIssuer TOKENS = TestJwtIssuer.get();
    private final HttpClient http = HttpClient.newBuilder().executor(Executors.newFixedThreadPool(64)).build();

    @LocalServerPort
    int port;

    @DynamicPropertySource
    static void properties(DynamicPropertyRegistry registry) throws IOException {
        Backends.register(registry, null, "case-service", "referral-service", "reporting-service", "identity-service");
        registry.add("spring.security.oauth2.resourceserver.jwt.jwk-set-uri", TOKENS::jwkSetUri);
        registry.add("spring.security.oauth2.resourceserver.jwt.issuer-uri", TOKENS::issuer);
        registry.add("amk.gateway.rate-limit.in-flight", () -> "4");
        registry.add("resilience4j.bulkhead.configs.default.max-concurrent-calls", () -> "8");
    }

    @Test
    void a_service_at_its_limit_answers_503_with_retry_after_and_its_breaker_stays_closed_for_the_next_caller() throws Exception {
        List<CompletableFuture<HttpResponse<String>>> calls = new ArrayList<>();
        for (String caller : List.of("a", "b", "c", "d")) {
            String token = TOKENS.userToken("burst-" + caller, List.of("PEKSOS"), List.of("32.73"), null);
            for (int i = 0; i < 20; i++) {
                calls.add(http.sendAsync(get("/api/cases/slow", token), HttpResponse.BodyHandlers.ofString()));
            }
        }
        Map<Integer, Integer> statuses = new TreeMap<>();
        for (var call : calls) {
            HttpResponse<String> answer = call.get(30, TimeUnit.SECONDS);
            statuses.merge(answer.statusCode(), 1, Integer::sum);
            if (answer.statusCode() == 503) {
                assertThat(answer.headers().firstValue("Retry-After")).isPresent();
                assertThat(answer.body()).contains("urn:amk:problem:unavailable");
            }
        }
        assertThat(statuses.keySet()).as("answers " + statuses).isSubsetOf(200, 429, 503).contains(503);
        assertThat(statuses.get(200)).as("served " + statuses).isGreaterThanOrEqualTo(8);
        assertThat(Backends.PEAK.get("case-service")).as("at once in the service").isLessThanOrEqualTo(8);

        String next = TOKENS.userToken("next-caller", List.of("PEKSOS"), List.of("32.73"), null);
        for (int i = 0; i < 5; i++) {
            HttpResponse<String> answer = http.send(get("/api/cases/slow", next), HttpResponse.BodyHandlers.ofString());
            assertThat(answer.statusCode()).as("the next caller, call " + i + ": " + answer.body()).isEqualTo(200);
        }
    }

    private HttpRequest get(String path, String token) {
        return HttpRequest.newBuilder(URI.create("http://localhost:" + port + path)).header("Authorization", "Bearer " + token).build();
    }
}
