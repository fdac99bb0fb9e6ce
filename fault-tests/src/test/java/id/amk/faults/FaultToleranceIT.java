package id.amk.faults;

import id.amk.platform.test.LocalPlatform;
import org.apache.kafka.clients.producer.KafkaProducer;
import org.apache.kafka.clients.producer.ProducerConfig;
import org.apache.kafka.clients.producer.ProducerRecord;
import org.apache.kafka.common.header.internals.RecordHeader;
import org.apache.kafka.common.serialization.ByteArraySerializer;
import org.junit.jupiter.api.AfterAll;
import org.junit.jupiter.api.BeforeAll;
import org.junit.jupiter.api.MethodOrderer;
import org.junit.jupiter.api.Order;
import org.junit.jupiter.api.Test;
import org.junit.jupiter.api.TestMethodOrder;
import org.junit.jupiter.api.Timeout;

import java.nio.charset.StandardCharsets;
import java.nio.file.Files;
import java.nio.file.Path;
import java.time.Duration;
import java.util.ArrayList;
import java.util.List;
import java.util.Locale;
import java.util.Map;
import java.util.concurrent.TimeUnit;
import java.util.concurrent.atomic.AtomicInteger;

import static org.assertj.core.api.Assertions.assertThat;
import static org.awaitility.Awaitility.await;

/**
 * Faults injected into the running platform ({@code ./amk up}, separate processes, real broker), each followed by a
 * reconciliation of event store, topic and read models (see {@link Reconciler}). At the end: the table of what was
 * injected and what was lost, also written to fault-tests/target/fault-report.md.
 */
@TestMethodOrder(MethodOrderer.OrderAnnotation.class)
class FaultToleranceIT {

    private static final Path ROOT = Path.of(System.getProperty("amk.root", "..")).toAbsolutePath().normalize();
    private static final LocalPlatform PLATFORM = new LocalPlatform(ROOT, ROOT.resolve("fault-tests/target/amk-faults"), 38080, 39092, 57017)
            // the load comes from one demo user, far beyond the per-user rate limit meant for people
            .with(Map.of("AMK_RATE_LIMIT_CAPACITY", "10000000"));
    private static final List<Reconciler.Row> TABLE = new ArrayList<>();
    private static Reconciler reconciler;

    @BeforeAll
    static void up() throws Exception {
        PLATFORM.amk("down");
        PLATFORM.wipe();
        PLATFORM.amkOk("up");
        reconciler = new Reconciler(PLATFORM);
    }

    @AfterAll
    static void down() throws Exception {
        if (reconciler != null) {
            reconciler.close();
        }
        PLATFORM.amk("down");
        StringBuilder table = new StringBuilder("| fault | injected | commands | accepted | resent after refusal | outcome unknown | "
                + "refused | registrations in event store | on Kafka (records) | read models | dashboard total | lost | duplicated |\n"
                + "|---|---|---|---|---|---|---|---|---|---|---|---|---|\n");
        for (Reconciler.Row r : TABLE) {
            table.append(String.format(Locale.ROOT, "| %s | %s | %d | %d | %d | %d | %s | %d | %d (%d) | %s | %d | %d | %d |%n", r.fault(),
                    r.injected(), r.commands(), r.accepted(), r.retried(), r.unknown(), r.refused(), r.inStore(), r.onKafka(),
                    r.kafkaCopies(), r.readModels(), r.dashboardTotal(), r.lost(), r.duplicated()));
        }
        System.out.println("\n" + table);
        TABLE.forEach(r -> System.out.println(r.fault() + " -> lost: " + r.lost() + ", duplicated: " + r.duplicated()));
        Files.createDirectories(ROOT.resolve("fault-tests/target"));
        Files.writeString(ROOT.resolve("fault-tests/target/fault-report.md"), table.toString());
    }

    private static Reconciler.Row record(Reconciler.Row row) {
        TABLE.add(row);
        System.out.println(row.fault() + " -> lost: " + row.lost() + ", duplicated: " + row.duplicated());
        return row;
    }

    @Test
    @Order(1)
    @Timeout(value = 8, unit = TimeUnit.MINUTES)
    void case_service_killed_with_sigkill_in_the_middle_of_1000_commands_and_restarted() throws Exception {
        String worker = PLATFORM.userToken("peksos.bandung");
        // straight to case-service: a refused connection then means "not processed", so the client may send it again
        Load load = new Load(PLATFORM, PLATFORM.casePort(), worker, 1000, 4, 0);
        untilAccepted(load, 300);
        long pid = PLATFORM.pids().get("case-service");
        ProcessHandle process = ProcessHandle.of(pid).orElseThrow();
        process.destroyForcibly(); // SIGKILL: no shutdown hook, no graceful stop
        process.onExit().get(30, TimeUnit.SECONDS);
        String injected = "SIGKILL at " + load.accepted.size() + " accepted";
        PLATFORM.amkOk("restart", "case-service");
        assertThat(load.await(5)).isTrue();

        Reconciler.Row row = record(reconciler.reconcile("kill -9 case-service, restart", injected, load, Duration.ofMinutes(3)));
        assertThat(row.accepted() + row.unknown()).isEqualTo(1000);
        assertThat(row.lost()).isZero();
        assertThat(row.duplicated()).isZero();
    }

