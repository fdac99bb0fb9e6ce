package id.amk.bench;

import com.fasterxml.jackson.databind.JsonNode;
import id.amk.platform.test.LocalPlatform;
import org.apache.kafka.clients.admin.AdminClient;
import org.apache.kafka.clients.admin.ConsumerGroupListing;
import org.apache.kafka.clients.consumer.ConsumerConfig;
import org.apache.kafka.clients.consumer.ConsumerRecord;
import org.apache.kafka.clients.consumer.KafkaConsumer;
import org.apache.kafka.clients.consumer.OffsetAndMetadata;
import org.apache.kafka.clients.producer.KafkaProducer;
import org.apache.kafka.clients.producer.ProducerConfig;
import org.apache.kafka.clients.producer.ProducerRecord;
import org.apache.kafka.common.TopicPartition;
import org.apache.kafka.common.header.internals.RecordHeader;
import org.apache.kafka.common.serialization.ByteArrayDeserializer;
import org.apache.kafka.common.serialization.ByteArraySerializer;
import org.apache.kafka.common.serialization.StringSerializer;

import java.nio.charset.StandardCharsets;
import java.time.Duration;
import java.time.Instant;
import java.util.ArrayList;
import java.util.HashMap;
import java.util.List;
import java.util.Map;
import java.util.UUID;
import java.util.concurrent.TimeUnit;
import java.util.function.BiConsumer;

/**
 * Rebuild of reporting-service's monitoring views from a long history, against the physical limit: a plain Kafka consumer
 * reading the same records without doing anything with them, on the same machine, in the same run.
 *
 * <p>The history is written by the bench straight onto the topics (contract-shaped CloudEvents: per case a registration,
 * an assignment, a first contact, a stage change and a referral). The consumers that would otherwise work through it
 * live — case-, referral- and reporting-service — are stopped meanwhile, and reporting-service's consumer groups are moved
 * past it, so that the rebuild has the machine to itself, as the plain consumer has.
 */
final class RebuildBench {

    private static final String CASES = "case.events.v1";
    private static final String REFERRALS = "referral.events.v1";
    private final LocalPlatform platform;
    private final Line line;

    interface Line {
        void add(String format, Object... args);
    }

    RebuildBench(LocalPlatform platform, Line line) {
        this.platform = platform;
        this.line = line;
    }

    void run(int events) throws Exception {
        int cases = events / 5;
        for (String service : List.of("case-service", "referral-service", "reporting-service")) {
            ProcessHandle process = ProcessHandle.of(platform.pids().get(service)).orElseThrow();
            process.destroy();
            process.onExit().get(60, TimeUnit.SECONDS);
        }
        long produceStart = System.nanoTime();
        produce(cases);
        double produceSeconds = (System.nanoTime() - produceStart) / 1e9;
        moveReportingConsumersToTheEnd();

        // the physical limit: read every record of both topics, nothing else (best of two runs, the second from a warm cache)
        double plain = Math.max(plainRead(), plainRead());

        platform.amkOk("restart", "reporting-service");
        String admin = platform.userToken("admin");
        Instant tokenAt = Instant.now();
        var started = platform.send(platform.gatewayPort(), "POST", "/api/admin/projections/monitoring/rebuild", admin, null, "");
        if (started.statusCode() != 202) {
            throw new IllegalStateException("rebuild refused: " + started.statusCode() + " " + started.body());
        }
        JsonNode status;
        while (true) {
            Thread.sleep(2000);
            if (Duration.between(tokenAt, Instant.now()).toMinutes() >= 10) {
                admin = platform.userToken("admin");
                tokenAt = Instant.now();
            }
            status = LocalPlatform.json(platform.get("/api/admin/projections/monitoring/status", admin));
            System.out.printf("rebuild: %s %d / %d, %.0f events/s%n", status.path("state").asText(), status.path("done").asLong(),
                    status.path("total").asLong(), status.path("eventsPerSecond").asDouble());
            if (!"RUNNING".equals(status.path("state").asText())) {
                break;
            }
        }
        if (!"DONE".equals(status.path("state").asText())) {
            throw new IllegalStateException("rebuild ended " + status);
        }
        long done = status.path("done").asLong();
        double seconds = Duration.between(Instant.parse(status.path("startedAt").asText()), Instant.parse(status.path("finishedAt").asText()))
                .toMillis() / 1000.0;
        double rebuild = done / seconds;
        line.add("| the history written for the rebuild: %d events of %d cases on %s and %s (bench producer, acks=all) | %.0f events/s |",
                cases * 5, cases, CASES, REFERRALS, cases * 5 / produceSeconds);
        line.add("| plain Kafka consumer reading those topics from offset 0 without processing (the physical limit here) | %.0f events/s |",
                plain);
        line.add("| rebuild of the monitoring views from offset 0 (%d events, %d skipped): time, rate | %.1f s, %.0f events/s |", done,
                status.path("skipped").asLong(), seconds, rebuild);
        line.add("| rebuild / plain consumer (target >= 0.5) | %.3f |", rebuild / plain);
    }

