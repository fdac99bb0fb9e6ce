package id.amk.identity;

import com.fasterxml.jackson.databind.ObjectMapper;
import id.amk.platform.test.AmkTest;
import id.amk.platform.test.BadInputContract;
import org.springframework.boot.test.context.SpringBootTest;
import org.springframework.test.context.ActiveProfiles;

import java.net.URI;
import java.net.http.HttpClient;
import java.net.http.HttpRequest;
import java.net.http.HttpResponse;
import java.nio.charset.StandardCharsets;
import java.util.Base64;
import java.util.List;

@AmkTest
@ActiveProfiles("dev")
@SpringBootTest(webEnvironment = SpringBootTest.WebEnvironment.RANDOM_PORT)
class IdentityBadInputTest extends BadInputContract {

    /** identity-service's own token for the demo client, which holds identity.admin. */
    @Override
    protected List<String> tokens() {
        try {
            String basic = Base64.getEncoder().encodeToString("demo-integration:demo-integration-secret".getBytes(StandardCharsets.UTF_8));
            HttpResponse<String> response = HttpClient.newHttpClient().send(HttpRequest.newBuilder(URI.create("http://localhost:" + port
                            + "/oauth2/token")).header("Authorization", "Basic " + basic).header("Content-Type", "application/x-www-form-urlencoded")
                    .POST(HttpRequest.BodyPublishers.ofString("grant_type=client_credentials")).build(), HttpResponse.BodyHandlers.ofString());
            return List.of(new ObjectMapper().readTree(response.body()).path("access_token").asText());
        } catch (Exception e) {
            throw new IllegalStateException(e);
        }
    }
}
