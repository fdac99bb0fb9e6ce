package id.amk.devstack;

import com.mongodb.MongoWriteException;
import com.mongodb.client.MongoClient;
import com.mongodb.client.MongoClients;
import com.mongodb.client.MongoCollection;
import com.mongodb.client.model.IndexOptions;
import com.mongodb.client.model.Indexes;
import de.bwaldvogel.mongo.MongoServer;
import de.bwaldvogel.mongo.backend.Index;
import de.bwaldvogel.mongo.backend.h2.H2Backend;
import org.bson.Document;
import org.bson.conversions.Bson;
import org.h2.mvstore.MVStore;
import org.junit.jupiter.api.AfterEach;
import org.junit.jupiter.api.Test;
import org.junit.jupiter.api.io.TempDir;

import java.net.InetSocketAddress;
import java.nio.file.Path;
import java.time.Instant;
import java.util.ArrayList;
import java.util.List;
import java.util.Random;

import static com.mongodb.client.model.Filters.and;
import static com.mongodb.client.model.Filters.eq;
import static com.mongodb.client.model.Filters.gt;
import static com.mongodb.client.model.Filters.gte;
import static com.mongodb.client.model.Filters.in;
import static com.mongodb.client.model.Filters.lt;
import static com.mongodb.client.model.Filters.lte;
import static com.mongodb.client.model.Filters.nin;
import static com.mongodb.client.model.Filters.or;
import static com.mongodb.client.model.Sorts.ascending;
import static org.assertj.core.api.Assertions.assertThat;
import static org.assertj.core.api.Assertions.assertThatThrownBy;

/**
 * The indexing backend answers every query exactly as the library's scanning backend does (the same documents in the
 * same order), before and after updates, deletes and a restart; it enforces unique indexes as before; and the
 * streaming processors' query and an aggregate's read are answered from an index.
 */
class IndexingH2BackendTest {

    private static final Instant T0 = Instant.parse("2026-11-01T00:00:00Z");

    private final List<MongoServer> servers = new ArrayList<>();
    private final List<MongoClient> clients = new ArrayList<>();
    private final Random random = new Random(20261123);

    @AfterEach
    void stop() {
        clients.forEach(MongoClient::close);
        servers.forEach(MongoServer::shutdownNow);
    }

    @Test
    void answersEveryQueryAsTheScanningBackendDoes() {
        MongoCollection<Document> indexed = serve(new IndexingH2Backend(MVStore.open(null)));
        MongoCollection<Document> scanned = serve(H2Backend.inMemory());
        for (MongoCollection<Document> events : List.of(indexed, scanned)) {
            declareAxonIndexes(events);
        }
        List<Document> documents = documents(2_000);
        indexed.insertMany(documents.stream().map(Document::new).toList());
        scanned.insertMany(documents.stream().map(Document::new).toList());

        compare(indexed, scanned, 200);

        // changes go through the index as well: moved values, removed documents
        for (int i = 0; i < 200; i++) {
            Bson which = eq("_id", "e" + random.nextInt(2_000));
            Document change = new Document("$set", new Document("timestamp", timestamp(random.nextInt(10_000))));
            indexed.updateOne(which, change);
            scanned.updateOne(which, change);
        }
        Bson gone = lt("sequenceNumber", 3);
        assertThat(indexed.deleteMany(gone).getDeletedCount()).isEqualTo(scanned.deleteMany(gone).getDeletedCount()).isPositive();
        compare(indexed, scanned, 200);
    }

    @Test
    void keepsUniqueIndexesUnique() {
        MongoCollection<Document> events = serve(new IndexingH2Backend(MVStore.open(null)));
        declareAxonIndexes(events);
        events.insertOne(new Document("_id", "a").append("aggregateIdentifier", "case-1").append("sequenceNumber", 0));

        assertThatThrownBy(() -> events.insertOne(new Document("_id", "b").append("aggregateIdentifier", "case-1").append("sequenceNumber", 0)))
                .isInstanceOf(MongoWriteException.class).hasMessageContaining("duplicate key");
    }

