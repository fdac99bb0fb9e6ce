package id.amk.reporting.monitoring;

import id.amk.contracts.RegionCodes;
import id.amk.reporting.people.People;
import id.amk.reporting.projection.Projections;
import org.bson.Document;
import org.springframework.stereotype.Service;

import java.time.Duration;
import java.util.ArrayList;
import java.util.Date;
import java.util.List;
import java.util.Map;
import java.util.Objects;
import java.util.TreeMap;
import java.util.function.Function;
import java.util.function.Predicate;
import java.util.stream.Collectors;

/**
 * Counts over the monitoring facts, for a region (national, a province "32", a regency "32.73") and optionally a
 * registration month: by cluster, stage, risk and month, open/closed, deadline breaches, drill-down one level
 * down, referral outcomes, and per-worker performance.
 */
@Service
public class Dashboards {

    /** One row of a drill-down table: a region one level below the one asked for. */
    public record RegionRow(String region, long total, long children, long open, long closed, long deadlineBreaches, Double onTimeShare) {
    }

    /**
     * {@code onTimeShare}: the share of cases that met every deadline so far; {@code byMonthStage}: cases registered per
     * month, split by the stage they are in now; {@code children}: how many children those cases are of (a child with
     * two cases counts once; a case from before children existed is its own child).
     */
    public record CaseFigures(String region, String month, long total, long children, long open, long closed, long deadlineBreaches, Double onTimeShare,
                              Map<String, Long> byCluster, Map<String, Long> byStage, Map<String, Long> byRisk, Map<String, Long> byMonth,
                              Map<String, Map<String, Long>> byMonthStage, List<RegionRow> drillDown) {
    }

    public record ReferralFigures(String region, long total, long escalated, Map<String, Long> byStatus, Map<String, Long> byOutcome,
                                  Map<String, Long> byProvider) {
    }

    /** A worker's performance over the cases assigned to them now; {@code name} as identity-service knows them. */
    public record WorkerRow(String worker, String name, long cases, long caseload, Double medianHoursToFirstContact, Double medianHoursToAssessment,
                            Double onTimeShare, long closures) {
    }

    private final Projections projections;
    private final People people;

    Dashboards(Projections projections, People people) {
        this.projections = projections;
        this.people = people;
    }

    public CaseFigures cases(String region, String month) {
        List<Document> cases = cases(region, month == null ? d -> true : d -> month.equals(d.getString("month")));
        Map<String, Long> byCluster = new TreeMap<>();
        cases.forEach(d -> list(d, "clusters").forEach(c -> byCluster.merge(c, 1L, Long::sum)));
        int depth = region == null ? 2 : region.length() == 2 ? 5 : 8;
        List<RegionRow> drillDown = cases.stream()
                .filter(d -> d.getString("regionCode").length() >= depth)
                .collect(Collectors.groupingBy(d -> d.getString("regionCode").substring(0, depth), TreeMap::new, Collectors.toList()))
                .entrySet().stream().map(e -> new RegionRow(e.getKey(), e.getValue().size(), children(e.getValue()), count(e.getValue(), Dashboards::open),
                        count(e.getValue(), d -> !open(d)), count(e.getValue(), Dashboards::breached), onTime(e.getValue())))
                .toList();
        Map<String, Map<String, Long>> byMonthStage = new TreeMap<>();
        cases.stream().filter(d -> d.getString("month") != null && d.getString("stage") != null)
                .forEach(d -> byMonthStage.computeIfAbsent(d.getString("month"), m -> new TreeMap<>()).merge(d.getString("stage"), 1L, Long::sum));
        return new CaseFigures(region == null ? "national" : region, month, cases.size(), children(cases), count(cases, Dashboards::open),
                count(cases, d -> !open(d)), count(cases, Dashboards::breached), onTime(cases), byCluster, group(cases, d -> d.getString("stage")),
                group(cases, d -> d.getString("riskLevel")), group(cases, d -> d.getString("month")), byMonthStage, drillDown);
    }

