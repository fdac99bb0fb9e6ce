package id.amk.platform;

import id.amk.platform.kafka.ReceivedEvent;
import id.amk.platform.test.AmkInfra;
import id.amk.platform.test.AmkTest;
import id.amk.platform.testapp.TestApplication;
import id.amk.platform.testapp.TestApplication.RecordingListener;
import io.cloudevents.core.builder.CloudEventBuilder;
import io.cloudevents.kafka.KafkaMessageFactory;
import org.apache.kafka.clients.admin.AdminClient;
import org.apache.kafka.clients.consumer.ConsumerConfig;
import org.apache.kafka.clients.consumer.ConsumerRecord;
import org.apache.kafka.clients.consumer.KafkaConsumer;
import org.apache.kafka.clients.producer.KafkaProducer;
import org.apache.kafka.clients.producer.ProducerConfig;
import org.apache.kafka.clients.producer.ProducerRecord;
import org.apache.kafka.common.serialization.ByteArrayDeserializer;
import org.apache.kafka.common.serialization.ByteArraySerializer;
import org.apache.kafka.common.serialization.StringDeserializer;
import org.apache.kafka.common.serialization.StringSerializer;
import org.junit.jupiter.api.AfterEach;
import org.junit.jupiter.api.BeforeEach;
import org.junit.jupiter.api.Test;
import org.springframework.boot.builder.SpringApplicationBuilder;
import org.springframework.context.ConfigurableApplicationContext;

import java.net.URI;
import java.nio.charset.StandardCharsets;
import java.time.Duration;
import java.time.OffsetDateTime;
import java.util.ArrayList;
import java.util.List;
import java.util.Map;
import java.util.UUID;

import static id.amk.platform.KafkaEventRelayTest.header;
import static org.assertj.core.api.Assertions.assertThat;
import static org.awaitility.Awaitility.await;

/** The idempotent consumer against the real embedded broker and Mongo server. */
@AmkTest
class IntegrationEventConsumerTest {

    // a topic and a consumer group of its own for each test: other test contexts of this JVM run the listener too
    private final String run = UUID.randomUUID().toString();
    private final String TOPIC = "test." + run;
    private final String GROUP = "consumer-test-" + run + ".recorder";

    private KafkaProducer<String, byte[]> producer;
    private ConfigurableApplicationContext app;
    private final String database = "consumer-" + UUID.randomUUID();

    @BeforeEach
    void setUp() {
        producer = new KafkaProducer<>(Map.of(ProducerConfig.BOOTSTRAP_SERVERS_CONFIG, AmkInfra.get().kafkaBootstrapServers()),
                new StringSerializer(), new ByteArraySerializer());
    }

    @AfterEach
    void tearDown() {
        if (app != null) {
            app.close();
        }
        producer.close();
    }

    @Test
    void poison_and_failing_messages_go_to_the_dead_letter_topic_and_the_next_is_processed_once() throws Exception {
        app = start();
        RecordingListener listener = app.getBean(RecordingListener.class);

        String duplicated = UUID.randomUUID().toString();
        send(new ProducerRecord<>(TOPIC, "case-1", "this is not a CloudEvent".getBytes(StandardCharsets.UTF_8)));
        send(cloudEvent(duplicated, "case-1"));
        send(cloudEvent(duplicated, "case-1")); // redelivered copy: same event id
        String failing = UUID.randomUUID().toString();
        send(cloudEvent(failing, "always-fails"));
        String last = UUID.randomUUID().toString();
        send(cloudEvent(last, "case-2"));

        await().atMost(Duration.ofSeconds(60)).until(() -> listener.received.size() >= 2 && committed() == endOffsets(TOPIC));
        assertThat(listener.received).extracting(ReceivedEvent::id).containsExactlyInAnyOrder(duplicated, last);
        assertThat(listener.attempts.stream().filter(failing::equals)).as("tried, then retried twice").hasSize(3);
        ReceivedEvent received = listener.received.stream().filter(e -> e.id().equals(duplicated)).findFirst().orElseThrow();
        assertThat(received.type()).isEqualTo("amk.test.Something.v1");
        assertThat(received.correlationId()).isEqualTo("corr-" + duplicated);
        assertThat(received.data().get("value").asInt()).isEqualTo(42);

        List<ConsumerRecord<String, byte[]>> deadLetters = readAll(TOPIC + ".dlt", 2);
        assertThat(deadLetters).anySatisfy(r -> {
            assertThat(new String(r.value(), StandardCharsets.UTF_8)).isEqualTo("this is not a CloudEvent");
            assertThat(header(r, "kafka_dlt-exception-message")).contains("not a CloudEvent");
        });
        assertThat(deadLetters).anySatisfy(r -> {
            assertThat(header(r, "ce_id")).isEqualTo(failing);
            assertThat(header(r, "kafka_dlt-exception-stacktrace")).isNull();
        });
    }

