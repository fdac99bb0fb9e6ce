package id.amk.devstack;

import de.bwaldvogel.mongo.MongoCollection;
import de.bwaldvogel.mongo.backend.Index;
import de.bwaldvogel.mongo.backend.IndexKey;
import de.bwaldvogel.mongo.backend.ValueComparator;
import de.bwaldvogel.mongo.bson.BsonRegularExpression;
import de.bwaldvogel.mongo.bson.Document;
import de.bwaldvogel.mongo.exception.KeyConstraintError;

import java.util.ArrayList;
import java.util.Collection;
import java.util.LinkedHashSet;
import java.util.List;
import java.util.Map;
import java.util.NavigableMap;
import java.util.Objects;
import java.util.Set;
import java.util.TreeMap;
import java.util.function.BooleanSupplier;

/**
 * A declared index the embedded Mongo server answers queries from, by the index's first key: equality, {@code $in} and
 * ranges ({@code $gt}, {@code $gte}, {@code $lt}, {@code $lte}, {@code $eq}), on the query's top level or in a
 * member of its top-level {@code $and}. mongo-java-server answers such queries by scanning the whole collection
 * (it uses unique indexes for exact matches only and ignores the others); MongoDB uses the index. The streaming
 * processors' query by timestamp and the read of one aggregate's events are such queries, so without this every
 * poll and every load of an aggregate costs as much as the event store is large.
 *
 * <p>The index only narrows the documents the server looks at: it returns a superset (every document whose first-key
 * value falls in the range, plus every document it cannot order — the key missing, null, an array or a
 * sub-document), and the server's own matcher, sort and limit run on that as before, so results are the same as
 * with a scan. Kept in memory, rebuilt from the collection when the server starts.</p>
 *
 * <p>For a unique index it wraps the server's own, which keeps enforcing uniqueness; the ordered part is added.</p>
 */
final class OrderedIndex<P> extends Index<P> {

    private static final Set<String> ORDERED_OPERATORS = Set.of("$eq", "$gt", "$gte", "$lt", "$lte", "$in");

    /** The server's unique index this one adds order to, or null for a non-unique index. */
    private final Index<P> unique;
    /** True while the server restores its indexes at start: the unique index already holds every document then. */
    private final BooleanSupplier restoring;
    private final String field;
    /** Positions by the field's value: one position, or a list of them when several documents share the value. */
    private final NavigableMap<Object, Object> ordered = new TreeMap<>(ValueComparator.asc());
    /** Documents without an orderable value of the field: candidates for every query. */
    private final Set<P> unordered = new LinkedHashSet<>();
    private long count;

    OrderedIndex(String name, List<IndexKey> keys, boolean sparse, Index<P> unique, BooleanSupplier restoring) {
        super(name, keys, sparse);
        this.unique = unique;
        this.restoring = restoring;
        this.field = keys.get(0).getKey();
    }

    /** Whether an index on these keys can be ordered here (a first key that is a plain field, not a path or text). */
    static boolean supports(List<IndexKey> keys) {
        return !keys.isEmpty() && !keys.get(0).getKey().contains(".") && !keys.get(0).getKey().startsWith("$");
    }

    /** The H2 backend's position of a document is its _id. */
    @SuppressWarnings("unchecked")
    private static <P> P positionOf(Document document) {
        return (P) document.get("_id");
    }

    @Override
    public synchronized P getPosition(Document document) {
        return unique != null ? unique.getPosition(document) : positionOf(document);
    }

    @Override
    public synchronized void checkAdd(Document document, MongoCollection<P> collection) {
        if (unique != null && !restoring.getAsBoolean()) {
            unique.checkAdd(document, collection);
        }
    }

    @Override
    public synchronized void add(Document document, P position, MongoCollection<P> collection) {
        if (unique != null && !restoring.getAsBoolean()) {
            unique.add(document, position, collection);
        }
        put(document, position);
    }

    @Override
    public synchronized P remove(Document document) {
        P position = positionOf(document);
        take(document, position);
        return unique != null ? unique.remove(document) : position;
    }

    @Override
    public synchronized void checkUpdate(Document oldDocument, Document newDocument, MongoCollection<P> collection) {
        if (unique != null) {
            unique.checkUpdate(oldDocument, newDocument, collection);
        }
    }

    @Override
    public synchronized void updateInPlace(Document oldDocument, Document newDocument, P position, MongoCollection<P> collection)
            throws KeyConstraintError {
        if (unique != null) {
            unique.updateInPlace(oldDocument, newDocument, position, collection);
        }
        take(oldDocument, position);
        put(newDocument, position);
    }

    @SuppressWarnings("unchecked")
    private void put(Document document, P position) {
        count++;
        Object value = document.get(field);
        if (!plain(value)) {
            unordered.add(position);
            return;
        }
        ordered.merge(value, position, (present, added) -> {
            List<P> all = present instanceof PositionList<?> list ? (PositionList<P>) list : PositionList.of((P) present);
            all.add((P) added);
            return all;
        });
    }

