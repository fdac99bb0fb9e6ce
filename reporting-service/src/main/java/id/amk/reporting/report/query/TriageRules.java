package id.amk.reporting.report.query;

import id.amk.reporting.report.api.ReportTypes.Urgency;
import org.springframework.boot.context.properties.ConfigurationProperties;

import java.time.Duration;
import java.time.Instant;
import java.util.EnumMap;
import java.util.Map;

/**
 * How long a report may wait for triage in its region, by urgency ({@code amk.reports.triage-within.URGENT: 24h}, ...):
 * past it the region's supervisors are told. Defaults: urgent signs 24 h, high 48 h, otherwise 72 h.
 */
@ConfigurationProperties("amk.reports")
public record TriageRules(Map<Urgency, Duration> triageWithin) {

    private static final Map<Urgency, Duration> DEFAULTS = Map.of(Urgency.URGENT, Duration.ofHours(24), Urgency.HIGH, Duration.ofHours(48),
            Urgency.MEDIUM, Duration.ofHours(72), Urgency.LOW, Duration.ofHours(72));

    public TriageRules {
        Map<Urgency, Duration> merged = new EnumMap<>(DEFAULTS);
        if (triageWithin != null) {
            merged.putAll(triageWithin);
        }
        triageWithin = Map.copyOf(merged);
    }

    public Instant dueAt(Urgency urgency, Instant from) {
        return from.plus(triageWithin.get(urgency == null ? Urgency.MEDIUM : urgency));
    }
}