    @Test
    void a_restarted_consumer_resumes_from_its_committed_offset() throws Exception {
        app = start();
        String first = UUID.randomUUID().toString();
        send(cloudEvent(first, "case-3"));
        RecordingListener listener = app.getBean(RecordingListener.class);
        await().atMost(Duration.ofSeconds(60)).until(() -> listener.received.stream().anyMatch(e -> e.id().equals(first)));
        app.close();

        String whileDown = UUID.randomUUID().toString();
        send(cloudEvent(whileDown, "case-3"));
        app = start();
        RecordingListener restarted = app.getBean(RecordingListener.class);
        await().atMost(Duration.ofSeconds(60)).until(() -> restarted.received.stream().anyMatch(e -> e.id().equals(whileDown)));
        assertThat(restarted.attempts).as("nothing before the committed offset is read again").doesNotContain(first);

        await().atMost(Duration.ofSeconds(30)).untilAsserted(() -> assertThat(committed()).isEqualTo(endOffsets(TOPIC)));
    }

    private long committed() throws Exception {
        try (AdminClient admin = AdminClient.create(Map.of("bootstrap.servers", AmkInfra.get().kafkaBootstrapServers()))) {
            return admin.listConsumerGroupOffsets(GROUP).partitionsToOffsetAndMetadata().get().values().stream()
                    .mapToLong(o -> o.offset()).sum();
        }
    }

    private ConfigurableApplicationContext start() {
        // command-line arguments: they take precedence over application.yml
        return new SpringApplicationBuilder(TestApplication.class).run("--spring.data.mongodb.database=" + database,
                "--server.port=0", "--test.topic=" + TOPIC, "--spring.application.name=consumer-test-" + run);
    }

    private void send(ProducerRecord<String, byte[]> record) throws Exception {
        producer.send(record).get();
    }

    private ProducerRecord<String, byte[]> cloudEvent(String id, String subject) {
        return KafkaMessageFactory.createWriter(TOPIC, subject).writeBinary(CloudEventBuilder.v1()
                .withId(id).withSource(URI.create("/amk/test")).withType("amk.test.Something.v1").withSubject(subject)
                .withTime(OffsetDateTime.now()).withExtension("correlationid", "corr-" + id)
                .withDataContentType("application/json").withData("{\"value\": 42, \"unknown\": true}".getBytes(StandardCharsets.UTF_8))
                .build());
    }

    private static List<ConsumerRecord<String, byte[]>> readAll(String topic, int atLeast) {
        try (KafkaConsumer<String, byte[]> consumer = new KafkaConsumer<>(Map.of(
                ConsumerConfig.BOOTSTRAP_SERVERS_CONFIG, AmkInfra.get().kafkaBootstrapServers(),
                ConsumerConfig.GROUP_ID_CONFIG, "reader-" + UUID.randomUUID(),
                ConsumerConfig.AUTO_OFFSET_RESET_CONFIG, "earliest"), new StringDeserializer(), new ByteArrayDeserializer())) {
            consumer.subscribe(List.of(topic));
            List<ConsumerRecord<String, byte[]>> records = new ArrayList<>();
            await().atMost(Duration.ofSeconds(30)).until(() -> {
                consumer.poll(Duration.ofMillis(200)).forEach(records::add);
                return records.size() >= atLeast;
            });
            return records;
        }
    }

    private static long endOffsets(String topic) throws Exception {
        try (KafkaConsumer<String, byte[]> consumer = new KafkaConsumer<>(Map.of(
                ConsumerConfig.BOOTSTRAP_SERVERS_CONFIG, AmkInfra.get().kafkaBootstrapServers()),
                new StringDeserializer(), new ByteArrayDeserializer())) {
            var partitions = consumer.partitionsFor(topic).stream()
                    .map(p -> new org.apache.kafka.common.TopicPartition(topic, p.partition())).toList();
            return consumer.endOffsets(partitions).values().stream().mapToLong(Long::longValue).sum();
        }
    }
}
