package id.amk.platform;

import com.fasterxml.jackson.databind.JsonNode;
import com.fasterxml.jackson.databind.ObjectMapper;
import id.amk.contracts.ContractValidator;
import id.amk.contracts.Topics;
import id.amk.contracts.cases.CaseStageChanged;
import id.amk.platform.test.AmkInfra;
import id.amk.platform.test.AmkTest;
import id.amk.platform.testapp.TestApplication;
import id.amk.platform.testapp.TestApplication.StageMoved;
import org.apache.kafka.clients.consumer.ConsumerConfig;
import org.apache.kafka.clients.consumer.ConsumerRecord;
import org.apache.kafka.clients.consumer.KafkaConsumer;
import org.apache.kafka.common.header.Header;
import org.apache.kafka.common.serialization.ByteArrayDeserializer;
import org.apache.kafka.common.serialization.StringDeserializer;
import org.axonframework.eventhandling.GenericDomainEventMessage;
import org.axonframework.eventsourcing.eventstore.EventStore;
import org.axonframework.messaging.MetaData;
import org.junit.jupiter.api.AfterEach;
import org.junit.jupiter.api.Test;
import org.springframework.boot.builder.SpringApplicationBuilder;
import org.springframework.context.ConfigurableApplicationContext;

import java.nio.charset.StandardCharsets;
import java.time.Duration;
import java.util.ArrayList;
import java.util.HashMap;
import java.util.List;
import java.util.Map;
import java.util.Properties;
import java.util.UUID;
import java.util.stream.Collectors;

import static org.assertj.core.api.Assertions.assertThat;
import static org.awaitility.Awaitility.await;

/** The relay against the real embedded broker and Mongo server, across a restart in the middle of the stream. */
@AmkTest
class KafkaEventRelayTest {

    private static final int AGGREGATES = 20;
    private static final int EVENTS_PER_AGGREGATE = 40;
    private static final int TOTAL = AGGREGATES * EVENTS_PER_AGGREGATE;

    private final List<ConsumerRecord<String, byte[]>> published = new ArrayList<>();
    private KafkaConsumer<String, byte[]> consumer;
    private ConfigurableApplicationContext app;

    @AfterEach
    void tearDown() {
        if (app != null) {
            app.close();
        }
        if (consumer != null) {
            consumer.close();
        }
    }

    @Test
    void publishes_every_stored_event_exactly_once_in_aggregate_order_across_a_restart_mid_stream() throws Exception {
        consumer = consumerFromStart();
        String database = "relay-" + UUID.randomUUID();
        app = start(database);
        List<String> aggregates = new ArrayList<>();
        List<GenericDomainEventMessage<StageMoved>> events = new ArrayList<>();
        for (int a = 0; a < AGGREGATES; a++) {
            String caseId = UUID.randomUUID().toString();
            aggregates.add(caseId);
            for (int seq = 0; seq < EVENTS_PER_AGGREGATE; seq++) {
                events.add(new GenericDomainEventMessage<>("Case", caseId, seq, new StageMoved(caseId, "ASSESSED", seq),
                        MetaData.with("correlationId", "corr-" + a)));
            }
        }
        app.getBean(EventStore.class).publish(events);

        await().atMost(Duration.ofSeconds(60)).until(() -> poll() >= TOTAL / 10);
        app.close(); // graceful stop in the middle of the stream
        int beforeRestart = poll();
        assertThat(beforeRestart).as("the stop came mid-stream").isLessThan(TOTAL);

        app = start(database);
        await().atMost(Duration.ofSeconds(120)).until(() -> poll() >= TOTAL);
        poll();

        List<ConsumerRecord<String, byte[]>> ours = published.stream()
                .filter(r -> aggregates.contains(r.key())).toList();
        Map<String, Long> copiesPerId = ours.stream().collect(Collectors.groupingBy(r -> header(r, "ce_id"), Collectors.counting()));
        assertThat(copiesPerId).hasSize(TOTAL);
        assertThat(copiesPerId.values()).allMatch(copies -> copies == 1L);

        ObjectMapper json = new ObjectMapper();
        ContractValidator contracts = new ContractValidator();
        Map<String, List<Long>> sequencePerAggregate = new HashMap<>();
        for (ConsumerRecord<String, byte[]> record : ours) {
            assertThat(header(record, "ce_type")).isEqualTo("amk.case.CaseStageChanged.v1");
            assertThat(header(record, "ce_specversion")).isEqualTo("1.0");
            assertThat(header(record, "ce_source")).isEqualTo("/amk/platform-test-app");
            assertThat(header(record, "ce_subject")).isEqualTo(record.key());
            assertThat(header(record, "ce_correlationid")).startsWith("corr-");
            JsonNode data = json.readTree(record.value());
            assertThat(contracts.validate(CaseStageChanged.TYPE, data)).isEmpty();
            sequencePerAggregate.computeIfAbsent(record.key(), k -> new ArrayList<>())
                    .add(Long.parseLong(data.get("reason").asText().substring(2)));
        }
        sequencePerAggregate.values().forEach(seqs -> assertThat(seqs).isSorted().hasSize(EVENTS_PER_AGGREGATE));
    }

    private int poll() {
        for (ConsumerRecord<String, byte[]> record : consumer.poll(Duration.ofMillis(200))) {
            published.add(record);
        }
        return published.size();
    }

    private static ConfigurableApplicationContext start(String database) {
        return new SpringApplicationBuilder(TestApplication.class)
                .run("--spring.data.mongodb.database=" + database, "--server.port=0",
                        "--axon.eventhandling.processors.kafka-relay.batch-size=5");
    }

    private static KafkaConsumer<String, byte[]> consumerFromStart() {
        Properties config = new Properties();
        config.put(ConsumerConfig.BOOTSTRAP_SERVERS_CONFIG, AmkInfra.get().kafkaBootstrapServers());
        config.put(ConsumerConfig.GROUP_ID_CONFIG, "relay-test-" + UUID.randomUUID());
        config.put(ConsumerConfig.AUTO_OFFSET_RESET_CONFIG, "latest");
        KafkaConsumer<String, byte[]> consumer = new KafkaConsumer<>(config, new StringDeserializer(), new ByteArrayDeserializer());
        consumer.subscribe(List.of(Topics.CASE_EVENTS));
        await().atMost(Duration.ofSeconds(30)).until(() -> {
            consumer.poll(Duration.ofMillis(100));
            return !consumer.assignment().isEmpty();
        });
        return consumer;
    }

    static String header(ConsumerRecord<String, byte[]> record, String name) {
        Header header = record.headers().lastHeader(name);
        return header == null ? null : new String(header.value(), StandardCharsets.UTF_8);
    }
}