    @Test
    void restoresItsIndexesFromTheFileAtStart(@TempDir Path dir) {
        String file = dir.resolve("amk.mv").toString();
        List<Document> documents = documents(1_000);
        IndexingH2Backend first = new IndexingH2Backend(MVStore.open(file));
        MongoServer server = new MongoServer(first);
        InetSocketAddress address = server.bind();
        try (MongoClient client = MongoClients.create("mongodb://localhost:" + address.getPort())) {
            MongoCollection<Document> events = client.getDatabase("amk-case").getCollection("domainevents");
            declareAxonIndexes(events);
            events.insertMany(documents.stream().map(Document::new).toList());
        }
        server.shutdown(); // closes the backend and its file, as `amk down` does

        IndexingH2Backend second = new IndexingH2Backend(MVStore.open(file));
        MongoCollection<Document> events = serve(second);
        MongoCollection<Document> scanned = serve(H2Backend.inMemory());
        scanned.insertMany(documents.stream().map(Document::new).toList());

        compare(events, scanned, 100);
        assertThatThrownBy(() -> events.insertOne(new Document("_id", "again").append("aggregateIdentifier", documents.get(0).get("aggregateIdentifier"))
                .append("sequenceNumber", documents.get(0).get("sequenceNumber"))))
                .isInstanceOf(MongoWriteException.class).hasMessageContaining("duplicate key");
        events.insertOne(new Document("_id", "late").append("timestamp", timestamp(99_999)).append("aggregateIdentifier", "case-new")
                .append("sequenceNumber", 0));
        assertThat(events.find(gte("timestamp", timestamp(99_000))).map(d -> d.get("_id")).into(new ArrayList<>())).containsExactly("late");
        assertThat(indexesOf(second)).anyMatch(index -> index instanceof OrderedIndex<?> && index.isUnique())
                .anyMatch(index -> index instanceof OrderedIndex<?> && !index.isUnique());
    }

    @Test
    void answersTheProcessorsAndTheAggregatesQueriesFromAnIndex() {
        IndexingH2Backend backend = new IndexingH2Backend(MVStore.open(null));
        declareAxonIndexes(serve(backend));

        // the shapes Axon's Mongo event store sends: the tracking query and the read of one aggregate
        de.bwaldvogel.mongo.bson.Document tracking = new de.bwaldvogel.mongo.bson.Document("$and", List.of(
                new de.bwaldvogel.mongo.bson.Document("timestamp", new de.bwaldvogel.mongo.bson.Document("$gte", timestamp(5))),
                new de.bwaldvogel.mongo.bson.Document("eventIdentifier", new de.bwaldvogel.mongo.bson.Document("$nin", List.of("x")))));
        de.bwaldvogel.mongo.bson.Document aggregate = new de.bwaldvogel.mongo.bson.Document("$and", List.of(
                new de.bwaldvogel.mongo.bson.Document("aggregateIdentifier", "case-1"),
                new de.bwaldvogel.mongo.bson.Document("sequenceNumber", new de.bwaldvogel.mongo.bson.Document("$gte", 3))));

        assertThat(indexesOf(backend)).anyMatch(index -> index.canHandle(tracking)).anyMatch(index -> index.canHandle(aggregate));
    }

    @Test
    void answersQueriesOnAnArrayOfKeysAsTheScanningBackendDoes() {
        MongoCollection<Document> indexed = serve(new IndexingH2Backend(MVStore.open(null)), "case_summaries");
        MongoCollection<Document> scanned = serve(H2Backend.inMemory(), "case_summaries");
        for (MongoCollection<Document> views : List.of(indexed, scanned)) {
            views.createIndex(Indexes.ascending("searchKeys"));
        }
        List<Document> views = new ArrayList<>();
        for (int i = 0; i < 2_000; i++) {
            Document view = new Document("_id", "c" + i).append("regionCode", "32." + random.nextInt(5)).append("lastChangedAt", timestamp(i));
            switch (random.nextInt(25)) {
                case 0 -> { } // erased: no keys at all
                case 1 -> view.append("searchKeys", List.of());
                case 2 -> view.append("searchKeys", "k" + random.nextInt(30)); // one key, not an array
                case 3 -> view.append("searchKeys", java.util.Arrays.asList("k" + random.nextInt(30), null, new Document("odd", 1)));
                default -> view.append("searchKeys", keys(1 + random.nextInt(8)));
            }
            views.add(view);
        }
        indexed.insertMany(views.stream().map(Document::new).toList());
        scanned.insertMany(views.stream().map(Document::new).toList());

        compareKeys(indexed, scanned, 300);
        for (int i = 0; i < 300; i++) { // a case's view is written again as the case changes
            Bson which = eq("_id", "c" + random.nextInt(2_000));
            Document change = new Document("$set", new Document("searchKeys", keys(random.nextInt(6))));
            indexed.updateOne(which, change);
            scanned.updateOne(which, change);
        }
        Bson gone = in("searchKeys", "k1", "k2");
        assertThat(indexed.deleteMany(gone).getDeletedCount()).isEqualTo(scanned.deleteMany(gone).getDeletedCount()).isPositive();
        compareKeys(indexed, scanned, 300);
    }

