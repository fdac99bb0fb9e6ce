package id.amk.reporting.projection;

import id.amk.platform.kafka.ReceivedEvent;
import org.apache.kafka.clients.consumer.ConsumerConfig;
import org.apache.kafka.clients.consumer.ConsumerRecord;
import org.apache.kafka.clients.consumer.KafkaConsumer;
import org.apache.kafka.common.TopicPartition;
import org.apache.kafka.common.serialization.ByteArrayDeserializer;
import org.apache.kafka.common.serialization.StringDeserializer;
import org.bson.Document;
import org.slf4j.Logger;
import org.slf4j.LoggerFactory;
import org.springframework.boot.autoconfigure.kafka.KafkaProperties;
import org.springframework.data.mongodb.core.MongoTemplate;
import org.springframework.data.mongodb.core.query.Criteria;
import org.springframework.data.mongodb.core.query.Query;
import org.springframework.data.mongodb.core.query.Update;
import org.springframework.stereotype.Service;

import java.time.Clock;
import java.time.Duration;
import java.time.Instant;
import java.util.ArrayList;
import java.util.HashMap;
import java.util.List;
import java.util.Map;
import java.util.Optional;
import java.util.Set;
import java.util.concurrent.ConcurrentHashMap;
import java.util.function.Function;
import java.util.stream.Collectors;

/**
 * The generations of each rebuildable projection ({@code projections} collection: which one queries read, which one is
 * being built) and their rebuild: a new generation is filled from offset 0 of the projection's topics up to the end
 * offsets taken at the start (the total), while live events keep feeding both; then queries switch to it and the old
 * one is dropped. Progress (done / total, rate, ETA) is kept in memory for the status endpoint and logged.
 */
@Service
public class Projections {

    private static final Logger log = LoggerFactory.getLogger(Projections.class);
    static final String COLLECTION = "projections";

    /** Where a rebuild stands; {@code state} RUNNING, DONE or FAILED. */
    public record Progress(String projection, String state, long generation, long done, long total, long skipped, double eventsPerSecond,
                           Long etaSeconds, Instant startedAt, Instant finishedAt, String error) {
    }

    private final Map<String, RebuildableProjection> byName;
    private final MongoTemplate mongo;
    private final Map<String, Object> consumerConfig;
    private final Clock clock;
    private final Map<String, Progress> progress = new ConcurrentHashMap<>();

    Projections(List<RebuildableProjection> projections, MongoTemplate mongo,
                KafkaProperties kafka, Clock clock) {
        this.byName = projections.stream().collect(Collectors.toMap(RebuildableProjection::name, Function.identity()));
        this.mongo = mongo;
        // the service's own client settings (its principal when Kafka asks for one), not the bootstrap address alone
        this.consumerConfig = new HashMap<>(kafka.buildConsumerProperties(null));
        this.consumerConfig.keySet().removeAll(Set.of(ConsumerConfig.GROUP_ID_CONFIG, ConsumerConfig.KEY_DESERIALIZER_CLASS_CONFIG,
                ConsumerConfig.VALUE_DESERIALIZER_CLASS_CONFIG));
        this.clock = clock;
        projections.forEach(p -> p.attach(this));
    }

    public List<String> names() {
        return byName.keySet().stream().sorted().toList();
    }

    public boolean exists(String name) {
        return byName.containsKey(name);
    }

    /** The generation queries read. */
    public ProjectionStore active(String name) {
        return new ProjectionStore(mongo, name, generations(name).getLong("active"));
    }

    /** Where a live event goes: the active generation, and the one being built if a rebuild runs. */
    List<ProjectionStore> live(String name) {
        Document generations = generations(name);
        List<ProjectionStore> stores = new ArrayList<>();
        stores.add(new ProjectionStore(mongo, name, generations.getLong("active")));
        Long building = generations.getLong("building");
        if (building != null) {
            stores.add(new ProjectionStore(mongo, name, building));
        }
        return stores;
    }

    public Optional<Progress> progress(String name) {
        return Optional.ofNullable(progress.get(name));
    }

    /** Starts a rebuild in the background; empty when one is running already. */
    public synchronized Optional<Progress> rebuild(String name) {
        RebuildableProjection projection = byName.get(name);
        Document generations = generations(name);
        if (generations.getLong("building") != null) {
            return Optional.empty();
        }
        long next = generations.getLong("active") + 1;
        ProjectionStore target = new ProjectionStore(mongo, name, next);
        target.drop(projection.collections());
        mongo.updateFirst(Query.query(Criteria.where("_id").is(name)), new Update().set("building", next), COLLECTION);
        Progress started = new Progress(name, "RUNNING", next, 0, 0, 0, 0, null, clock.instant(), null, null);
        progress.put(name, started);
        Thread worker = new Thread(() -> run(projection, target), "rebuild-" + name);
        worker.setDaemon(true);
        worker.start();
        return Optional.of(started);
    }

