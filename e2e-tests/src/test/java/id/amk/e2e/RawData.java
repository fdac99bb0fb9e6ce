package id.amk.e2e;

import com.mongodb.client.MongoClient;
import com.mongodb.client.MongoClients;
import com.mongodb.client.MongoDatabase;
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
import java.util.Collection;
import java.util.List;
import java.util.Map;
import java.util.Set;

/** Reads what the platform stored and published byte by byte, the way an attacker with a disk or a broker would. */
final class RawData {

    private static final Set<String> SYSTEM_DATABASES = Set.of("admin", "local", "config");

    private RawData() {
    }

    record MongoScan(long documentsRead, Set<String> databases, List<String> found) {
    }

    /** Every document of every collection of every database of the server; where ("database.collection") one holds a value. */
    static MongoScan scanMongo(String uri, Collection<String> values) {
        List<String> found = new ArrayList<>();
        Set<String> databases = new java.util.TreeSet<>();
        long read = 0;
        try (MongoClient client = MongoClients.create(uri)) {
            for (String name : client.listDatabaseNames()) {
                if (SYSTEM_DATABASES.contains(name)) {
                    continue;
                }
                databases.add(name);
                MongoDatabase database = client.getDatabase(name);
                for (String collection : database.listCollectionNames()) {
                    for (Document document : database.getCollection(collection).find()) {
                        read++;
                        String json = document.toJson();
                        values.stream().filter(json::contains).forEach(v -> found.add(name + "." + collection));
                    }
                }
            }
        }
        return new MongoScan(read, databases, found);
    }

    record TopicScan(long recordsRead, List<String> found) {
    }

    record FileScan(long filesRead, long bytesRead, List<String> found) {
    }

    /**
     * Every file under {@code root} (the embedded Mongo's and Kafka's data, the services' logs) read as bytes and searched for
     * each value as UTF-8 (what an uncompressed store or log holds; neither the embedded Mongo's store nor Kafka's segments
     * are compressed here).
     */
    static FileScan scanFiles(java.nio.file.Path root, Collection<String> values) throws java.io.IOException {
        List<String> found = new ArrayList<>();
        long[] files = {0};
        long[] bytes = {0};
        try (java.util.stream.Stream<java.nio.file.Path> paths = java.nio.file.Files.walk(root)) {
            for (java.nio.file.Path file : paths.filter(java.nio.file.Files::isRegularFile).toList()) {
                byte[] content;
                try {
                    content = java.nio.file.Files.readAllBytes(file);
                } catch (java.io.IOException gone) {
                    continue; // a segment rolled or a temporary file removed while walking
                }
                files[0]++;
                bytes[0] += content.length;
                String text = new String(content, StandardCharsets.ISO_8859_1);
                for (String value : values) {
                    if (text.contains(new String(value.getBytes(StandardCharsets.UTF_8), StandardCharsets.ISO_8859_1))) {
                        found.add(root.relativize(file) + ": " + value);
                    }
                }
            }
        }
        return new FileScan(files[0], bytes[0], found);
    }

    /** Every record (key, value, headers) of every topic but the excluded ones, from the start to the current end. */
    static TopicScan scanTopics(Map<String, Object> client, Collection<String> values, String... excluded) {
        return scan(client, values, topic -> !List.of(excluded).contains(topic));
    }

    /** Every record of one topic. */
    static TopicScan scanTopic(Map<String, Object> client, Collection<String> values, String topic) {
        return scan(client, values, topic::equals);
    }

    private static TopicScan scan(Map<String, Object> client, Collection<String> values, java.util.function.Predicate<String> topics) {
        List<String> found = new ArrayList<>();
        long read = 0;
        try (KafkaConsumer<byte[], byte[]> consumer = consumer(client)) {
            List<TopicPartition> partitions = new ArrayList<>();
            consumer.listTopics().forEach((topic, infos) -> {
                if (topics.test(topic) && !topic.startsWith("__")) {
                    infos.forEach(i -> partitions.add(new TopicPartition(topic, i.partition())));
                }
            });
            for (ConsumerRecord<byte[], byte[]> record : readAll(consumer, partitions)) {
                read++;
                StringBuilder bytes = new StringBuilder();
                bytes.append(text(record.key())).append('\n').append(text(record.value()));
                for (Header header : record.headers()) {
                    bytes.append('\n').append(header.key()).append('=').append(text(header.value()));
                }
                values.stream().filter(v -> bytes.indexOf(v) >= 0)
                        .forEach(v -> found.add(record.topic() + "@" + record.partition() + ":" + record.offset()));
            }
        }
        return new TopicScan(read, found);
    }

    /** The value of the newest record with this key ("" for a tombstone, null if there is none). */
    static String latestValue(Map<String, Object> client, String topic, String key) {
        String latest = null;
        try (KafkaConsumer<byte[], byte[]> consumer = consumer(client)) {
            List<TopicPartition> partitions = consumer.partitionsFor(topic).stream()
                    .map(i -> new TopicPartition(topic, i.partition())).toList();
            for (ConsumerRecord<byte[], byte[]> record : readAll(consumer, partitions)) {
                if (key.equals(text(record.key()))) {
                    latest = record.value() == null ? "" : text(record.value());
                }
            }
        }
        return latest;
    }

    private static List<ConsumerRecord<byte[], byte[]>> readAll(KafkaConsumer<byte[], byte[]> consumer, List<TopicPartition> partitions) {
        consumer.assign(partitions);
        consumer.seekToBeginning(partitions);
        Map<TopicPartition, Long> end = consumer.endOffsets(partitions);
        List<ConsumerRecord<byte[], byte[]>> records = new ArrayList<>();
        long deadline = System.nanoTime() + Duration.ofSeconds(60).toNanos();
        while (partitions.stream().anyMatch(p -> consumer.position(p) < end.get(p))) {
            if (System.nanoTime() > deadline) {
                throw new IllegalStateException("topics not read to their end within 60 s");
            }
            consumer.poll(Duration.ofMillis(500)).forEach(records::add);
        }
        return records;
    }

    private static KafkaConsumer<byte[], byte[]> consumer(Map<String, Object> client) {
        Map<String, Object> config = new java.util.HashMap<>(client);
        config.put(ConsumerConfig.ENABLE_AUTO_COMMIT_CONFIG, false);
        config.put(ConsumerConfig.ISOLATION_LEVEL_CONFIG, "read_uncommitted");
        return new KafkaConsumer<>(config, new ByteArrayDeserializer(), new ByteArrayDeserializer());
    }

    private static String text(byte[] bytes) {
        return bytes == null ? "" : new String(bytes, StandardCharsets.UTF_8);
    }
}
