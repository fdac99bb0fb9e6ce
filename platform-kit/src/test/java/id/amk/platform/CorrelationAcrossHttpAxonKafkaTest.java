package id.amk.platform;

import id.amk.contracts.Topics;
import id.amk.platform.test.AmkInfra;
import id.amk.platform.test.AmkTest;
import id.amk.platform.test.TestJwtIssuer;
import id.amk.platform.testapp.TestApplication;
import org.apache.kafka.clients.consumer.ConsumerConfig;
import org.apache.kafka.clients.consumer.ConsumerRecord;
import org.apache.kafka.clients.consumer.KafkaConsumer;
import org.apache.kafka.common.serialization.ByteArrayDeserializer;
import org.apache.kafka.common.serialization.StringDeserializer;
import org.junit.jupiter.api.Test;
import org.springframework.boot.test.context.SpringBootTest;
import org.springframework.boot.test.web.server.LocalServerPort;

import java.net.URI;
import java.net.http.HttpClient;
import java.net.http.HttpRequest;
import java.net.http.HttpResponse;
import java.time.Duration;
import java.util.ArrayList;
import java.util.List;
import java.util.Map;
import java.util.UUID;

import static id.amk.platform.KafkaEventRelayTest.header;
import static org.assertj.core.api.Assertions.assertThat;
import static org.awaitility.Awaitility.await;

/** One id from the HTTP request, through the Axon command and its event, to the CloudEvent on Kafka. */
@AmkTest
@SpringBootTest(classes = TestApplication.class, webEnvironment = SpringBootTest.WebEnvironment.RANDOM_PORT,
        properties = "spring.data.mongodb.database=platform-kit-correlation")
class CorrelationAcrossHttpAxonKafkaTest {

    @LocalServerPort
    int port;

    @Test
    void the_request_id_reaches_the_published_event() throws Exception {
        String caseId = UUID.randomUUID().toString();
        String token = TestJwtIssuer.get().userToken("peksos-1", List.of("PEKSOS"), List.of("32.73"), null);
        HttpResponse<String> response = HttpClient.newHttpClient().send(HttpRequest.newBuilder(
                        URI.create("http://localhost:" + port + "/api/stage-moves/" + caseId))
                .header("Authorization", "Bearer " + token).header("X-Request-Id", "req-" + caseId)
                .POST(HttpRequest.BodyPublishers.noBody()).build(), HttpResponse.BodyHandlers.ofString());
        assertThat(response.statusCode()).isEqualTo(200);

        try (KafkaConsumer<String, byte[]> consumer = new KafkaConsumer<>(Map.of(
                ConsumerConfig.BOOTSTRAP_SERVERS_CONFIG, AmkInfra.get().kafkaBootstrapServers(),
                ConsumerConfig.GROUP_ID_CONFIG, "correlation-" + caseId,
                ConsumerConfig.AUTO_OFFSET_RESET_CONFIG, "earliest"), new StringDeserializer(), new ByteArrayDeserializer())) {
            consumer.subscribe(List.of(Topics.CASE_EVENTS));
            List<ConsumerRecord<String, byte[]>> ours = new ArrayList<>();
            await().atMost(Duration.ofSeconds(60)).until(() -> {
                consumer.poll(Duration.ofMillis(200)).forEach(r -> {
                    if (caseId.equals(r.key())) {
                        ours.add(r);
                    }
                });
                return !ours.isEmpty();
            });
            assertThat(header(ours.get(0), "ce_correlationid")).isEqualTo("req-" + caseId);
        }
    }
}
