package id.amk.reporting.monitoring;

import com.fasterxml.jackson.databind.JsonNode;
import id.amk.platform.test.AmkInfra;
import id.amk.platform.test.AmkTest;
import id.amk.platform.test.ApiClient;
import id.amk.platform.test.TestJwtIssuer;
import org.apache.kafka.clients.producer.KafkaProducer;
import org.apache.kafka.clients.producer.ProducerRecord;
import org.apache.kafka.common.serialization.ByteArraySerializer;
import org.apache.kafka.common.serialization.StringSerializer;
import id.amk.contracts.identity.UserRegistered;
import id.amk.contracts.cases.CaseRegistered;
import id.amk.platform.relay.CloudEventRecords;
import com.fasterxml.jackson.databind.ObjectMapper;
import java.time.Instant;
import java.util.UUID;
import org.junit.jupiter.api.Test;
import org.springframework.boot.test.context.SpringBootTest;
import org.springframework.boot.test.web.server.LocalServerPort;

import java.net.http.HttpResponse;
import java.time.Duration;
import java.util.List;
import java.util.Map;

import static org.assertj.core.api.Assertions.assertThat;
import static org.awaitility.Awaitility.await;

/**
 * Dashboards fed only by Kafka: the counts match the history produced onto the topics; a rebuild from offset 0 reports
 * its progress and ends with the same numbers; access follows the roles.
 */
@AmkTest
@SpringBootTest(webEnvironment = SpringBootTest.WebEnvironment.RANDOM_PORT)
class MonitoringTest {

    private static final TestJwtIssuer TOKENS = TestJwtIssuer.get();
    private static final String ANALYST = TOKENS.userToken("analis", List.of("MINISTRY_ANALYST"), List.of(), null);
    private static final String ADMIN = TOKENS.userToken("admin", List.of("ADMIN"), List.of(), null);
    private static final String WORKER = TOKENS.userToken("peksos", List.of("PEKSOS"), List.of("32.73"), null);

    @LocalServerPort
    int port;

    @Test
    void dashboards_count_what_was_published_and_a_rebuild_ends_with_the_same_numbers() throws Exception {
        MonitoringEvents history = new MonitoringEvents("91", 60, 7);
        produce(history.records);
        MonitoringEvents.Expected expected = history.expected();
        ApiClient api = new ApiClient(port);

        await().atMost(Duration.ofSeconds(60)).untilAsserted(() -> {
            JsonNode cases = ApiClient.json(api.send("GET", "/api/dashboards/cases?region=91", ANALYST, null, null));
            assertThat(cases.path("total").asLong()).isEqualTo(expected.total());
            assertThat(cases.path("children").asLong()).isEqualTo(expected.children()).isLessThan(expected.total());
            assertThat(cases.path("closed").asLong()).isEqualTo(expected.closed());
            assertThat(cases.path("open").asLong()).isEqualTo(expected.open());
            assertThat(cases.path("deadlineBreaches").asLong()).isEqualTo(expected.breaches());
            JsonNode referrals = ApiClient.json(api.send("GET", "/api/dashboards/referrals?region=91", ANALYST, null, null));
            assertThat(referrals.path("total").asLong()).isEqualTo(expected.referrals());
            assertThat(referrals.path("byOutcome").path("GOALS_MET").asLong()).isEqualTo(expected.completedReferrals());
        });
        JsonNode cases = ApiClient.json(api.send("GET", "/api/dashboards/cases?region=91", ANALYST, null, null));
        assertThat(cases.path("drillDown").get(1).path("region").asText()).isEqualTo("91.73");
        assertThat(cases.path("drillDown").get(1).path("total").asLong()).isEqualTo(expected.inFirstRegency());
        assertThat(cases.path("byStage").path("CLOSED").asLong()).isEqualTo(expected.closed());
        JsonNode workers = ApiClient.json(api.send("GET", "/api/dashboards/workers?region=91", ANALYST, null, null));
        long caseload = 0;
        for (JsonNode w : workers) {
            caseload += w.path("cases").asLong();
            assertThat(w.path("onTimeShare").asDouble()).isBetween(0.0, 1.0);
        }
        assertThat(caseload).isEqualTo(expected.total());

        HttpResponse<String> csv = api.send("GET", "/api/dashboards/cases?region=91&format=csv", ANALYST, null, null);
        assertThat(csv.headers().firstValue("Content-Type").orElse("")).startsWith("text/csv");
        assertThat(csv.body()).startsWith("region,total,children,open,closed,deadline_breaches,on_time_share\r\n").contains("91.73," + expected.inFirstRegency() + ",");

        // a worker sees no national monitoring; a bad region is a problem, not an error
        assertThat(api.send("GET", "/api/dashboards/cases", WORKER, null, null).statusCode()).isEqualTo(403);
        assertThat(api.send("GET", "/api/dashboards/cases?region=9x", ANALYST, null, null).statusCode()).isEqualTo(400);
        assertThat(api.send("POST", "/api/admin/projections/monitoring/rebuild", ANALYST, null, null).statusCode()).isEqualTo(403);

        String before = api.send("GET", "/api/dashboards/cases?region=91", ANALYST, null, null).body();
        String referralsBefore = api.send("GET", "/api/dashboards/referrals?region=91", ANALYST, null, null).body();
        String workersBefore = api.send("GET", "/api/dashboards/workers?region=91", ANALYST, null, null).body();
        HttpResponse<String> started = api.send("POST", "/api/admin/projections/monitoring/rebuild", ADMIN, null, null);
        assertThat(started.statusCode()).as(started.body()).isEqualTo(202);
        long generation = ApiClient.json(started).path("generation").asLong();
        await().atMost(Duration.ofSeconds(60)).untilAsserted(() ->
                assertThat(ApiClient.json(api.send("GET", "/api/admin/projections/monitoring/status", ADMIN, null, null))
                        .path("state").asText()).isEqualTo("DONE"));
        JsonNode status = ApiClient.json(api.send("GET", "/api/admin/projections/monitoring/status", ADMIN, null, null));
        assertThat(status.path("generation").asLong()).isEqualTo(generation);
        assertThat(status.path("total").asLong()).isGreaterThanOrEqualTo(history.records.size());
        assertThat(status.path("done").asLong()).isEqualTo(status.path("total").asLong());
        assertThat(status.path("eventsPerSecond").asDouble()).isPositive();
        assertThat(api.send("GET", "/api/dashboards/cases?region=91", ANALYST, null, null).body()).isEqualTo(before);
        assertThat(api.send("GET", "/api/dashboards/referrals?region=91", ANALYST, null, null).body()).isEqualTo(referralsBefore);
        assertThat(api.send("GET", "/api/dashboards/workers?region=91", ANALYST, null, null).body()).isEqualTo(workersBefore);
    }

