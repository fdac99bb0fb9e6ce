package id.amk.faults;

import com.mongodb.client.MongoClient;
import com.mongodb.client.MongoClients;
import com.mongodb.client.MongoDatabase;
import com.mongodb.client.model.Projections;
import id.amk.platform.test.LocalPlatform;
import org.apache.kafka.clients.consumer.ConsumerConfig;
import org.apache.kafka.clients.consumer.ConsumerRecord;
import org.apache.kafka.clients.consumer.KafkaConsumer;
import org.apache.kafka.common.TopicPartition;
import org.apache.kafka.common.header.Header;
import org.apache.kafka.common.serialization.ByteArrayDeserializer;
import org.bson.Document;

import java.nio.charset.StandardCharsets;
import java.time.Duration;
import java.util.ArrayList;
import java.util.HashMap;
import java.util.HashSet;
import java.util.LinkedHashMap;
import java.util.List;
import java.util.Map;
import java.util.Set;
import java.util.TreeSet;
import java.util.function.Consumer;

/**
 * After a fault, compares what was accepted with what is stored, published and counted: every accepted registration's
 * event is in case-service's event store exactly once, on {@code case.events.v1} at least once, and in every read
 * model built from it — case-service's caseload, referral-service's known cases, reporting-service's monitoring facts
 * and coordination threads — exactly once, and the ministry dashboard counts each registration once.
 */
final class Reconciler implements AutoCloseable {

    static final String TOPIC = "case.events.v1";
    private static final String REGISTERED = "amk.case.CaseRegistered.v1";

    private final LocalPlatform platform;
    private final MongoClient mongo;
    /** Registrations reconciled by an earlier fault: a fault answers for the ones stored during it. */
    private final Set<String> reconciledBefore = new HashSet<>();

    Reconciler(LocalPlatform platform) {
        this.platform = platform;
        this.mongo = MongoClients.create(platform.mongoUri());
    }

    /** One line of the fault table. */
    record Row(String fault, String injected, int commands, int accepted, int retried, int unknown, String refused, int inStore,
               int onKafka, long kafkaCopies, Map<String, Integer> readModels, long dashboardTotal, int lost, int duplicated) {
    }

    /** Case ids of the registrations in the event store, with how many registration events each has. */
    Map<String, Integer> eventStore() {
        Map<String, Integer> registrations = new HashMap<>();
        for (Document event : mongo.getDatabase("amk-case").getCollection("domainevents").find()
                .projection(Projections.include("aggregateIdentifier", "payloadType"))) {
            if (String.valueOf(event.get("payloadType")).endsWith("CaseRegisteredEvent")) {
                registrations.merge(event.getString("aggregateIdentifier"), 1, Integer::sum);
            }
        }
        return registrations;
    }

    /** Case ids with a registration record on the topic, and the number of such records (copies included). */
    record Published(Set<String> caseIds, long records) {
    }

    Published kafka() {
        Set<String> ids = new HashSet<>();
        long[] records = {0};
        readTopic(TOPIC, record -> {
            Header type = record.headers().lastHeader("ce_type");
            if (type != null && REGISTERED.equals(new String(type.value(), StandardCharsets.UTF_8)) && record.key() != null) {
                ids.add(new String(record.key(), StandardCharsets.UTF_8));
                records[0]++;
            }
        });
        return new Published(ids, records[0]);
    }

    /** The ids in each read model fed by case registrations. */
    Map<String, Set<String>> readModels() {
        Map<String, Set<String>> models = new LinkedHashMap<>();
        models.put("case-service caseload", ids(mongo.getDatabase("amk-case"), "case_summaries"));
        models.put("referral-service known cases", ids(mongo.getDatabase("amk-referral"), "known_cases"));
        MongoDatabase reporting = mongo.getDatabase("amk-reporting");
        models.put("reporting monitoring facts", ids(reporting, "monitoring_cases_g" + active(reporting, "monitoring")));
        models.put("reporting coordination threads", ids(reporting, "coordination_threads_g" + active(reporting, "coordination")));
        return models;
    }

    long dashboardTotal() throws Exception {
        return LocalPlatform.json(platform.get("/api/dashboards/cases?region=32.73", platform.clientToken())).path("total").asLong();
    }

