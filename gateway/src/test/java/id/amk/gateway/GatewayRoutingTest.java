package id.amk.gateway;

import com.sun.net.httpserver.HttpServer;
import org.junit.jupiter.api.AfterAll;
import org.junit.jupiter.api.Test;
import org.springframework.boot.test.context.SpringBootTest;
import org.springframework.boot.test.web.server.LocalServerPort;
import org.springframework.test.context.DynamicPropertyRegistry;
import org.springframework.test.context.DynamicPropertySource;

import java.io.IOException;
import java.io.OutputStream;
import java.net.InetSocketAddress;
import java.net.URI;
import java.net.http.HttpClient;
import java.net.http.HttpRequest;
import java.net.http.HttpResponse;
import java.nio.charset.StandardCharsets;
import java.util.Map;
import java.util.concurrent.ConcurrentHashMap;

import static org.assertj.core.api.Assertions.assertThat;

/** The gateway over real HTTP in front of one real HTTP backend per service, each answering with its name. */
@SpringBootTest(webEnvironment = SpringBootTest.WebEnvironment.RANDOM_PORT)
class GatewayRoutingTest {

    private static final Map<String, HttpServer> BACKENDS = new ConcurrentHashMap<>();
    private static final Map<String, String> LAST_REQUEST_ID = new ConcurrentHashMap<>();

    @LocalServerPort
    int port;

    private final HttpClient http = HttpClient.newHttpClient();

    @DynamicPropertySource
    static void backends(DynamicPropertyRegistry registry) throws IOException {
        for (String service : new String[]{"case-service", "referral-service", "reporting-service", "identity-service"}) {
            HttpServer server = HttpServer.create(new InetSocketAddress("127.0.0.1", 0), 0);
            server.createContext("/", exchange -> {
                String requestId = String.valueOf(exchange.getRequestHeaders().getFirst("X-Request-Id"));
                LAST_REQUEST_ID.put(service, requestId);
                exchange.getResponseHeaders().add("X-Request-Id", requestId); // as the services do
                byte[] body = (service + " " + exchange.getRequestURI().getPath()).getBytes(StandardCharsets.UTF_8);
                exchange.sendResponseHeaders(200, body.length);
                try (OutputStream out = exchange.getResponseBody()) {
                    out.write(body);
                }
            });
            server.start();
            BACKENDS.put(service, server);
            registry.add("amk.services." + service, () -> "http://127.0.0.1:" + server.getAddress().getPort());
        }
    }

    @AfterAll
    static void stopBackends() {
        BACKENDS.values().forEach(server -> server.stop(0));
    }

    @Test
    void routes_each_api_to_the_service_that_owns_it() throws Exception {
        Map<String, String> expected = Map.ofEntries(
                Map.entry("/api/cases", "case-service"),
                Map.entry("/api/cases/42/history", "case-service"),
                Map.entry("/api/providers", "referral-service"),
                Map.entry("/api/referrals/7/acceptance", "referral-service"),
                Map.entry("/api/reports/1/triage", "reporting-service"),
                Map.entry("/api/coordination/42", "reporting-service"),
                Map.entry("/api/dashboards/caseload", "reporting-service"),
                Map.entry("/api/exports/registry", "reporting-service"),
                Map.entry("/api/users", "identity-service"),
                Map.entry("/api/agencies", "identity-service"),
                Map.entry("/api/clients", "identity-service"),
                Map.entry("/oauth2/token", "identity-service"),
                Map.entry("/.well-known/openid-configuration", "identity-service"));
        for (var route : expected.entrySet()) {
            HttpResponse<String> response = get(route.getKey(), null);
            assertThat(response.statusCode()).as(route.getKey()).isEqualTo(200);
            assertThat(response.body()).isEqualTo(route.getValue() + " " + route.getKey());
        }
    }

    @Test
    void passes_a_correlation_id_downstream_and_back() throws Exception {
        HttpResponse<String> given = get("/api/cases", "req-abc");
        assertThat(given.headers().allValues("X-Request-Id")).containsExactly("req-abc");
        assertThat(LAST_REQUEST_ID.get("case-service")).isEqualTo("req-abc");

        HttpResponse<String> unsafe = get("/api/cases", "bad value; rm -rf");
        String generated = unsafe.headers().firstValue("X-Request-Id").orElseThrow();
        assertThat(generated).isNotEqualTo("bad value; rm -rf").matches("[0-9a-f-]{36}");
        assertThat(LAST_REQUEST_ID.get("case-service")).isEqualTo(generated);
    }

    @Test
    void reports_its_own_health() throws Exception {
        HttpResponse<String> response = get("/actuator/health/readiness", null);
        assertThat(response.statusCode()).isEqualTo(200);
        assertThat(response.body()).contains("\"UP\"");
    }

    private HttpResponse<String> get(String path, String requestId) throws IOException, InterruptedException {
        HttpRequest.Builder request = HttpRequest.newBuilder(URI.create("http://localhost:" + port + path));
        if (requestId != null) {
            request.header("X-Request-Id", requestId);
        }
        return http.send(request.GET().build(), HttpResponse.BodyHandlers.ofString());
    }
}
