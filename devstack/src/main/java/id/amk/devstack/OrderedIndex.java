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
 * ranges ({@code $gt}, {@code $gte}, {@code $lt}, {@code $lte}, {@code $eq}), on the query's top level, in its
 * {@code $and} (at any depth; several conditions are intersected) or in an {@code $or} whose every branch has one
 * (their union). An array is filed under each of its elements, as MongoDB's multikey indexes are. mongo-java-server
 * answers such queries by scanning the whole collection (it uses unique indexes for exact matches only and ignores
 * the others); MongoDB uses the index. The streaming processors' query by timestamp, the read of one aggregate's
 * events and the search of a child by the keyed hashes of a case's view ({@code searchKeys}, an array) are such
 * queries, so without this each costs as much as the collection is large.
 *
 * <p>The index only narrows the documents the server looks at: it returns a superset (every document with a value
 * or an element in the range, plus every document it cannot order — the key missing, null, a sub-document, an empty
 * array), and the server's own matcher, sort and limit run on that as before, so results are the same as with a
 * scan. Kept in memory, rebuilt from the collection when the server starts.</p>
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
    /** Documents whose value is an array, filed under each of its elements. */
    private final Set<P> arrays = new LinkedHashSet<>();
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

    /**
     * Files a document under its value of the field, or under each distinct element when the value is an array (a
     * multikey index, as MongoDB's: {@code {field: x}} matches an array holding x). Documents it cannot order go to
     * {@link #unordered}; documents holding an array are also remembered in {@link #arrays}.
     */
    private void put(Document document, P position) {
        count++;
        Object value = document.get(field);
        if (value instanceof Collection<?> elements) {
            arrays.add(position);
            Set<Object> distinct = elementsOf(elements);
            if (distinct.isEmpty() || elements.stream().anyMatch(element -> !plain(element))) {
                unordered.add(position);
            }
            distinct.forEach(element -> file(element, position));
            return;
        }
        if (!plain(value)) {
            unordered.add(position);
            return;
        }
        file(value, position);
    }

    private void take(Document document, P position) {
        Object value = document.get(field);
        boolean held = unordered.remove(position) | arrays.remove(position);
        if (value instanceof Collection<?> elements) {
            for (Object element : elementsOf(elements)) {
                held |= unfile(element, position);
            }
        } else if (plain(value)) {
            held |= unfile(value, position);
        }
        count -= held ? 1 : 0;
    }

    /** The plain elements of an array, each once (an array may name a value twice). */
    private static Set<Object> elementsOf(Collection<?> elements) {
        Set<Object> distinct = new java.util.TreeSet<>(ValueComparator.asc());
        elements.stream().filter(OrderedIndex::plain).forEach(distinct::add);
        return distinct;
    }

    @SuppressWarnings("unchecked")
    private void file(Object value, P position) {
        ordered.merge(value, position, (present, added) -> {
            PositionSet<P> all = present instanceof PositionSet<?> set ? (PositionSet<P>) set : PositionSet.of((P) present);
            all.add((P) added);
            return all;
        });
    }

    private boolean unfile(Object value, P position) {
        Object present = ordered.get(value);
        if (present instanceof PositionSet<?> set) {
            boolean removed = set.remove(position);
            if (set.size() == 1) {
                ordered.put(value, set.iterator().next());
            }
            return removed;
        }
        if (Objects.equals(present, position)) {
            ordered.remove(value);
            return true;
        }
        return false;
    }

    @SuppressWarnings("unchecked")
    private void collect(Object positions, Collection<P> into) {
        if (positions instanceof PositionSet<?> set) {
            into.addAll((PositionSet<P>) set);
        } else if (positions != null) {
            into.add((P) positions);
        }
    }

    /** Several positions under one value (a type of its own, so a position that is itself a collection is not mistaken). */
    private static final class PositionSet<P> extends LinkedHashSet<P> {
        static <P> PositionSet<P> of(P first) {
            PositionSet<P> set = new PositionSet<>();
            set.add(first);
            return set;
        }
    }

    @Override
    public synchronized boolean canHandle(Document query) {
        return (unique != null && unique.canHandle(query)) || narrows(query);
    }

    @Override
    public synchronized Iterable<P> getPositions(Document query) {
        if (unique != null && unique.canHandle(query)) {
            return unique.getPositions(query);
        }
        Set<P> candidates = candidates(query);
        if (candidates == null) {
            throw new IllegalStateException("this index cannot narrow " + query);
        }
        return candidates;
    }

    /** Whether {@link #candidates} can narrow this query (without collecting the positions). */
    private boolean narrows(Object query) {
        if (!(query instanceof Document document)) {
            return false;
        }
        if (usable(document.get(field))) {
            return true;
        }
        if (document.get("$and") instanceof Collection<?> members && members.stream().anyMatch(this::narrows)) {
            return true;
        }
        return document.get("$or") instanceof Collection<?> branches && !branches.isEmpty() && branches.stream().allMatch(this::narrows);
    }

    /**
     * The positions of every document that may match the query, by the conditions it puts on the field: on its top
     * level, in its {@code $and} (every member must hold: the sets are intersected, at any depth) and in its
     * {@code $or} (when every branch can be narrowed: their union). Null when nothing narrows. Other conditions are
     * left to the server's matcher, which runs on these documents afterwards.
     */
    private Set<P> candidates(Object query) {
        if (!(query instanceof Document document)) {
            return null;
        }
        List<Set<P>> all = new ArrayList<>();
        if (usable(document.get(field))) {
            all.add(positionsFor(document.get(field)));
        }
        if (document.get("$and") instanceof Collection<?> members) {
            for (Object member : members) {
                Set<P> some = candidates(member);
                if (some != null) {
                    all.add(some);
                }
            }
        }
        if (document.get("$or") instanceof Collection<?> branches && !branches.isEmpty() && branches.stream().allMatch(this::narrows)) {
            Set<P> union = new LinkedHashSet<>();
            branches.forEach(branch -> union.addAll(candidates(branch)));
            all.add(union);
        }
        if (all.isEmpty()) {
            return null;
        }
        all.sort(java.util.Comparator.comparingInt(Set::size));
        Set<P> both = all.size() == 1 ? all.get(0) : new LinkedHashSet<>(all.get(0));
        for (Set<P> other : all.subList(1, all.size())) {
            both.retainAll(other);
        }
        return both;
    }

    /** The documents a usable condition on the field may match: those filed under a matching value, and the unordered. */
    private Set<P> positionsFor(Object condition) {
        Set<P> candidates = new LinkedHashSet<>(unordered); // a set: $in may name a value twice, an array hold several
        if (condition instanceof Document operators) {
            if (operators.containsKey("$in")) {
                for (Object value : (Collection<?>) operators.get("$in")) {
                    collect(ordered.get(value), candidates);
                }
                return candidates;
            }
            range(operators).values().forEach(positions -> collect(positions, candidates));
            if (operators.size() > 1) {
                // on an array each bound may hold for another element ([0, 5] is both > 1 and < 3): not one range
                candidates.addAll(arrays);
            }
        } else {
            collect(ordered.get(condition), candidates);
        }
        return candidates;
    }

    /** The values within the bounds of a range's operators (the tightest of each side; none when they cross). */
    private NavigableMap<Object, Object> range(Document operators) {
        java.util.Comparator<Object> order = ValueComparator.asc();
        Object low = null;
        Object high = null;
        boolean lowIncluded = true;
        boolean highIncluded = true;
        for (Map.Entry<String, Object> operator : operators.entrySet()) {
            Object bound = operator.getValue();
            String name = operator.getKey();
            if (name.equals("$eq") || name.equals("$gt") || name.equals("$gte")) {
                boolean included = !name.equals("$gt");
                int c = low == null ? 1 : order.compare(bound, low);
                if (c > 0 || c == 0 && !included) {
                    low = bound;
                    lowIncluded = included;
                }
            }
            if (name.equals("$eq") || name.equals("$lt") || name.equals("$lte")) {
                boolean included = !name.equals("$lt");
                int c = high == null ? -1 : order.compare(bound, high);
                if (c < 0 || c == 0 && !included) {
                    high = bound;
                    highIncluded = included;
                }
            }
        }
        if (low != null && high != null) {
            int c = order.compare(low, high);
            if (c > 0 || c == 0 && !(lowIncluded && highIncluded)) {
                return java.util.Collections.emptyNavigableMap();
            }
            return ordered.subMap(low, lowIncluded, high, highIncluded);
        }
        return low != null ? ordered.tailMap(low, lowIncluded) : ordered.headMap(high, highIncluded);
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
        arrays.clear();
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