    /**
     * Waits (up to {@code wait}) until the topic, every read model and the dashboard hold every registration of the
     * event store, then writes the row: lost = accepted but missing from the store, or in the store but missing on
     * Kafka or in a read model; duplicated = a registration stored twice, or the dashboard counting more than stored.
     */
    Row reconcile(String fault, String injected, Load load, Duration wait) throws Exception {
        long deadline = System.nanoTime() + wait.toNanos();
        Snapshot seen;
        while (true) {
            seen = new Snapshot(eventStore(), kafka(), readModels(), dashboardTotal());
            if (seen.converged() || System.nanoTime() > deadline) {
                break;
            }
            Thread.sleep(2000);
        }
        Map<String, Integer> store = seen.store();
        Published published = seen.published();
        Map<String, Set<String>> models = seen.models();
        long total = seen.dashboardTotal();
        Set<String> lost = new TreeSet<>();
        load.accepted.stream().filter(id -> !store.containsKey(id)).forEach(lost::add);
        for (String id : store.keySet()) {
            if (reconciledBefore.contains(id)) {
                continue;
            }
            if (!published.caseIds().contains(id) || models.values().stream().anyMatch(m -> !m.contains(id))) {
                lost.add(id);
            }
        }
        int duplicated = (int) store.values().stream().filter(n -> n > 1).count() + (int) Math.max(0, total - store.size());
        reconciledBefore.addAll(store.keySet());
        Map<String, Integer> counts = new LinkedHashMap<>();
        models.forEach((name, ids) -> counts.put(name, ids.size()));
        Map<String, Integer> refused = new HashMap<>();
        load.refusedFinally.forEach((k, v) -> refused.put(k, v.get()));
        for (String id : lost.stream().limit(20).toList()) {
            StringBuilder where = new StringBuilder(fault + ": lost " + id + ": event store " + store.getOrDefault(id, 0)
                    + ", Kafka " + published.caseIds().contains(id));
            models.forEach((name, ids) -> where.append(", ").append(name).append(' ').append(ids.contains(id)));
            System.out.println(where);
        }
        return new Row(fault, injected, load.commands(), load.accepted.size(), load.retried.get(), load.unknown.get(), refused.toString(),
                store.size(), (int) store.keySet().stream().filter(published.caseIds()::contains).count(), published.records(), counts,
                total, lost.size(), duplicated);
    }

    private record Snapshot(Map<String, Integer> store, Published published, Map<String, Set<String>> models, long dashboardTotal) {
        boolean converged() {
            Set<String> stored = store.keySet();
            return published.caseIds().containsAll(stored) && dashboardTotal == stored.size()
                    && models.values().stream().allMatch(m -> m.containsAll(stored));
        }
    }

    /** Every record of a topic, from its start to its current end. */
    void readTopic(String topic, Consumer<ConsumerRecord<byte[], byte[]>> each) {
        Map<String, Object> config = new java.util.HashMap<>(platform.kafkaClient());
        config.put(ConsumerConfig.ENABLE_AUTO_COMMIT_CONFIG, false);
        try (KafkaConsumer<byte[], byte[]> consumer = new KafkaConsumer<>(config, new ByteArrayDeserializer(), new ByteArrayDeserializer())) {
            List<TopicPartition> partitions = new ArrayList<>();
            consumer.partitionsFor(topic, Duration.ofSeconds(30)).forEach(p -> partitions.add(new TopicPartition(topic, p.partition())));
            consumer.assign(partitions);
            consumer.seekToBeginning(partitions);
            Map<TopicPartition, Long> end = consumer.endOffsets(partitions);
            long giveUp = System.nanoTime() + Duration.ofMinutes(2).toNanos();
            while (partitions.stream().anyMatch(p -> consumer.position(p) < end.get(p)) && System.nanoTime() < giveUp) {
                consumer.poll(Duration.ofMillis(500)).forEach(each);
            }
        }
    }

    private static long active(MongoDatabase database, String projection) {
        Document generations = database.getCollection("projections").find(new Document("_id", projection)).first();
        return generations == null ? 1 : ((Number) generations.get("active")).longValue();
    }

    private static Set<String> ids(MongoDatabase database, String collection) {
        Set<String> ids = new HashSet<>();
        for (Document document : database.getCollection(collection).find().projection(Projections.include("_id"))) {
            ids.add(String.valueOf(document.get("_id")));
        }
        return ids;
    }

    @Override
    public void close() {
        mongo.close();
    }
}