    private void run(RebuildableProjection projection, ProjectionStore target) {
        String name = projection.name();
        Instant startedAt = clock.instant();
        long done = 0;
        long skipped = 0;
        Map<String, Object> config = new HashMap<>(consumerConfig);
        config.put(ConsumerConfig.ENABLE_AUTO_COMMIT_CONFIG, false);
        config.put(ConsumerConfig.MAX_POLL_RECORDS_CONFIG, 2000);
        try (KafkaConsumer<String, byte[]> consumer = new KafkaConsumer<>(config, new StringDeserializer(), new ByteArrayDeserializer())) {
            List<TopicPartition> partitions = projection.topics().stream()
                    .flatMap(t -> consumer.partitionsFor(t, Duration.ofSeconds(30)).stream().map(p -> new TopicPartition(t, p.partition())))
                    .toList();
            consumer.assign(partitions);
            consumer.seekToBeginning(partitions);
            Map<TopicPartition, Long> begin = consumer.beginningOffsets(partitions);
            Map<TopicPartition, Long> end = consumer.endOffsets(partitions);
            long total = partitions.stream().mapToLong(p -> end.get(p) - begin.get(p)).sum();
            log.info("Rebuilding projection {} into generation {}: {} events on {}", name, target.generation(), total, projection.topics());
            Instant lastLog = startedAt;
            ProjectionStore batch = target.batched();
            while (partitions.stream().anyMatch(p -> consumer.position(p) < end.get(p))) {
                for (ConsumerRecord<String, byte[]> record : consumer.poll(Duration.ofMillis(500))) {
                    if (record.offset() >= end.get(new TopicPartition(record.topic(), record.partition()))) {
                        continue; // arrived after the start: the live feed writes it to this generation too
                    }
                    try {
                        projection.apply(ReceivedEvent.from(record), batch);
                    } catch (RuntimeException e) {
                        skipped++;
                        log.warn("Rebuild of {} skipped {}@{}: {}", name, record.topic(), record.offset(), e.getMessage());
                    }
                    done++;
                }
                batch.flush(); // one bulk per collection for the whole poll
                Progress now = running(name, target.generation(), done, total, skipped, startedAt);
                progress.put(name, now);
                if (Duration.between(lastLog, clock.instant()).toSeconds() >= 5) {
                    lastLog = clock.instant();
                    log.info("Rebuild of {}: {} / {} events, {} per second, ETA {} s", name, done, total, Math.round(now.eventsPerSecond()),
                            now.etaSeconds());
                }
            }
            switchTo(projection, target.generation());
            Progress finished = running(name, target.generation(), done, total, skipped, startedAt);
            progress.put(name, new Progress(name, "DONE", target.generation(), done, total, skipped, finished.eventsPerSecond(), 0L,
                    startedAt, clock.instant(), null));
            log.info("Rebuild of {} done: {} events ({} skipped) in {} s; queries now read generation {}", name, done, skipped,
                    Duration.between(startedAt, clock.instant()).toSeconds(), target.generation());
        } catch (RuntimeException e) {
            log.error("Rebuild of {} failed; queries keep reading the previous generation", name, e);
            mongo.updateFirst(Query.query(Criteria.where("_id").is(name)), new Update().unset("building"), COLLECTION);
            progress.put(name, new Progress(name, "FAILED", target.generation(), done, 0, skipped, 0, null, startedAt, clock.instant(),
                    e.getClass().getSimpleName()));
        }
    }

    private Progress running(String name, long generation, long done, long total, long skipped, Instant startedAt) {
        double seconds = Math.max(Duration.between(startedAt, clock.instant()).toMillis(), 1) / 1000.0;
        double rate = done / seconds;
        Long eta = rate > 0 ? Math.round((total - done) / rate) : null;
        return new Progress(name, "RUNNING", generation, done, total, skipped, Math.round(rate * 10) / 10.0, eta, startedAt, null, null);
    }

    private synchronized void switchTo(RebuildableProjection projection, long generation) {
        long previous = generations(projection.name()).getLong("active");
        mongo.updateFirst(Query.query(Criteria.where("_id").is(projection.name())),
                new Update().set("active", generation).unset("building"), COLLECTION);
        new ProjectionStore(mongo, projection.name(), previous).drop(projection.collections());
    }

    private Document generations(String name) {
        Document current = mongo.findById(name, Document.class, COLLECTION);
        if (current == null) {
            mongo.upsert(Query.query(Criteria.where("_id").is(name)), new Update().setOnInsert("active", 1L), COLLECTION);
            current = mongo.findById(name, Document.class, COLLECTION);
        }
        return current;
    }
}
