package id.amk.devstack;

import de.bwaldvogel.mongo.bson.Document;

import java.util.Comparator;
import java.util.Map;
import java.util.concurrent.ConcurrentHashMap;
import java.util.concurrent.atomic.LongAdder;
import java.util.stream.Collectors;

/**
 * What the embedded Mongo server spends its time on, per database, collection, command and filter shape (the
 * filter's field names and operators, never its values: the values can be a child's data). The stand-in's
 * counterpart of MongoDB's profiler, for finding the queries it answers with a scan. Printed every
 * {@code AMK_MONGO_PROFILE} seconds when that variable is set.
 */
final class CommandProfile {

    private record Totals(LongAdder count, LongAdder nanos) {
    }

    private final Map<String, Totals> totals = new ConcurrentHashMap<>();

    void record(String database, String command, Document query, long nanos) {
        Object collection = query.get(command);
        String key = database + "." + collection + " " + command + " " + shape(filterOf(command, query));
        Totals entry = totals.computeIfAbsent(key, k -> new Totals(new LongAdder(), new LongAdder()));
        entry.count().increment();
        entry.nanos().add(nanos);
    }

    /** The top entries by total time since the last report, then starts afresh. */
    String report(int top) {
        Map<String, Totals> snapshot = Map.copyOf(totals);
        totals.clear();
        return snapshot.entrySet().stream()
                .sorted(Comparator.comparingLong((Map.Entry<String, Totals> e) -> e.getValue().nanos().sum()).reversed())
                .limit(top)
                .map(e -> "%8.0f ms %7d x %7.2f ms  %s".formatted(e.getValue().nanos().sum() / 1e6, e.getValue().count().sum(),
                        e.getValue().nanos().sum() / 1e6 / e.getValue().count().sum(), e.getKey()))
                .collect(Collectors.joining("\n"));
    }

    private static Object filterOf(String command, Document query) {
        return switch (command) {
            case "find" -> query.get("filter");
            case "count" -> query.get("query");
            case "update" -> query.get("updates");
            case "delete" -> query.get("deletes");
            case "aggregate" -> query.get("pipeline");
            case "findAndModify", "findandmodify" -> query.get("query");
            default -> null;
        };
    }

    /** Field names and operators kept, values dropped. */
    private static String shape(Object value) {
        if (value instanceof Document document) {
            return document.entrySet().stream().map(e -> e.getKey() + (e.getValue() instanceof Document || e.getValue() instanceof Iterable<?>
                    ? ":" + shape(e.getValue()) : "")).collect(Collectors.joining(",", "{", "}"));
        }
        if (value instanceof Iterable<?> list) {
            StringBuilder out = new StringBuilder("[");
            for (Object item : list) {
                out.append(shape(item));
                break; // the first element stands for the rest (updates and deletes come in batches)
            }
            return out.append("]").toString();
        }
        return "";
    }
}