    private void produce(int cases) throws Exception {
        Map<String, Object> config = new HashMap<>(platform.kafkaClient());
        config.putAll(Map.of(ProducerConfig.ACKS_CONFIG, "all", ProducerConfig.LINGER_MS_CONFIG, 20, ProducerConfig.BATCH_SIZE_CONFIG, 262_144));
        Instant base = Instant.parse("2025-01-01T00:00:00Z");
        String[] regions = {"32.73.01", "32.04.02", "31.71.03", "35.78.01", "73.71.02", "51.71.01"};
        try (KafkaProducer<String, byte[]> producer = new KafkaProducer<>(config, new StringSerializer(), new ByteArraySerializer())) {
            for (int i = 0; i < cases; i++) {
                String caseId = UUID.nameUUIDFromBytes(("bench-case-" + i).getBytes(StandardCharsets.UTF_8)).toString();
                String region = regions[i % regions.length];
                Instant at = base.plusSeconds(i * 60L);
                String worker = "peksos.bench" + (i % 50);
                send(producer, CASES, caseId, "amk.case.CaseRegistered.v1", at, """
                        {"caseId":"%s","caseNumber":"AMK-BENCH-%d","reportId":null,"regionCode":"%s","clusters":["NEGLECT_VICTIM"],
                         "abhRole":null,"riskLevel":"MEDIUM","source":"WALK_IN","assignedWorkerId":"%s","registeredBy":"%s",
                         "registeredAt":"%s"}""".formatted(caseId, i, region, worker, worker, at));
                send(producer, CASES, caseId, "amk.case.CaseAssigned.v1", at.plusSeconds(600), """
                        {"caseId":"%s","regionCode":"%s","assignedWorkerId":"%s","transferred":false,"changedBy":"supervisor.bench",
                         "changedAt":"%s"}""".formatted(caseId, region.substring(0, 5), worker, at.plusSeconds(600)));
                send(producer, CASES, caseId, "amk.case.FirstContactRecorded.v1", at.plusSeconds(3600), """
                        {"caseId":"%s","contactedAt":"%s","recordedBy":"%s","recordedAt":"%s"}"""
                        .formatted(caseId, at.plusSeconds(3000), worker, at.plusSeconds(3600)));
                send(producer, CASES, caseId, "amk.case.CaseStageChanged.v1", at.plusSeconds(86_400), """
                        {"caseId":"%s","from":"REGISTERED","to":"ASSESSED","changedBy":"%s","changedAt":"%s","reason":null,
                         "riskLevel":"MEDIUM","recommendedComponents":["CARE"]}""".formatted(caseId, worker, at.plusSeconds(86_400)));
                String referralId = UUID.nameUUIDFromBytes(("bench-referral-" + i).getBytes(StandardCharsets.UTF_8)).toString();
                send(producer, REFERRALS, referralId, "amk.referral.ReferralStatusChanged.v1", at.plusSeconds(90_000), """
                        {"referralId":"%s","caseId":"%s","providerId":"sentra-handayani-jakarta","status":"REQUESTED",
                         "components":["CARE"],"reason":null,"changedAt":"%s","urgent":false,"agencyId":"sentra-handayani-jakarta"}"""
                        .formatted(referralId, caseId, at.plusSeconds(90_000)));
                if (i % 20_000 == 0) {
                    System.out.printf("written: %d of %d cases%n", i, cases);
                }
            }
            producer.flush();
        }
    }

