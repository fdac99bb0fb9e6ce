package id.amk.devstack;

import de.bwaldvogel.mongo.MongoDatabase;
import de.bwaldvogel.mongo.backend.CursorRegistry;
import de.bwaldvogel.mongo.backend.Index;
import de.bwaldvogel.mongo.backend.IndexKey;
import de.bwaldvogel.mongo.backend.h2.H2Backend;
import de.bwaldvogel.mongo.backend.h2.H2Database;
import org.h2.mvstore.MVStore;

import java.util.List;

/**
 * mongo-java-server's H2 backend with the declared indexes put to use ({@link OrderedIndex}): the stand-in's
 * queries by timestamp, by aggregate or by any other indexed field then cost what they cost on MongoDB (the
 * matching documents), not a scan of the collection. Everything else is the library's.
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
