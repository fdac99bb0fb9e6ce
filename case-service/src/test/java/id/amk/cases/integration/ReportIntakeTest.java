package id.amk.cases.integration;

import com.fasterxml.jackson.databind.ObjectMapper;
import id.amk.cases.casefile.api.CaseIds;
import id.amk.cases.casefile.api.Events.CaseRegisteredEvent;
import id.amk.contracts.Topics;
import id.amk.contracts.lapor.ReportAccepted;
import id.amk.platform.relay.CloudEventRecords;
import id.amk.platform.test.AmkInfra;
import id.amk.platform.test.AmkTest;
import id.amk.platform.test.TestJwtIssuer;
import org.apache.kafka.clients.admin.AdminClient;
import org.apache.kafka.clients.consumer.KafkaConsumer;
import org.apache.kafka.clients.producer.KafkaProducer;
import org.apache.kafka.common.TopicPartition;
import org.apache.kafka.common.serialization.ByteArrayDeserializer;
import org.apache.kafka.common.serialization.StringDeserializer;
import org.apache.kafka.clients.producer.ProducerRecord;
import org.apache.kafka.common.serialization.ByteArraySerializer;
import org.apache.kafka.common.serialization.StringSerializer;
import org.axonframework.eventsourcing.eventstore.EventStore;
import org.junit.jupiter.api.Test;
import org.springframework.beans.factory.annotation.Autowired;
import org.springframework.boot.test.context.SpringBootTest;
import org.springframework.boot.test.web.server.LocalServerPort;

import java.net.URI;
import java.net.http.HttpClient;
import java.net.http.HttpRequest;
import java.net.http.HttpResponse;
import java.time.Duration;
import java.time.Instant;
import java.util.List;
import java.util.Map;
import java.util.UUID;

import static org.assertj.core.api.Assertions.assertThat;
import static org.awaitility.Awaitility.await;

/** A report accepted in triage becomes exactly one case, however often it arrives. */
@AmkTest
@SpringBootTest(webEnvironment = SpringBootTest.WebEnvironment.RANDOM_PORT)
class ReportIntakeTest {

    private static final ObjectMapper JSON = new ObjectMapper().findAndRegisterModules()
            .disable(com.fasterxml.jackson.databind.SerializationFeature.WRITE_DATES_AS_TIMESTAMPS); // instants as the contracts write them

    @Autowired
    EventStore events;

    @LocalServerPort
    int port;

    @Test
    void a_report_accepted_twice_and_redelivered_registers_one_case_the_worker_then_completes() throws Exception {
        String reportId = UUID.randomUUID().toString();
        ReportAccepted accepted = new ReportAccepted(reportId, "32.73", "URGENT", "SCHOOL", List.of("VIOLENCE_VICTIM", "ABH"),
                "peksos.bandung", "spv.jabar", Instant.now());
        byte[] data = JSON.writeValueAsBytes(accepted);
        String eventId = UUID.randomUUID().toString();
        try (KafkaProducer<String, byte[]> producer = new KafkaProducer<>(Map.of("bootstrap.servers", AmkInfra.get().kafkaBootstrapServers()),
                new StringSerializer(), new ByteArraySerializer())) {
            ProducerRecord<String, byte[]> record = CloudEventRecords.of(ReportAccepted.TYPE, eventId, "/amk/reporting-service", reportId,
                    Instant.now(), data, null);
            producer.send(record).get();
            producer.send(record).get(); // the same event delivered again
            producer.send(CloudEventRecords.of(ReportAccepted.TYPE, UUID.randomUUID().toString(), "/amk/reporting-service", reportId,
                    Instant.now(), data, null)).get(); // the report accepted again (a replay of reporting-service)
        }
        String caseId = CaseIds.fromReport(reportId);
        await().atMost(Duration.ofSeconds(60)).until(() -> events.lastSequenceNumberFor(caseId).isPresent());
        // every copy consumed: the intake's committed offsets reach the end of the topic
        try (AdminClient admin = AdminClient.create(Map.of("bootstrap.servers", AmkInfra.get().kafkaBootstrapServers()));
             KafkaConsumer<String, byte[]> probe = new KafkaConsumer<>(Map.of("bootstrap.servers", AmkInfra.get().kafkaBootstrapServers()),
                     new StringDeserializer(), new ByteArrayDeserializer())) {
            var partitions = probe.partitionsFor(Topics.LAPOR_EVENTS).stream().map(p -> new TopicPartition(Topics.LAPOR_EVENTS, p.partition())).toList();
            long end = probe.endOffsets(partitions).values().stream().mapToLong(Long::longValue).sum();
            await().atMost(Duration.ofSeconds(60)).until(() -> admin.listConsumerGroupOffsets("case-service.report-intake")
                    .partitionsToOffsetAndMetadata().get().entrySet().stream()
                    .filter(e -> e.getKey().topic().equals(Topics.LAPOR_EVENTS)).mapToLong(e -> e.getValue().offset()).sum() == end);
        }
        List<Object> registrations = events.readEvents(caseId).asStream().map(m -> m.getPayload())
                .filter(CaseRegisteredEvent.class::isInstance).map(Object.class::cast).toList();
        assertThat(registrations).hasSize(1);
        CaseRegisteredEvent registered = (CaseRegisteredEvent) registrations.get(0);
        assertThat(registered.source()).isEqualTo("LAPOR_SOSIAL");
        assertThat(registered.reportId()).isEqualTo(reportId);
        assertThat(registered.child()).isNull();
        assertThat(registered.assignedWorker()).isEqualTo("peksos.bandung");

        // after the first contact the worker records who the child is, and for this ABH case the child's role
        String worker = TestJwtIssuer.get().userToken("peksos.bandung", List.of("PEKSOS"), List.of("32.73"), null);
        HttpResponse<String> child = HttpClient.newHttpClient().send(HttpRequest.newBuilder(
                        URI.create("http://localhost:" + port + "/api/cases/" + caseId + "/child"))
                .header("Authorization", "Bearer " + worker).header("Content-Type", "application/json").header("If-Match", "\"0\"")
                .POST(HttpRequest.BodyPublishers.ofString("{\"name\":\"Budi\",\"estimatedAge\":12,\"sex\":\"M\"}")).build(),
                HttpResponse.BodyHandlers.ofString());
        assertThat(child.statusCode()).as("an ABH child without a role").isEqualTo(400);
        assertThat(JSON.readTree(child.body()).path("field").asText()).isEqualTo("abhRole");
        assertThat(JSON.readTree(child.body()).path("detail").asText()).contains("child's role").doesNotContain("''");
        child = HttpClient.newHttpClient().send(HttpRequest.newBuilder(
                        URI.create("http://localhost:" + port + "/api/cases/" + caseId + "/child"))
                .header("Authorization", "Bearer " + worker).header("Content-Type", "application/json").header("If-Match", "\"0\"")
                .POST(HttpRequest.BodyPublishers.ofString("{\"name\":\"Budi\",\"estimatedAge\":12,\"sex\":\"M\",\"abhRole\":\"VICTIM\"}")).build(),
                HttpResponse.BodyHandlers.ofString());
        assertThat(child.statusCode()).as(child.body()).isEqualTo(200);
        assertThat(JSON.readTree(child.body()).path("child").path("name").asText()).isEqualTo("Budi");
        assertThat(JSON.readTree(child.body()).path("abhRole").asText()).isEqualTo("VICTIM");
    }
}
