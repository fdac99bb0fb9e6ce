package id.amk.platform.security;

import id.amk.contracts.Topics;
import id.amk.contracts.identity.AccessRevoked;
import id.amk.platform.kafka.ReceivedEvent;
import org.apache.kafka.clients.consumer.ConsumerConfig;
import org.apache.kafka.clients.consumer.ConsumerRecord;
import org.apache.kafka.clients.consumer.KafkaConsumer;
import org.apache.kafka.clients.consumer.OffsetAndTimestamp;
import org.apache.kafka.common.TopicPartition;
import org.apache.kafka.common.errors.WakeupException;
import org.apache.kafka.common.serialization.ByteArrayDeserializer;
import org.apache.kafka.common.serialization.StringDeserializer;
import org.slf4j.Logger;
import org.slf4j.LoggerFactory;
import org.springframework.boot.actuate.health.Health;
import org.springframework.boot.actuate.health.HealthIndicator;
import org.springframework.context.SmartLifecycle;

import java.time.Clock;
import java.time.Duration;
import java.util.HashMap;
import java.util.List;
import java.util.Map;
import java.util.stream.Collectors;

/**
 * Every instance of every service reads identity-service's {@code AccessRevoked} events itself (no consumer group: each
 * must see all of them), from {@code lookback} ago — longer than any access token lives, so every revocation that can
 * still matter is read again after a restart — and then follows the topic, applying each within about a second of its
 * publication. Ready (health {@code revocations}) once it has read up to where the topic stood at start: before that,
 * a revoked token could pass.
 */
public class RevocationFeed implements SmartLifecycle, HealthIndicator {

    private static final Logger log = LoggerFactory.getLogger(RevocationFeed.class);

    private final RevokedAccess revoked;
    private final Map<String, Object> consumerConfig;
    private final Duration lookback;
    private final Clock clock;
    private volatile KafkaConsumer<String, byte[]> consumer;
    private volatile Thread thread;
    private volatile boolean running;
    private volatile boolean caughtUp;
    private volatile long applied;

    public RevocationFeed(RevokedAccess revoked, Map<String, Object> kafkaConsumerConfig, Duration lookback, Clock clock) {
        this.revoked = revoked;
        this.lookback = lookback;
        this.clock = clock;
        Map<String, Object> config = new HashMap<>(kafkaConsumerConfig);
        config.remove(ConsumerConfig.GROUP_ID_CONFIG);
        config.put(ConsumerConfig.ENABLE_AUTO_COMMIT_CONFIG, false);
        config.put(ConsumerConfig.KEY_DESERIALIZER_CLASS_CONFIG, StringDeserializer.class);
        config.put(ConsumerConfig.VALUE_DESERIALIZER_CLASS_CONFIG, ByteArrayDeserializer.class);
        this.consumerConfig = config;
    }

    @Override
    public void start() {
        running = true;
        thread = new Thread(this::run, "revocation-feed");
        thread.setDaemon(true);
        thread.start();
    }

    @Override
    public void stop() {
        running = false;
        KafkaConsumer<String, byte[]> current = consumer;
        if (current != null) {
            current.wakeup();
        }
        try {
            if (thread != null) {
                thread.join(5_000);
            }
        } catch (InterruptedException e) {
            Thread.currentThread().interrupt();
        }
    }

    @Override
    public boolean isRunning() {
        return running;
    }

    @Override
    public Health health() {
        return (caughtUp ? Health.up() : Health.down().withDetail("reason", "reading the revocations of the last " + lookback))
                .withDetail("revokedSubjects", revoked.size()).withDetail("revocationsRead", applied).build();
    }

    public boolean caughtUp() {
        return caughtUp;
    }

    private void run() {
        while (running) {
            try (KafkaConsumer<String, byte[]> kafka = new KafkaConsumer<>(consumerConfig)) {
                consumer = kafka;
                follow(kafka);
            } catch (WakeupException stopping) {
                return;
            } catch (RuntimeException e) {
                if (!running) {
                    return;
                }
                log.warn("Revocations not read, trying again: {}", e.toString());
                pause(2_000);
            }
        }
    }

    private void follow(KafkaConsumer<String, byte[]> kafka) {
        List<TopicPartition> partitions = List.of();
        while (running && partitions.isEmpty()) {
            partitions = kafka.partitionsFor(Topics.IDENTITY_EVENTS, Duration.ofSeconds(10)).stream()
                    .map(p -> new TopicPartition(p.topic(), p.partition())).toList();
            if (partitions.isEmpty()) {
                caughtUp = true; // no identity events yet: nobody's access was revoked
                pause(2_000);
            }
        }
        kafka.assign(partitions);
        long since = clock.instant().minus(lookback).toEpochMilli();
        Map<TopicPartition, OffsetAndTimestamp> starts = kafka.offsetsForTimes(
                partitions.stream().collect(Collectors.toMap(p -> p, p -> since)), Duration.ofSeconds(10));
        Map<TopicPartition, Long> ends = kafka.endOffsets(partitions, Duration.ofSeconds(10));
        for (TopicPartition partition : partitions) {
            OffsetAndTimestamp start = starts.get(partition);
            kafka.seek(partition, start != null ? start.offset() : ends.get(partition));
        }
        while (running) {
            for (ConsumerRecord<String, byte[]> record : kafka.poll(Duration.ofMillis(500))) {
                apply(record);
            }
            if (!caughtUp && partitions.stream().allMatch(p -> kafka.position(p) >= ends.get(p))) {
                caughtUp = true;
                log.info("Revocations read: {} subjects revoked in the last {}", revoked.size(), lookback);
            }
        }
    }

    private void apply(ConsumerRecord<String, byte[]> record) {
        try {
            ReceivedEvent event = ReceivedEvent.from(record);
            if (AccessRevoked.TYPE.type().equals(event.type())) {
                AccessRevoked revocation = event.dataAs(AccessRevoked.class);
                revoked.revoke(revocation.subject(), revocation.revokedAt());
                applied++;
            }
        } catch (RuntimeException unreadable) {
            // not ours to judge: identity's other consumers dead-letter it; a revocation is never unreadable by contract
            log.warn("An identity event could not be read for revocations ({}@{}): {}", record.topic(), record.offset(), unreadable.toString());
        }
    }

    private static void pause(long millis) {
        try {
            Thread.sleep(millis);
        } catch (InterruptedException e) {
            Thread.currentThread().interrupt();
        }
    }
}
