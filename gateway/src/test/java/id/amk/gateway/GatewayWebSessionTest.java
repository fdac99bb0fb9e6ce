package id.amk.gateway;

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
import java.util.List;

import static org.assertj.core.api.Assertions.assertThat;

/**
 * The gateway as the browser's back end, over real HTTP: sign-in starts the code flow with PKCE at the public issuer,
 * a browser without a session gets problem+json (never a token, never a login page of the gateway's own), writes need
 * the CSRF token, and the app's pages come with their Content-Security-Policy. The whole sign-in, with identity-service,
 * is in the browser tests (e2e-tests WebConsoleIT).
 */
@SpringBootTest(webEnvironment = SpringBootTest.WebEnvironment.RANDOM_PORT)
class GatewayWebSessionTest {

    private static final TestJwtIssuer TOKENS = TestJwtIssuer.get();
    private static final ObjectMapper JSON = new ObjectMapper();
    private final HttpClient http = HttpClient.newBuilder().followRedirects(HttpClient.Redirect.NEVER).build();

    @LocalServerPort
    int port;

    @DynamicPropertySource
    static void properties(DynamicPropertyRegistry registry) throws IOException {
        Backends.register(registry, null, "reporting-service", "case-service", "referral-service", "identity-service");
        registry.add("spring.security.oauth2.resourceserver.jwt.jwk-set-uri", TOKENS::jwkSetUri);
        registry.add("spring.security.oauth2.resourceserver.jwt.issuer-uri", TOKENS::issuer);
        registry.add("amk.gateway.web-client.issuer", () -> "https://amk.example.id");
    }

    @Test
    void sign_in_starts_the_code_flow_with_pkce_at_the_public_issuer() throws Exception {
        HttpResponse<String> start = send("GET", "/oauth2/authorization/amk-web", List.of());
        assertThat(start.statusCode()).isEqualTo(302);
        URI authorize = URI.create(start.headers().firstValue("Location").orElseThrow());
        assertThat(authorize.getScheme() + "://" + authorize.getHost() + authorize.getPath()).isEqualTo("https://amk.example.id/oauth2/authorize");
        assertThat(authorize.getQuery()).contains("response_type=code", "client_id=amk-web", "code_challenge_method=S256", "code_challenge=",
                "redirect_uri=http://localhost:" + port + "/login/oauth2/code/amk-web", "scope=openid profile");
        // outside the dev profile the session cookie is Secure too
        assertThat(start.headers().allValues("Set-Cookie")).anyMatch(c -> c.startsWith("AMK_SESSION=")
                && c.toLowerCase().contains("httponly") && c.contains("SameSite=Lax") && c.contains("Secure"));
    }

    @Test
    void a_browser_without_a_session_gets_problem_json_with_where_to_sign_in() throws Exception {
        HttpResponse<String> api = send("GET", "/api/cases", List.of("Accept-Language", "id"));
        assertThat(api.statusCode()).isEqualTo(401);
        assertThat(api.headers().firstValue("Content-Type").orElse("")).startsWith("application/problem+json");
        assertThat(JSON.readTree(api.body()).path("signIn").asText()).isEqualTo("/oauth2/authorization/amk-web");
        assertThat(Backends.LAST_HEADERS.getOrDefault("case-service", java.util.Map.of())).doesNotContainKey("authorization");

        HttpResponse<String> session = send("GET", "/bff/session", List.of());
        assertThat(JSON.readTree(session.body()).path("authenticated").asBoolean()).isFalse();
        assertThat(session.body()).doesNotContain("token");

        HttpResponse<String> deviceKey = send("GET", "/bff/device-key", List.of("Accept-Language", "id"));
        assertThat(deviceKey.statusCode()).isEqualTo(401);
        assertThat(deviceKey.headers().firstValue("Content-Type").orElse("")).startsWith("application/problem+json");
        assertThat(deviceKey.body()).doesNotContain("\"key\"");
    }

    @Test
    void a_cookie_authenticated_write_needs_the_csrf_token() throws Exception {
        HttpResponse<String> page = send("GET", "/", List.of("Accept", "text/html"));
        String csrf = page.headers().allValues("Set-Cookie").stream().filter(c -> c.startsWith("XSRF-TOKEN=")).findFirst().orElseThrow()
                .split(";")[0].substring("XSRF-TOKEN=".length());
        assertThat(send("POST", "/api/cases", List.of("Content-Type", "application/json")).statusCode()).isEqualTo(403);
        assertThat(send("POST", "/bff/logout", List.of()).statusCode()).isEqualTo(403);
        // with the token the request gets past CSRF, and is then refused for having no session
        assertThat(send("POST", "/api/cases", List.of("Content-Type", "application/json", "X-XSRF-TOKEN", csrf, "Cookie", "XSRF-TOKEN=" + csrf))
                .statusCode()).isEqualTo(401);
        // identity-service's own sign-in form carries its own CSRF token and is passed through
        assertThat(send("POST", "/login", List.of("Content-Type", "application/x-www-form-urlencoded")).body())
                .isEqualTo("identity-service /login");
    }

    @Test
    void the_app_is_served_at_its_addresses_with_a_content_security_policy() throws Exception {
        for (String path : List.of("/", "/cases/3fa85f64", "/reports")) {
            HttpResponse<String> page = send("GET", path, List.of("Accept", "text/html"));
            assertThat(page.statusCode()).as(path).isEqualTo(200);
            assertThat(page.body()).contains("<div id=\"root\"></div>");
            assertThat(page.headers().firstValue("Content-Security-Policy").orElse("")).contains("script-src 'self'")
                    .doesNotContain("unsafe-inline");
        }
        assertThat(send("GET", "/manifest.webmanifest", List.of()).body()).contains("\"display\": \"standalone\"");
        assertThat(send("GET", "/sw.js", List.of()).statusCode()).isEqualTo(200);
    }

    private HttpResponse<String> send(String method, String path, List<String> headers) throws Exception {
        HttpRequest.Builder request = HttpRequest.newBuilder(URI.create("http://localhost:" + port + path))
                .method(method, HttpRequest.BodyPublishers.ofString(method.equals("GET") ? "" : "{}"));
        for (int i = 0; i < headers.size(); i += 2) {
            request.header(headers.get(i), headers.get(i + 1));
        }
        return http.send(request.build(), HttpResponse.BodyHandlers.ofString());
    }
}