    private static void send(KafkaProducer<String, byte[]> producer, String topic, String key, String type, Instant time, String data) {
        ProducerRecord<String, byte[]> record = new ProducerRecord<>(topic, key, data.getBytes(StandardCharsets.UTF_8));
        BiConsumer<String, String> header = (name, value) -> record.headers().add(new RecordHeader(name, value.getBytes(StandardCharsets.UTF_8)));
        header.accept("ce_specversion", "1.0");
        header.accept("ce_id", UUID.randomUUID().toString());
        header.accept("ce_source", "/bench");
        header.accept("ce_type", type);
        header.accept("ce_time", time.toString());
        header.accept("content-type", "application/json");
        producer.send(record);
    }

    private void moveReportingConsumersToTheEnd() throws Exception {
        try (AdminClient admin = AdminClient.create(platform.kafkaClient());
             KafkaConsumer<byte[], byte[]> consumer = consumer()) {
            Map<TopicPartition, OffsetAndMetadata> end = new HashMap<>();
            consumer.endOffsets(partitions(consumer)).forEach((p, offset) -> end.put(p, new OffsetAndMetadata(offset)));
            for (ConsumerGroupListing group : admin.listConsumerGroups().all().get(30, TimeUnit.SECONDS)) {
                if (group.groupId().startsWith("reporting-service.")) {
                    admin.alterConsumerGroupOffsets(group.groupId(), end).all().get(30, TimeUnit.SECONDS);
                }
            }
        }
    }

    /** Records per second of a consumer that reads both topics from the start to the end and does nothing with them. */
    private double plainRead() {
        try (KafkaConsumer<byte[], byte[]> consumer = consumer()) {
            List<TopicPartition> partitions = partitions(consumer);
            consumer.assign(partitions);
            consumer.seekToBeginning(partitions);
            Map<TopicPartition, Long> end = consumer.endOffsets(partitions);
            long records = 0;
            long bytes = 0;
            long start = System.nanoTime();
            while (partitions.stream().anyMatch(p -> consumer.position(p) < end.get(p))) {
                for (ConsumerRecord<byte[], byte[]> record : consumer.poll(Duration.ofMillis(500))) {
                    records++;
                    bytes += record.serializedValueSize();
                }
            }
            double seconds = (System.nanoTime() - start) / 1e9;
            System.out.printf("plain consumer: %d records (%d MB) in %.1f s%n", records, bytes / 1_000_000, seconds);
            return records / seconds;
        }
    }

    private KafkaConsumer<byte[], byte[]> consumer() {
        Map<String, Object> config = new HashMap<>(platform.kafkaClient());
        config.putAll(Map.of(ConsumerConfig.ENABLE_AUTO_COMMIT_CONFIG, false, ConsumerConfig.MAX_POLL_RECORDS_CONFIG, 2000));
        return new KafkaConsumer<>(config, new ByteArrayDeserializer(), new ByteArrayDeserializer());
    }

    private static List<TopicPartition> partitions(KafkaConsumer<byte[], byte[]> consumer) {
        List<TopicPartition> partitions = new ArrayList<>();
        for (String topic : List.of(CASES, REFERRALS)) {
            consumer.partitionsFor(topic).forEach(p -> partitions.add(new TopicPartition(topic, p.partition())));
        }
        return partitions;
    }
}
