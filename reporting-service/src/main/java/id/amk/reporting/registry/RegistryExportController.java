package id.amk.reporting.registry;

import id.amk.contracts.RegionCodes;
import id.amk.platform.security.AmkCaller;
import id.amk.platform.web.ProblemException;
import id.amk.reporting.monitoring.MonitoringProjection;
import id.amk.reporting.projection.ProjectionStore;
import id.amk.reporting.projection.Projections;
import org.bson.Document;
import org.springframework.data.mongodb.core.MongoTemplate;
import org.springframework.http.HttpHeaders;
import org.springframework.http.HttpStatus;
import org.springframework.http.MediaType;
import org.springframework.http.ResponseEntity;
import org.springframework.web.bind.annotation.GetMapping;
import org.springframework.web.bind.annotation.RequestMapping;
import org.springframework.web.bind.annotation.RequestParam;
import org.springframework.web.bind.annotation.RestController;

import java.nio.charset.StandardCharsets;
import java.time.Clock;
import java.time.Instant;
import java.util.ArrayList;
import java.util.Date;
import java.util.List;
import java.util.Map;

/**
 * /api/exports/registry: the children with cases, linked by NIK, for the ministry's registry systems (DTKS/DTSEN), as JSON
 * or CSV (docs/registry-export.md). Only a client holding the {@code registry.export} scope; every export is audited
 * ({@code registry_export_audit}: who, when, how many rows). Erased children are not in it.
 */
@RestController
@RequestMapping("/api/exports/registry")
class RegistryExportController {

    /** One row of the feed; dates are instants in UTC, {@code stage} the case's current stage. */
    record Row(String nik, String caseId, String caseNumber, String regionCode, List<String> clusters, String riskLevel, String stage,
               Instant registeredAt, Instant closedAt) {
    }

    record Feed(Instant generatedAt, int count, List<Row> rows) {
    }

    private final RegistryLinks links;
    private final Projections projections;
    private final MongoTemplate mongo;
    private final Clock clock;

    RegistryExportController(RegistryLinks links, Projections projections, MongoTemplate mongo, Clock clock) {
        this.links = links;
        this.projections = projections;
        this.mongo = mongo;
        this.clock = clock;
    }

    @GetMapping
    ResponseEntity<?> export(@RequestParam(required = false) String region, @RequestParam(required = false) String format) {
        AmkCaller caller = AmkCaller.current().orElseThrow();
        if (!caller.hasScope("registry.export")) {
            throw new ProblemException(HttpStatus.FORBIDDEN, "forbidden", Map.of());
        }
        id.amk.platform.web.Filters.region(region, "region");
        ProjectionStore facts = projections.active(MonitoringProjection.NAME);
        List<Row> rows = new ArrayList<>();
        for (Document link : links.all()) {
            Document c = facts.byId(MonitoringProjection.CASES, link.getString("_id"));
            if (c == null || c.getString("regionCode") == null || Boolean.TRUE.equals(c.getBoolean("personalDataErased"))) {
                continue; // the case's own events have not arrived yet, or it was erased
            }
            if (region != null && !RegionCodes.within(c.getString("regionCode"), region)) {
                continue;
            }
            rows.add(new Row(link.getString("nik"), link.getString("_id"), c.getString("caseNumber"), c.getString("regionCode"),
                    c.getList("clusters", String.class), c.getString("riskLevel"), c.getString("stage"), instant(c.getDate("registeredAt")),
                    "CLOSED".equals(c.getString("stage")) ? instant(c.getDate("closedAt")) : null));
        }
        rows.sort(java.util.Comparator.comparing(Row::caseNumber, java.util.Comparator.nullsLast(String::compareTo)));
        Instant now = clock.instant();
        mongo.insert(new Document("client", caller.subject()).append("at", Date.from(now)).append("rows", rows.size())
                .append("region", region).append("format", format == null ? "json" : format), "registry_export_audit");
        if (!"csv".equals(format)) {
            return ResponseEntity.ok(new Feed(now, rows.size(), rows));
        }
        StringBuilder csv = new StringBuilder("nik,case_id,case_number,region_code,clusters,risk_level,stage,registered_at,closed_at\r\n");
        for (Row r : rows) {
            csv.append(String.join(",", r.nik(), r.caseId(), nz(r.caseNumber()), r.regionCode(),
                    r.clusters() == null ? "" : String.join(";", r.clusters()), nz(r.riskLevel()), nz(r.stage()),
                    r.registeredAt() == null ? "" : r.registeredAt().toString(), r.closedAt() == null ? "" : r.closedAt().toString())).append("\r\n");
        }
        return ResponseEntity.ok().contentType(new MediaType("text", "csv", StandardCharsets.UTF_8))
                .header(HttpHeaders.CONTENT_DISPOSITION, "attachment; filename=\"amk-registry.csv\"").body(csv.toString());
    }

    private static Instant instant(Date date) {
        return date == null ? null : date.toInstant();
    }

    private static String nz(String value) {
        return value == null ? "" : value;
    }
}