    @SuppressWarnings("unchecked")
    private void take(Document document, P position) {
        Object value = document.get(field);
        if (!plain(value)) {
            count -= unordered.remove(position) ? 1 : 0;
            return;
        }
        Object present = ordered.get(value);
        if (present instanceof PositionList<?> list) {
            count -= list.remove(position) ? 1 : 0;
            if (list.size() == 1) {
                ordered.put(value, list.get(0));
            }
        } else if (Objects.equals(present, position)) {
            ordered.remove(value);
            count--;
        }
    }

    @SuppressWarnings("unchecked")
    private void collect(Object positions, Collection<P> into) {
        if (positions instanceof PositionList<?> list) {
            into.addAll((PositionList<P>) list);
        } else if (positions != null) {
            into.add((P) positions);
        }
    }

    /** Several positions under one value (a type of its own, so a position that is itself a list is not mistaken). */
    private static final class PositionList<P> extends ArrayList<P> {
        static <P> PositionList<P> of(P first) {
            PositionList<P> list = new PositionList<>();
            list.add(first);
            return list;
        }
    }

    @Override
    public synchronized boolean canHandle(Document query) {
        return (unique != null && unique.canHandle(query)) || condition(query) != null;
    }

    @Override
    public synchronized Iterable<P> getPositions(Document query) {
        if (unique != null && unique.canHandle(query)) {
            return unique.getPositions(query);
        }
        Object condition = condition(query);
        Collection<P> candidates = new LinkedHashSet<>(unordered); // a set: $in may name a value twice
        if (condition instanceof Document operators) {
            if (operators.containsKey("$in")) {
                for (Object value : (Collection<?>) operators.get("$in")) {
                    collect(ordered.get(value), candidates);
                }
                return candidates;
            }
            NavigableMap<Object, Object> range = ordered;
            for (Map.Entry<String, Object> operator : operators.entrySet()) {
                Object bound = operator.getValue();
                range = switch (operator.getKey()) {
                    case "$eq" -> range.subMap(bound, true, bound, true);
                    case "$gt" -> range.tailMap(bound, false);
                    case "$gte" -> range.tailMap(bound, true);
                    case "$lt" -> range.headMap(bound, false);
                    case "$lte" -> range.headMap(bound, true);
                    default -> throw new IllegalStateException("not an ordered operator: " + operator.getKey());
                };
            }
            range.values().forEach(positions -> collect(positions, candidates));
        } else {
            collect(ordered.get(condition), candidates);
        }
        return candidates;
    }

    /**
     * The condition the query puts on the first key, if this index can narrow by it: a plain value (equality) or a
     * document of ordered operators with plain operands; null otherwise.
     */
    private Object condition(Document query) {
        Object condition = query.get(field);
        if (condition == null && query.get("$and") instanceof Collection<?> members) {
            for (Object member : members) {
                if (member instanceof Document document && usable(document.get(field))) {
                    return document.get(field);
                }
            }
        }
        return usable(condition) ? condition : null;
    }

    private static boolean usable(Object condition) {
        if (condition instanceof Document operators) {
            if (operators.isEmpty() || !ORDERED_OPERATORS.containsAll(operators.keySet())) {
                return false;
            }
            if (operators.containsKey("$in")) {
                return operators.size() == 1 && operators.get("$in") instanceof Collection<?> values
                        && values.stream().allMatch(OrderedIndex::plain);
            }
            return operators.values().stream().allMatch(OrderedIndex::plain);
        }
        return plain(condition);
    }

    /** A value the index orders: not null, not an array, not a sub-document, not a pattern. */
    private static boolean plain(Object value) {
        return value != null && !(value instanceof Document) && !(value instanceof Collection<?>) && !(value instanceof BsonRegularExpression)
                && !(value instanceof java.util.regex.Pattern) && !(value instanceof Double d && d.isNaN());
    }

    @Override
    public synchronized long getCount() {
        return unique != null ? unique.getCount() : count;
    }

    /** Empty when this index's ordered part is, so that the server fills it from the collection at start. */
    @Override
    public synchronized boolean isEmpty() {
        return count == 0;
    }

    @Override
    public synchronized long getDataSize() {
        return unique != null ? unique.getDataSize() : 0;
    }

    @Override
    public boolean isUnique() {
        return unique != null && unique.isUnique();
    }

    @Override
    public synchronized void drop() {
        if (unique != null) {
            unique.drop();
        }
        ordered.clear();
        unordered.clear();
        count = 0;
    }

    @Override
    public boolean equals(Object other) {
        return this == other;
    }

    @Override
    public int hashCode() {
        return Objects.hashCode(getName());
    }
}