    /** The referrals of the cases in the region (registered in {@code month}, when given). */
    public ReferralFigures referrals(String region, String month) {
        Map<String, Document> cases = new java.util.HashMap<>();
        projections.active(MonitoringProjection.NAME).all(MonitoringProjection.CASES).forEach(d -> cases.put(d.getString("_id"), d));
        List<Document> referrals = projections.active(MonitoringProjection.NAME).all(MonitoringProjection.REFERRALS).stream()
                .filter(d -> d.getString("status") != null)
                .filter(d -> {
                    Document c = cases.get(d.getString("caseId"));
                    return (region == null || c != null && within(c.getString("regionCode"), region))
                            && (month == null || c != null && month.equals(c.getString("month")));
                })
                .toList();
        Map<String, Long> byOutcome = new TreeMap<>();
        referrals.stream().map(d -> d.getString("reason_COMPLETED")).filter(Objects::nonNull).forEach(o -> byOutcome.merge(o, 1L, Long::sum));
        return new ReferralFigures(region == null ? "national" : region, referrals.size(),
                count(referrals, d -> Boolean.TRUE.equals(d.getBoolean("escalated"))), group(referrals, d -> d.getString("status")),
                byOutcome, group(referrals, d -> d.getString("providerId")));
    }

    /** Per worker, over the cases in the region assigned to them now (registered in {@code month}, when given). */
    public List<WorkerRow> workers(String region, String month) {
        Map<String, List<Document>> byWorker = cases(region, d -> d.getString("worker") != null && (month == null || month.equals(d.getString("month"))))
                .stream().collect(Collectors.groupingBy(d -> d.getString("worker"), TreeMap::new, Collectors.toList()));
        Map<String, String> names = people.names(byWorker.keySet());
        return byWorker.entrySet().stream().map(e -> {
                    List<Document> mine = e.getValue();
                    return new WorkerRow(e.getKey(), names.getOrDefault(e.getKey(), e.getKey()), mine.size(), count(mine, Dashboards::open),
                            medianHours(mine, "firstContactAt"), medianHours(mine, "assessedAt"),
                            Math.round(1000.0 * count(mine, d -> !breached(d)) / mine.size()) / 1000.0,
                            count(mine, d -> !open(d)));
                }).toList();
    }

    private List<Document> cases(String region, Predicate<Document> filter) {
        return projections.active(MonitoringProjection.NAME).all(MonitoringProjection.CASES).stream()
                .filter(d -> d.getString("regionCode") != null && d.getDate("registeredAt") != null)
                .filter(d -> region == null || within(d.getString("regionCode"), region))
                .filter(filter)
                .toList();
    }

    static boolean within(String code, String region) {
        return RegionCodes.within(code, region);
    }

    /** Distinct children of these cases. */
    private static long children(List<Document> cases) {
        return cases.stream().map(d -> d.getString("childId") != null ? d.getString("childId") : d.getString("_id")).distinct().count();
    }

    private static boolean open(Document d) {
        return !"CLOSED".equals(d.getString("stage"));
    }

    private static Double onTime(List<Document> cases) {
        return cases.isEmpty() ? null : Math.round(1000.0 * count(cases, d -> !breached(d)) / cases.size()) / 1000.0;
    }

    private static boolean breached(Document d) {
        return !list(d, "missedDeadlines").isEmpty();
    }

    private static List<String> list(Document d, String field) {
        List<String> values = d.getList(field, String.class);
        return values == null ? List.of() : values;
    }

    private static long count(List<Document> docs, Predicate<Document> p) {
        return docs.stream().filter(p).count();
    }

    private static Map<String, Long> group(List<Document> docs, Function<Document, String> key) {
        return docs.stream().filter(d -> key.apply(d) != null)
                .collect(Collectors.groupingBy(key, TreeMap::new, Collectors.counting()));
    }

    private static Double medianHours(List<Document> cases, String field) {
        List<Double> hours = new ArrayList<>();
        for (Document d : cases) {
            Date at = d.getDate(field);
            if (at != null) {
                hours.add(Duration.between(d.getDate("registeredAt").toInstant(), at.toInstant()).toMinutes() / 60.0);
            }
        }
        if (hours.isEmpty()) {
            return null;
        }
        hours.sort(Double::compare);
        int middle = hours.size() / 2;
        double median = hours.size() % 2 == 1 ? hours.get(middle) : (hours.get(middle - 1) + hours.get(middle)) / 2;
        return Math.round(median * 100) / 100.0;
    }
}
