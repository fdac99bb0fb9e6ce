package id.amk.reporting.monitoring;

import id.amk.platform.security.AmkCaller;
import id.amk.platform.security.AmkCaller.Role;
import id.amk.platform.web.ProblemException;
import org.springframework.http.HttpHeaders;
import org.springframework.http.HttpStatus;
import org.springframework.http.MediaType;
import org.springframework.http.ResponseEntity;
import org.springframework.web.bind.annotation.GetMapping;
import org.springframework.web.bind.annotation.RequestMapping;
import org.springframework.web.bind.annotation.RequestParam;
import org.springframework.web.bind.annotation.RestController;

import java.util.ArrayList;
import java.util.List;
import java.util.Map;

/**
 * /api/dashboards: the ministry's monitoring, national -> province -> regency ({@code region}), as JSON or, with
 * {@code format=csv}, as the CSV of the table. Ministry analysts and admins see the nation, supervisors their
 * province, ministry systems with {@code monitoring.read} the nation. Nothing here identifies a child.
 */
@RestController
@RequestMapping("/api/dashboards")
class DashboardController {

    private static final MediaType CSV = new MediaType("text", "csv", java.nio.charset.StandardCharsets.UTF_8);

    private final Dashboards dashboards;

    DashboardController(Dashboards dashboards) {
        this.dashboards = dashboards;
    }

    @GetMapping("/cases")
    ResponseEntity<?> cases(@RequestParam(required = false) String region, @RequestParam(required = false) String month,
                            @RequestParam(required = false) String format) {
        Dashboards.CaseFigures figures = dashboards.cases(scope(region), month(month));
        if (!"csv".equals(format(format))) {
            return ResponseEntity.ok(figures);
        }
        List<List<Object>> rows = new ArrayList<>();
        figures.drillDown().forEach(r -> rows.add(java.util.Arrays.asList(r.region(), r.total(), r.children(), r.open(), r.closed(),
                r.deadlineBreaches(), r.onTimeShare())));
        return csv("cases", List.of("region", "total", "children", "open", "closed", "deadline_breaches", "on_time_share"), rows);
    }

    @GetMapping("/referrals")
    ResponseEntity<?> referrals(@RequestParam(required = false) String region, @RequestParam(required = false) String month,
                                @RequestParam(required = false) String format) {
        Dashboards.ReferralFigures figures = dashboards.referrals(scope(region), month(month));
        if (!"csv".equals(format(format))) {
            return ResponseEntity.ok(figures);
        }
        List<List<Object>> rows = new ArrayList<>();
        figures.byStatus().forEach((status, n) -> rows.add(List.of("status", status, n)));
        figures.byOutcome().forEach((outcome, n) -> rows.add(List.of("outcome", outcome, n)));
        figures.byProvider().forEach((provider, n) -> rows.add(List.of("provider", provider, n)));
        return csv("referrals", List.of("dimension", "value", "referrals"), rows);
    }

    @GetMapping("/workers")
    ResponseEntity<?> workers(@RequestParam(required = false) String region, @RequestParam(required = false) String month,
                              @RequestParam(required = false) String format) {
        List<Dashboards.WorkerRow> workers = dashboards.workers(scope(region), month(month));
        if (!"csv".equals(format(format))) {
            return ResponseEntity.ok(workers);
        }
        List<List<Object>> rows = new ArrayList<>();
        workers.forEach(w -> rows.add(java.util.Arrays.asList(w.worker(), w.name(), w.cases(), w.caseload(), w.medianHoursToFirstContact(),
                w.medianHoursToAssessment(), w.onTimeShare(), w.closures())));
        return csv("workers", List.of("worker", "name", "cases", "caseload", "median_hours_to_first_contact", "median_hours_to_assessment",
                "on_time_share", "closures"), rows);
    }

    /** JSON (the default) or CSV; anything else is a mistake to be told of. */
    private static String format(String format) {
        if (format != null && !format.equals("json") && !format.equals("csv")) {
            throw new ProblemException(HttpStatus.BAD_REQUEST, "validation", Map.of("field", "format"));
        }
        return format;
    }

    /** A registration month, {@code yyyy-MM}, or all months. */
    private static String month(String month) {
        if (month != null && !month.matches("\\d{4}-(0[1-9]|1[0-2])")) {
            throw new ProblemException(HttpStatus.BAD_REQUEST, "validation", Map.of("field", "month"));
        }
        return month;
    }

    /** The region the caller may see: a supervisor stays inside their province; null is national. */
    private static String scope(String region) {
        id.amk.platform.web.Filters.region(region, "region");
        AmkCaller caller = AmkCaller.current().orElseThrow();
        if (caller.has(Role.MINISTRY_ANALYST) || caller.has(Role.ADMIN) || caller.isMachine() && caller.hasScope("monitoring.read")) {
            return region;
        }
        if (caller.has(Role.SUPERVISOR)) {
            if (region == null && caller.regions().size() == 1) {
                return caller.regions().get(0);
            }
            if (region != null && caller.covers(region)) {
                return region;
            }
        }
        throw new ProblemException(HttpStatus.FORBIDDEN, "forbidden", Map.of());
    }

    private static ResponseEntity<String> csv(String name, List<String> header, List<List<Object>> rows) {
        StringBuilder out = new StringBuilder(String.join(",", header)).append("\r\n");
        for (List<Object> row : rows) {
            List<String> cells = new ArrayList<>();
            for (Object cell : row) {
                cells.add(cell == null ? "" : escape(cell.toString()));
            }
            out.append(String.join(",", cells)).append("\r\n");
        }
        return ResponseEntity.ok().contentType(CSV)
                .header(HttpHeaders.CONTENT_DISPOSITION, "attachment; filename=\"amk-" + name + ".csv\"").body(out.toString());
    }

    /** RFC 4180 quoting, and no formula injection when opened in a spreadsheet. */
    private static String escape(String value) {
        String safe = value.matches("^[=+\\-@].*") && !value.matches("^-?\\d.*") ? "'" + value : value;
        return safe.matches(".*[\",\r\n].*") ? "\"" + safe.replace("\"", "\"\"") + "\"" : safe;
    }
}