    @Test
    void narrowsTheSearchOfAChildAndTheCountOfItsResults() {
        IndexingH2Backend backend = new IndexingH2Backend(MVStore.open(null));
        MongoCollection<Document> views = serve(backend, "case_summaries");
        views.createIndex(Indexes.ascending("searchKeys"));
        // the shape of a search (ChildSearch): scope, then every name word by its alternatives or the joined name, and the birth year
        Bson search = and(eq("regionCode", "32.1"), and(or(and(in("searchKeys", "k1", "k2"), in("searchKeys", "k3")), eq("searchKeys", "k4")),
                eq("searchKeys", "k5")));
        de.bwaldvogel.mongo.bson.Document query = new de.bwaldvogel.mongo.bson.Document("$and", List.of(
                new de.bwaldvogel.mongo.bson.Document("regionCode", "32.1"),
                new de.bwaldvogel.mongo.bson.Document("$and", List.of(
                        new de.bwaldvogel.mongo.bson.Document("$or", List.of(
                                new de.bwaldvogel.mongo.bson.Document("searchKeys", new de.bwaldvogel.mongo.bson.Document("$in", List.of("k1"))),
                                new de.bwaldvogel.mongo.bson.Document("searchKeys", "k4"))),
                        new de.bwaldvogel.mongo.bson.Document("searchKeys", "k5")))));
        for (int i = 0; i < 1_000; i++) {
            views.insertOne(new Document("_id", "c" + i).append("regionCode", "32.1").append("searchKeys", List.of("k5", "other" + i)));
        }
        views.insertOne(new Document("_id", "found").append("regionCode", "32.1").append("searchKeys", List.of("k1", "k3", "k5")));

        Index<?> index = backend.resolveDatabase("amk-case").resolveCollection("case_summaries", true).getIndexes().stream()
                .filter(OrderedIndex.class::isInstance).findFirst().orElseThrow();
        assertThat(index.canHandle(query)).isTrue();
        List<Object> read = new ArrayList<>();
        index.getPositions(query).forEach(read::add);
        assertThat(read).containsExactly("found"); // one document read, not a thousand
        assertThat(views.find(search).map(d -> d.get("_id")).into(new ArrayList<>())).containsExactly("found");
        assertThat(views.countDocuments(search)).isEqualTo(1);
    }

    private void compareKeys(MongoCollection<Document> indexed, MongoCollection<Document> scanned, int queries) {
        for (int i = 0; i < queries; i++) {
            Bson filter = randomKeysFilter();
            int limit = random.nextInt(3) == 0 ? 0 : 1 + random.nextInt(20);
            Bson sort = com.mongodb.client.model.Sorts.descending("lastChangedAt");
            List<Object> expected = scanned.find(filter).sort(sort).limit(limit).map(d -> d.get("_id")).into(new ArrayList<>());
            List<Object> actual = indexed.find(filter).sort(sort).limit(limit).map(d -> d.get("_id")).into(new ArrayList<>());
            assertThat(actual).as("%s, limit %d", filter, limit).isEqualTo(expected);
            assertThat(indexed.countDocuments(filter)).as("count of %s", filter).isEqualTo(scanned.countDocuments(filter));
        }
    }

    private Bson randomKeysFilter() {
        String a = "k" + random.nextInt(30);
        String b = "k" + random.nextInt(30);
        String c = "k" + random.nextInt(30);
        Bson region = eq("regionCode", "32." + random.nextInt(5));
        return switch (random.nextInt(9)) {
            case 0 -> eq("searchKeys", a);
            case 1 -> in("searchKeys", a, b, c);
            case 2 -> and(eq("searchKeys", a), eq("searchKeys", b));
            case 3 -> and(region, and(in("searchKeys", a, b), eq("searchKeys", c)));
            case 4 -> or(eq("searchKeys", a), in("searchKeys", b, c));
            case 5 -> and(region, or(and(in("searchKeys", a), in("searchKeys", b, c)), eq("searchKeys", c)));
            case 6 -> or(eq("searchKeys", a), region); // a branch the index cannot narrow: a scan
            case 7 -> random.nextBoolean() ? and(gte("searchKeys", a), lt("searchKeys", b)) // bounds on an array: each may hold for another element
                    : new Document("searchKeys", new Document("$gte", a).append("$lt", b));
            default -> and(region, nin("searchKeys", List.of(a)), eq("searchKeys", b));
        };
    }

    private List<String> keys(int count) {
        List<String> keys = new ArrayList<>();
        for (int i = 0; i < count; i++) {
            keys.add("k" + random.nextInt(30)); // now and then the same key twice
        }
        return keys;
    }