    @Test
    @Order(2)
    @Timeout(value = 8, unit = TimeUnit.MINUTES)
    void the_broker_stopped_and_restarted_under_load() throws Exception {
        String worker = PLATFORM.userToken("peksos.bandung");
        // through the gateway, 4 clients pausing 100 ms: about 30 s of load
        Load load = new Load(PLATFORM, PLATFORM.gatewayPort(), worker, 600, 4, 100);
        untilAccepted(load, 100);
        ProcessHandle broker = ProcessHandle.of(PLATFORM.pids().get("kafka")).orElseThrow();
        broker.destroy(); // SIGTERM: the broker shuts down
        broker.onExit().get(60, TimeUnit.SECONDS);
        int acceptedAtStop = load.accepted.size();
        Thread.sleep(10_000); // commands go on while there is no broker
        int acceptedWithoutBroker = load.accepted.size() - acceptedAtStop;
        PLATFORM.amkOk("restart", "kafka");
        assertThat(load.await(5)).isTrue();

        Reconciler.Row row = record(reconciler.reconcile("Kafka broker stopped 10 s, restarted",
                "broker down at " + acceptedAtStop + " accepted; " + acceptedWithoutBroker + " accepted without it", load, Duration.ofMinutes(4)));
        assertThat(acceptedWithoutBroker).as("commands are accepted while the broker is away").isPositive();
        assertThat(row.lost()).isZero();
        assertThat(row.duplicated()).isZero();
    }

    @Test
    @Order(3)
    @Timeout(value = 8, unit = TimeUnit.MINUTES)
    void every_record_of_the_case_topic_delivered_a_second_time() throws Exception {
        AtomicInteger copies = new AtomicInteger();
        try (KafkaProducer<byte[], byte[]> producer = producer()) {
            reconciler.readTopic(Reconciler.TOPIC, record -> {
                // the same record again: key, value and CloudEvents headers (the same ce_id), as a relay re-send would
                producer.send(new ProducerRecord<>(record.topic(), record.partition(), record.key(), record.value(), record.headers()));
                copies.incrementAndGet();
            });
            producer.flush();
        }
        // commands after the copies: when they are counted, every consumer has passed the copies on every partition
        Load load = new Load(PLATFORM, PLATFORM.gatewayPort(), PLATFORM.userToken("peksos.bandung"), 30, 2, 0);
        assertThat(load.await(3)).isTrue();

        Reconciler.Row row = record(reconciler.reconcile("every case.events.v1 record delivered twice", copies.get() + " copies",
                load, Duration.ofMinutes(4)));
        assertThat(copies.get()).isGreaterThan(1000);
        // every registration from before the copies is on the topic at least twice; the 30 after them once
        assertThat(row.kafkaCopies()).isGreaterThanOrEqualTo(2L * (row.inStore() - row.accepted()) + row.accepted());
        assertThat(row.lost()).isZero();
        assertThat(row.duplicated()).isZero();
    }

    @Test
    @Order(4)
    @Timeout(value = 6, unit = TimeUnit.MINUTES)
    void poison_records_go_to_the_dead_letter_topic_and_the_next_events_are_processed() throws Exception {
        byte[] garbage = "\u0000not json at all {{{".getBytes(StandardCharsets.UTF_8);
        byte[] broken = "{\"caseId\": 42, \"regionCode\": [".getBytes(StandardCharsets.UTF_8);
        long deadLettersBefore = countDeadLetters();
        try (KafkaProducer<byte[], byte[]> producer = producer()) {
            for (int partition = 0; partition < 3; partition++) {
                producer.send(new ProducerRecord<>(Reconciler.TOPIC, partition, "poison".getBytes(StandardCharsets.UTF_8), garbage));
                ProducerRecord<byte[], byte[]> typed = new ProducerRecord<>(Reconciler.TOPIC, partition,
                        "poison-typed".getBytes(StandardCharsets.UTF_8), broken);
                typed.headers().add(new RecordHeader("ce_type", "amk.case.CaseRegistered.v1".getBytes(StandardCharsets.UTF_8)))
                        .add(new RecordHeader("ce_id", ("poison-" + partition).getBytes(StandardCharsets.UTF_8)))
                        .add(new RecordHeader("ce_specversion", "1.0".getBytes(StandardCharsets.UTF_8)))
                        .add(new RecordHeader("ce_source", "/fault-tests".getBytes(StandardCharsets.UTF_8)));
                producer.send(typed);
            }
            producer.flush();
        }
        Load load = new Load(PLATFORM, PLATFORM.gatewayPort(), PLATFORM.userToken("peksos.bandung"), 30, 2, 0);
        assertThat(load.await(3)).isTrue();

        Reconciler.Row row = record(reconciler.reconcile("poison records on case.events.v1", "6 poison records (3 partitions)", load,
                Duration.ofMinutes(3)));
        assertThat(row.lost()).isZero();
        assertThat(row.duplicated()).isZero();
        assertThat(countDeadLetters() - deadLettersBefore).as("poison parked in case.events.v1.dlt by the consumers").isGreaterThanOrEqualTo(6);
    }

    /** The fault goes in once the load has this many accepted commands behind it. */
    private static void untilAccepted(Load load, int accepted) {
        await().atMost(Duration.ofMinutes(3)).pollInterval(Duration.ofMillis(20)).until(() -> load.accepted.size() >= accepted);
    }

    private static long countDeadLetters() {
        long[] n = {0};
        try {
            reconciler.readTopic(Reconciler.TOPIC + ".dlt", r -> {
                if (r.key() != null && new String(r.key(), StandardCharsets.UTF_8).startsWith("poison")) {
                    n[0]++;
                }
            });
        } catch (RuntimeException absent) {
            return 0; // no dead letter yet: the topic does not exist
        }
        return n[0];
    }

    private static KafkaProducer<byte[], byte[]> producer() {
        Map<String, Object> config = new java.util.HashMap<>(PLATFORM.kafkaClient());
        config.put(ProducerConfig.ACKS_CONFIG, "all");
        return new KafkaProducer<>(config, new ByteArraySerializer(), new ByteArraySerializer());
    }
}
