package id.amk.devstack;

import de.bwaldvogel.mongo.MongoCollection;
import de.bwaldvogel.mongo.MongoDatabase;
import de.bwaldvogel.mongo.backend.DatabaseResolver;
import de.bwaldvogel.mongo.backend.CursorRegistry;
import de.bwaldvogel.mongo.backend.Index;
import de.bwaldvogel.mongo.backend.IndexKey;
import de.bwaldvogel.mongo.backend.aggregation.Aggregation;
import de.bwaldvogel.mongo.bson.Document;
import de.bwaldvogel.mongo.oplog.Oplog;
import io.netty.channel.Channel;
import de.bwaldvogel.mongo.backend.h2.H2Backend;
import de.bwaldvogel.mongo.backend.h2.H2Database;
import org.h2.mvstore.MVStore;

import java.util.List;

/**
 * mongo-java-server's H2 backend with the declared indexes put to use ({@link OrderedIndex}): the stand-in's
 * queries by timestamp, by aggregate or by any other indexed field then cost what they cost on MongoDB (the
 * matching documents), not a scan of the collection; so does an aggregation that starts with such a {@code $match}
 * (the driver counts documents that way). Everything else is the library's.
 */
class IndexingH2Backend extends H2Backend {

    /** The store, while the superclass constructor opens the existing databases (before this class's fields are set). */
    private static final ThreadLocal<MVStore> OPENING = new ThreadLocal<>();

    private final MVStore store;

    IndexingH2Backend(MVStore store) {
        super(opening(store));
        OPENING.remove();
        this.store = store;
    }

    private static MVStore opening(MVStore store) {
        OPENING.set(store);
        return store;
    }

    @Override
    protected MongoDatabase openOrCreateDatabase(String databaseName) {
        return new IndexingDatabase(databaseName, store != null ? store : OPENING.get(), getCursorRegistry());
    }

    private static final class IndexingDatabase extends H2Database {

        /** Set while the database restores its collections and indexes from the file, at start. */
        private static final ThreadLocal<Boolean> RESTORING = ThreadLocal.withInitial(() -> false);

        IndexingDatabase(String databaseName, MVStore store, CursorRegistry cursors) {
            super(databaseName, store, cursors);
        }

        @Override
        protected void initializeNamespacesAndIndexes() {
            RESTORING.set(true);
            try {
                super.initializeNamespacesAndIndexes();
            } finally {
                RESTORING.remove();
            }
        }

        /**
         * An aggregation whose first stage is a {@code $match} an index can narrow runs on the documents of that query
         * (the library would run it on every document of the collection); the whole pipeline, that {@code $match}
         * included, runs as before, so the answer is the same. Everything else goes to the library.
         */
        @Override
        public Document handleCommand(Channel channel, String command, Document query, DatabaseResolver databases, Oplog oplog) {
            if (command.equalsIgnoreCase("aggregate") && query.get(command) instanceof String collectionName
                    && query.get("pipeline") instanceof List<?> pipeline && !pipeline.isEmpty()
                    && pipeline.get(0) instanceof Document first && first.size() == 1 && first.get("$match") instanceof Document match) {
                MongoCollection<Object> collection = resolveCollection(collectionName, false);
                if (collection != null && collection.getIndexes().stream().anyMatch(index -> index instanceof OrderedIndex<?> && index.canHandle(match))) {
                    Aggregation aggregation = Aggregation.fromPipeline(pipeline, databases, this, collection, oplog);
                    aggregation.validate(query);
                    List<Document> result = aggregation.runStages(collection.handleQueryAsStream(match));
                    Document cursor = new Document("id", 0L).append("ns", getDatabaseName() + "." + collectionName).append("firstBatch", result);
                    return new Document("cursor", cursor).append("ok", 1.0);
                }
            }
            return super.handleCommand(channel, command, query, databases, oplog);
        }

        /** A non-unique index: the library's would ignore it (an empty index, with a warning); this one orders. */
        @Override
        protected Index<Object> openOrCreateSecondaryIndex(String collectionName, String indexName, List<IndexKey> keys, boolean sparse) {
            if (!OrderedIndex.supports(keys)) {
                return super.openOrCreateSecondaryIndex(collectionName, indexName, keys, sparse);
            }
            return new OrderedIndex<>(indexName, keys, sparse, null, RESTORING::get);
        }

        /**
         * A compound unique index (Axon's aggregate and sequence number): the library's keeps uniqueness and exact
         * lookups; the order by the first key is added, for the read of one aggregate's events from a sequence number.
         */
        @Override
        protected Index<Object> openOrCreateUniqueIndex(String collectionName, String indexName, List<IndexKey> keys, boolean sparse) {
            Index<Object> unique = super.openOrCreateUniqueIndex(collectionName, indexName, keys, sparse);
            if (keys.size() < 2 || !OrderedIndex.supports(keys) || keys.get(0).getKey().equals("_id")) {
                return unique;
            }
            return new OrderedIndex<>(indexName, keys, sparse, unique, RESTORING::get);
        }
    }
}