    @Test
    void worker_performance_shows_names_from_identity_service_and_every_figure_follows_the_period() throws Exception {
        ObjectMapper json = new ObjectMapper().findAndRegisterModules()
            .disable(com.fasterxml.jackson.databind.SerializationFeature.WRITE_DATES_AS_TIMESTAMPS); // instants as the contracts write them
        String caseId = UUID.randomUUID().toString();
        Instant november = Instant.parse("2026-11-10T02:00:00Z");
        produce(List.of(
                CloudEventRecords.of(UserRegistered.TYPE, UUID.randomUUID().toString(), "/amk/test", "budi.peksos", november,
                        json.writeValueAsBytes(new UserRegistered("u-budi", "budi.peksos", "Budi Hartono", List.of("PEKSOS"), List.of("92.01"), null,
                                true, november)), null),
                CloudEventRecords.of(CaseRegistered.TYPE, UUID.randomUUID().toString(), "/amk/test", caseId, november,
                        json.writeValueAsBytes(new CaseRegistered(caseId, "AMK-9201-2026-000001", null, "92.01.01", List.of("NEGLECTED"), null,
                                "MEDIUM", "WALK_IN", "budi.peksos", "budi.peksos", november)), null)));
        ApiClient api = new ApiClient(port);
        await().atMost(Duration.ofSeconds(60)).untilAsserted(() -> {
            JsonNode workers = ApiClient.json(api.send("GET", "/api/dashboards/workers?region=92&month=2026-11", ANALYST, null, null));
            assertThat(workers.size()).isEqualTo(1);
            assertThat(workers.get(0).path("name").asText()).isEqualTo("Budi Hartono");
        });
        assertThat(ApiClient.json(api.send("GET", "/api/dashboards/workers?region=92&month=2026-10", ANALYST, null, null)).size()).isZero();
        JsonNode cases = ApiClient.json(api.send("GET", "/api/dashboards/cases?region=92", ANALYST, null, null));
        assertThat(cases.path("byMonthStage").path("2026-11").path("REGISTERED").asLong()).isEqualTo(1);
        assertThat(cases.path("onTimeShare").asDouble()).isEqualTo(1.0);
        assertThat(ApiClient.json(api.send("GET", "/api/dashboards/referrals?region=92&month=2026-11", ANALYST, null, null)).path("total").asLong())
                .isZero();
        assertThat(api.send("GET", "/api/dashboards/workers?month=2026-13", ANALYST, null, null).statusCode()).isEqualTo(400);
        assertThat(api.send("GET", "/api/dashboards/workers?region=92&format=csv", ANALYST, null, null).body())
                .startsWith("worker,name,cases,").contains("budi.peksos,Budi Hartono,1,");
    }

    static void produce(List<ProducerRecord<String, byte[]>> records) throws Exception {
        try (var producer = new KafkaProducer<String, byte[]>(Map.of("bootstrap.servers", AmkInfra.get().kafkaBootstrapServers()),
                new StringSerializer(), new ByteArraySerializer())) {
            for (ProducerRecord<String, byte[]> record : records) {
                producer.send(record);
            }
            producer.flush();
        }
    }
}