    private void compare(MongoCollection<Document> indexed, MongoCollection<Document> scanned, int queries) {
        for (int i = 0; i < queries; i++) {
            Bson filter = randomFilter();
            int limit = random.nextInt(3) == 0 ? 0 : 1 + random.nextInt(50);
            Bson sort = random.nextBoolean() ? ascending("timestamp", "sequenceNumber", "_id") : ascending("aggregateIdentifier", "sequenceNumber", "_id");
            List<Object> expected = scanned.find(filter).sort(sort).limit(limit).map(d -> d.get("_id")).into(new ArrayList<>());
            List<Object> actual = indexed.find(filter).sort(sort).limit(limit).map(d -> d.get("_id")).into(new ArrayList<>());
            assertThat(actual).as("%s, limit %d", filter, limit).isEqualTo(expected);
            assertThat(indexed.countDocuments(filter)).as("count of %s", filter).isEqualTo(scanned.countDocuments(filter));
        }
    }

    private Bson randomFilter() {
        String from = timestamp(random.nextInt(10_000));
        String to = timestamp(random.nextInt(10_000));
        String aggregate = "case-" + random.nextInt(40);
        int sequence = random.nextInt(30);
        return switch (random.nextInt(12)) {
            case 0 -> gte("timestamp", from);
            case 1 -> and(gte("timestamp", from), nin("eventIdentifier", List.of("ev1", "ev2", "ev3")));
            case 2 -> and(gt("timestamp", from), lte("timestamp", to));
            case 3 -> lt("timestamp", to);
            case 4 -> eq("timestamp", timestamp(random.nextInt(50) * 200));
            case 5 -> in("timestamp", timestamp(random.nextInt(10_000)), timestamp(0), 42, "not a time");
            case 6 -> and(eq("aggregateIdentifier", aggregate), gte("sequenceNumber", sequence));
            case 7 -> and(eq("aggregateIdentifier", aggregate), eq("sequenceNumber", sequence));
            case 8 -> eq("aggregateIdentifier", aggregate);
            case 9 -> or(eq("aggregateIdentifier", aggregate), gte("timestamp", from));
            case 10 -> gte("timestamp", 100); // numbers: a type of its own, ordered apart from the strings
            default -> and(in("aggregateIdentifier", aggregate, "case-1", "case-2"), lt("sequenceNumber", sequence));
        };
    }

    /** Documents shaped like Axon's event entries, with the odd ones a collection may hold: no timestamp, null, numbers, arrays. */
    private List<Document> documents(int count) {
        List<Document> documents = new ArrayList<>();
        int[] sequences = new int[40];
        for (int i = 0; i < count; i++) {
            int aggregate = random.nextInt(40);
            Document document = new Document("_id", "e" + i).append("eventIdentifier", "ev" + i)
                    .append("aggregateIdentifier", "case-" + aggregate).append("sequenceNumber", sequences[aggregate]++);
            switch (random.nextInt(20)) {
                case 0 -> { } // no timestamp at all
                case 1 -> document.append("timestamp", null);
                case 2 -> document.append("timestamp", random.nextInt(300));
                case 3 -> document.append("timestamp", List.of(timestamp(random.nextInt(10_000)), timestamp(random.nextInt(10_000))));
                case 4 -> document.append("timestamp", new Document("at", timestamp(1)));
                default -> document.append("timestamp", timestamp(random.nextInt(10_000)));
            }
            documents.add(document);
        }
        return documents;
    }

    private static String timestamp(int seconds) {
        return T0.plusSeconds(seconds).toString();
    }

    private static void declareAxonIndexes(MongoCollection<Document> events) {
        events.createIndex(Indexes.ascending("aggregateIdentifier", "sequenceNumber"), new IndexOptions().unique(true).name("uniqueAggregateIndex"));
        events.createIndex(Indexes.ascending("timestamp", "sequenceNumber"), new IndexOptions().name("orderedEventStreamIndex"));
    }

    private static List<? extends Index<?>> indexesOf(H2Backend backend) {
        return backend.resolveDatabase("amk-case").resolveCollection("domainevents", true).getIndexes();
    }

    /** Serves the backend on a free port; its events collection, through the MongoDB driver. */
    private MongoCollection<Document> serve(H2Backend backend) {
        return serve(backend, "domainevents");
    }

    private MongoCollection<Document> serve(H2Backend backend, String collection) {
        MongoServer server = new MongoServer(backend);
        servers.add(server);
        InetSocketAddress address = server.bind();
        MongoClient client = MongoClients.create("mongodb://localhost:" + address.getPort());
        clients.add(client);
        return client.getDatabase("amk-case").getCollection(collection);
    }
}
