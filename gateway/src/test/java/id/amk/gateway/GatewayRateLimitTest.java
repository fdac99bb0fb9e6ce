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
import java.util.List;

import static org.assertj.core.api.Assertions.assertThat;

/** Rate limits per caller and, for the public Lapor Sosial API, per address, with small limits so that the test stays short. */
@SpringBootTest(webEnvironment = SpringBootTest.WebEnvironment.RANDOM_PORT)
class GatewayRateLimitTest {

    private static final TestJwtIssuer TOKENS = TestJwtIssuer.get();
    private final HttpClient http = HttpClient.newHttpClient();

    @LocalServerPort
    int port;

    @DynamicPropertySource
    static void properties(DynamicPropertyRegistry registry) throws IOException {
        Backends.register(registry, null, "case-service", "referral-service", "reporting-service", "identity-service");
        registry.add("spring.security.oauth2.resourceserver.jwt.jwk-set-uri", TOKENS::jwkSetUri);
        registry.add("spring.security.oauth2.resourceserver.jwt.issuer-uri", TOKENS::issuer);
        registry.add("amk.gateway.rate-limit.capacity", () -> "3");
        registry.add("amk.gateway.rate-limit.period", () -> "1m");
        registry.add("amk.gateway.rate-limit.public-reports", () -> "2");
    }

    @Test
    void a_caller_over_the_limit_gets_429_with_retry_after_while_others_go_on() throws Exception {
        String busy = TOKENS.userToken("busy-worker", List.of("PEKSOS"), List.of("32.73"), null);
        for (int i = 0; i < 3; i++) {
            assertThat(get(busy).statusCode()).isEqualTo(200);
        }
        HttpResponse<String> limited = get(busy);
        assertThat(limited.statusCode()).isEqualTo(429);
        assertThat(limited.headers().firstValue("Content-Type").orElse("")).startsWith("application/problem+json");
        assertThat(limited.body()).contains("urn:amk:problem:rate-limited");
        assertThat(Long.parseLong(limited.headers().firstValue("Retry-After").orElseThrow())).isBetween(1L, 60L);

        String other = TOKENS.userToken("calm-worker", List.of("PEKSOS"), List.of("32.73"), null);
        assertThat(get(other).statusCode()).isEqualTo(200);
    }

    @Test
    void anyone_may_report_without_an_account_a_few_times_per_address_and_the_service_gets_no_credential() throws Exception {
        // a browser that is signed in elsewhere: its cookie and any token stay at the gateway; no CSRF token is needed
        HttpRequest report = HttpRequest.newBuilder(URI.create("http://localhost:" + port + "/api/public/reports"))
                .header("Content-Type", "application/json").header("Cookie", "AMK_SESSION=someone-else")
                .POST(HttpRequest.BodyPublishers.ofString("{}")).build();
        HttpResponse<String> first = http.send(report, HttpResponse.BodyHandlers.ofString());
        assertThat(first.statusCode()).as(first.body()).isEqualTo(200);
        assertThat(first.body()).isEqualTo("reporting-service /api/public/reports");
        assertThat(Backends.LAST_HEADERS.get("reporting-service")).doesNotContainKeys("cookie", "authorization");
        assertThat(http.send(report, HttpResponse.BodyHandlers.ofString()).statusCode()).isEqualTo(200);
        HttpResponse<String> limited = http.send(report, HttpResponse.BodyHandlers.ofString());
        assertThat(limited.statusCode()).isEqualTo(429);
        assertThat(limited.body()).contains("urn:amk:problem:rate-limited");

        // tracking has its own allowance; the reference data (regions for the form) is open to read, not to write
        HttpResponse<String> tracking = http.send(HttpRequest.newBuilder(URI.create("http://localhost:" + port + "/api/public/reports/tracking"))
                .header("Content-Type", "application/json").POST(HttpRequest.BodyPublishers.ofString("{}")).build(),
                HttpResponse.BodyHandlers.ofString());
        assertThat(tracking.statusCode()).isEqualTo(200);
        HttpResponse<String> regions = http.send(HttpRequest.newBuilder(URI.create("http://localhost:" + port + "/api/reference/regions"))
                .GET().build(), HttpResponse.BodyHandlers.ofString());
        assertThat(regions.body()).isEqualTo("case-service /api/reference/regions");
        assertThat(http.send(HttpRequest.newBuilder(URI.create("http://localhost:" + port + "/api/public/other")).GET().build(),
                HttpResponse.BodyHandlers.ofString()).statusCode()).isEqualTo(404);
    }

    private HttpResponse<String> get(String token) throws IOException, InterruptedException {
        return http.send(HttpRequest.newBuilder(URI.create("http://localhost:" + port + "/api/cases"))
                .header("Authorization", "Bearer " + token).GET().build(), HttpResponse.BodyHandlers.ofString());
    }
}
