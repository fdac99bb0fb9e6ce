package id.amk.platform.security;

import id.amk.contracts.identity.AccessRevoked;
import id.amk.platform.relay.CloudEventRecords;
import id.amk.platform.test.AmkInfra;
import id.amk.platform.test.AmkTest;
import id.amk.platform.test.TestJwtIssuer;
import id.amk.platform.testapp.TestApplication;
import org.apache.kafka.clients.producer.KafkaProducer;
import org.apache.kafka.common.serialization.ByteArraySerializer;
import org.apache.kafka.common.serialization.StringSerializer;
import org.junit.jupiter.api.Test;
import org.springframework.beans.factory.annotation.Autowired;
import org.springframework.boot.test.context.SpringBootTest;
import org.springframework.boot.test.web.server.LocalServerPort;

import java.net.URI;
import java.net.http.HttpClient;
import java.net.http.HttpRequest;
import java.net.http.HttpResponse;
import java.nio.charset.StandardCharsets;
import java.time.Duration;
import java.time.Instant;
import java.util.List;
import java.util.Map;
import java.util.UUID;

import static org.assertj.core.api.Assertions.assertThat;
import static org.awaitility.Awaitility.await;

/**
 * A subject's access tokens stop working once identity-service's AccessRevoked reaches the service over the real broker:
 * measured, and required well inside the minute the issue allows; a token issued after the revocation and other people's
 * tokens keep working.
 */
@AmkTest
@SpringBootTest(classes = TestApplication.class, webEnvironment = SpringBootTest.WebEnvironment.RANDOM_PORT,
        properties = "spring.data.mongodb.database=platform-kit-revocation")
class RevocationTest {

    private final HttpClient http = HttpClient.newHttpClient();
    private final TestJwtIssuer tokens = TestJwtIssuer.get();

    @LocalServerPort
    int port;

    @Autowired
    RevocationFeed feed;

    @Test
    void a_revoked_subjects_tokens_are_refused_within_seconds_and_a_later_token_is_not() throws Exception {
        await().atMost(Duration.ofSeconds(60)).until(feed::caughtUp);
        String subject = "peksos-" + UUID.randomUUID();
        String before = tokens.userToken(subject, List.of("PEKSOS"), List.of("32.73"), null);
        String bystander = tokens.userToken("supervisor-" + UUID.randomUUID(), List.of("SUPERVISOR"), List.of("32"), null);
        assertThat(status(before)).isEqualTo(200);
        Thread.sleep(1_100); // iat has whole seconds: the revocation comes in a later second than the token

        Instant revokedAt = Instant.now();
        publish(new AccessRevoked(subject, AccessRevoked.Kind.USER, AccessRevoked.Reason.DISABLED, revokedAt));
        await().atMost(Duration.ofSeconds(60)).pollInterval(Duration.ofMillis(100)).until(() -> status(before) == 401);
        Duration delay = Duration.between(revokedAt, Instant.now());
        System.out.println("Revocation took effect after " + delay.toMillis() + " ms");
        assertThat(delay).as("from publication to refusal").isLessThan(Duration.ofSeconds(10));

        assertThat(status(bystander)).as("someone else's token").isEqualTo(200);
        Thread.sleep(1_100);
        String after = tokens.userToken(subject, List.of("PEKSOS"), List.of("32.73"), null);
        assertThat(status(after)).as("a token issued after the revocation (the account enabled again)").isEqualTo(200);
    }

    private int status(String token) throws Exception {
        return http.send(HttpRequest.newBuilder(URI.create("http://localhost:" + port + "/api/me"))
                .header("Authorization", "Bearer " + token).build(), HttpResponse.BodyHandlers.discarding()).statusCode();
    }

    private static void publish(AccessRevoked revocation) throws Exception {
        String json = "{\"subject\":\"" + revocation.subject() + "\",\"kind\":\"USER\",\"reason\":\"DISABLED\",\"revokedAt\":\""
                + revocation.revokedAt() + "\"}";
        try (KafkaProducer<String, byte[]> producer = new KafkaProducer<>(Map.of("bootstrap.servers", AmkInfra.get().kafkaBootstrapServers()),
                new StringSerializer(), new ByteArraySerializer())) {
            producer.send(CloudEventRecords.of(AccessRevoked.TYPE, UUID.randomUUID().toString(), "/amk/identity-service",
                    revocation.subject(), revocation.revokedAt(), json.getBytes(StandardCharsets.UTF_8), null)).get();
        }
    }
}
