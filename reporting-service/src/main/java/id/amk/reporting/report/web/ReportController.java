package id.amk.reporting.report.web;

import id.amk.reporting.coordination.CoordinationProjection;
import id.amk.reporting.people.People;
import id.amk.reporting.projection.Projections;
import id.amk.reporting.report.command.ReportRules;

import id.amk.contracts.RegionCodes;
import id.amk.platform.idempotency.Idempotency;
import id.amk.platform.audit.ReadAudit;
import id.amk.platform.security.AmkCaller;
import id.amk.platform.security.AmkCaller.Role;
import id.amk.platform.web.ProblemException;
import id.amk.reporting.report.api.ReportCommands.AcceptReportCommand;
import id.amk.reporting.report.api.ReportCommands.ChildHint;
import id.amk.reporting.report.api.ReportCommands.DescribeReportCommand;
import id.amk.reporting.report.api.ReportCommands.ForwardReportCommand;
import id.amk.reporting.report.api.ReportCommands.RejectReportCommand;
import id.amk.reporting.report.api.ReportCommands.SubmitReportCommand;
import id.amk.reporting.report.api.ReportDetails;
import id.amk.reporting.report.api.ReportTypes.RejectReason;
import id.amk.reporting.report.api.ReportTypes.ReportStatus;
import id.amk.reporting.report.api.ReportTypes.ReporterType;
import id.amk.reporting.report.api.ReportTypes.Urgency;
import id.amk.reporting.report.command.ReportState;
import id.amk.reporting.report.command.ReportTexts;
import id.amk.reporting.report.query.ReportView;
import jakarta.validation.Valid;
import jakarta.validation.constraints.Max;
import jakarta.validation.constraints.Min;
import jakarta.validation.constraints.NotNull;
import jakarta.validation.constraints.Size;
import org.axonframework.commandhandling.gateway.CommandGateway;
import org.axonframework.modelling.command.AggregateNotFoundException;
import org.bson.Document;
import org.springframework.data.domain.Sort;
import org.springframework.data.mongodb.core.MongoTemplate;
import org.springframework.data.mongodb.core.query.Criteria;
import org.springframework.data.mongodb.core.query.Query;
import org.springframework.http.HttpStatus;
import org.springframework.http.ResponseEntity;
import org.springframework.web.bind.annotation.GetMapping;
import org.springframework.web.bind.annotation.PathVariable;
import org.springframework.web.bind.annotation.PostMapping;
import org.springframework.web.bind.annotation.RequestBody;
import org.springframework.web.bind.annotation.RequestMapping;
import org.springframework.web.bind.annotation.RequestParam;
import org.springframework.web.bind.annotation.RestController;

import java.net.URI;
import java.time.Instant;
import java.util.ArrayList;
import java.util.List;
import java.util.Map;
import java.util.Set;
import java.util.UUID;

/**
 * /api/reports (Lapor Sosial): related parties submit — their own users, or the systems they report through
 * (client credentials with {@code reports.write}) — and get a tracking code to follow the status, which shows no
 * data of the child; workers and supervisors of the report's region triage it.
 */
@RestController
@RequestMapping("/api/reports")
class ReportController {

    record ChildData(@Size(max = 200) String name, @Min(0) @Max(17) Integer estimatedAge, @Size(max = 20) String sex) {
    }

    record SubmitReport(@NotNull ReporterType reporterType, @Size(max = 200) String reporterName, @Size(max = 200) String reporterContact,
                        @NotNull String regionCode, @NotNull @Size(max = 5000) String description, @Valid ChildData child,
                        @NotNull Urgency urgency, Set<@Size(max = 60) String> suspectedClusters) {
    }

    record Submitted(String reportId, String trackingCode, ReportStatus status) {
    }

    enum Decision { ACCEPT, REJECT, FORWARD }

    record Triage(@NotNull Decision decision, String assignedWorker, Urgency urgency, Set<String> suspectedClusters, RejectReason reason,
                  String linkedCaseId, @Size(max = 2000) String detail, String toRegionCode, @Size(max = 2000) String forwardReason) {
    }

    record ReportDetail(String reportId, ReporterType reporterType, String regionCode, Urgency urgency, Set<String> suspectedClusters,
                        ReportStatus status, String caseId, String linkedCaseId, Instant submittedAt, Instant updatedAt,
                        ReportDetails details) {
    }

    private final CommandGateway commands;
    private final MongoTemplate mongo;
    private final ReportTexts texts;
    private final TrackingCodes codes;

    private final People people;
    private final Projections projections;

    private final ReadAudit audit;

    ReportController(CommandGateway commands, MongoTemplate mongo, ReportTexts texts, TrackingCodes codes, People people,
                     Projections projections, ReadAudit audit) {
        this.audit = audit;
        this.people = people;
        this.projections = projections;
        this.commands = commands;
        this.mongo = mongo;
        this.texts = texts;
        this.codes = codes;
    }

    @PostMapping
    ResponseEntity<Submitted> submit(@Valid @RequestBody SubmitReport body) {
        AmkCaller caller = caller();
        if (caller.isMachine() && !caller.hasScope("reports.write")) {
            throw new ProblemException(HttpStatus.FORBIDDEN, "forbidden", Map.of());
        }
        String reportId = Idempotency.derivedId("report").orElseGet(() -> UUID.randomUUID().toString());
        String trackingCode = codes.newCode();
        ChildData child = body.child();
        Object submitted = commands.sendAndWait(new SubmitReportCommand(reportId, body.reporterType(), body.reporterName(), body.reporterContact(),
                body.regionCode(), body.description(), child == null ? null : new ChildHint(child.name(), child.estimatedAge(), child.sex()),
                body.urgency(), body.suspectedClusters(), codes.hash(trackingCode), caller.subject()));
        if (submitted == Idempotency.ALREADY_APPLIED) { // made by an attempt that died before it answered; its code is not kept
            throw new ProblemException(HttpStatus.CONFLICT, "idempotency.answer-lost", Map.of());
        }
        return ResponseEntity.created(URI.create("/api/reports/" + reportId)).body(new Submitted(reportId, trackingCode, ReportStatus.SUBMITTED));
    }

    /** For reporters with an account or a system (the public page sends the code in a body: /api/public/reports/tracking). */
    @GetMapping("/tracking/{trackingCode}")
    TrackingCodes.Tracking track(@PathVariable String trackingCode) {
        return codes.track(trackingCode);
    }

    @GetMapping
    List<Document> list(@RequestParam(required = false) ReportStatus status, @RequestParam(required = false) String region,
                        @RequestParam(defaultValue = "0") int page, @RequestParam(defaultValue = "20") int size) {
        id.amk.platform.web.Filters.region(region, "region");
        AmkCaller caller = caller();
        if (!caller.has(Role.PEKSOS) && !caller.has(Role.SUPERVISOR)) {
            throw new ProblemException(HttpStatus.FORBIDDEN, "forbidden", Map.of());
        }
        List<Criteria> filters = new ArrayList<>();
        List<Criteria> scope = caller.regions().stream().map(r -> Criteria.where("regionCode").regex(regionPrefix(r))).toList();
        filters.add(scope.isEmpty() ? Criteria.where("_id").is(null) : new Criteria().orOperator(scope));
        if (status != null) {
            filters.add(Criteria.where("status").is(status.name()));
        }
        if (region != null) {
            filters.add(Criteria.where("regionCode").regex(regionPrefix(region)));
        }
        Query query = Query.query(new Criteria().andOperator(filters)).with(Sort.by(Sort.Direction.DESC, "submittedAt"))
                .skip((long) Math.max(page, 0) * Math.min(Math.max(size, 1), 100)).limit(Math.min(Math.max(size, 1), 100));
        query.fields().exclude("trackingHash").exclude("version");
        List<Document> items = mongo.find(query, Document.class, ReportView.COLLECTION);
        items.forEach(d -> d.put("reportId", d.remove("_id")));
        return items;
    }

    @GetMapping("/{reportId}")
    ReportDetail get(@PathVariable String reportId) {
        AmkCaller caller = caller();
        ReportState state = triageable(reportId, caller);
        ReportDetail detail = detail(state);
        // the report's details (reporter, child, what happened) opened: audited
        audit.record(caller, new ReadAudit.Read("report", reportId, state.regionCode(), 1));
        return detail;
    }

    /** Accept (case-service registers the case), reject (a duplicate links the existing case) or forward to another region. */
    @PostMapping("/{reportId}/triage")
    ReportDetail triage(@PathVariable String reportId, @Valid @RequestBody Triage body) {
        AmkCaller caller = caller();
        ReportState state = triageable(reportId, caller);
        if (body.decision() == Decision.ACCEPT) {
            checkWorker(caller, body.assignedWorker(), state.regionCode());
        } else if (body.decision() == Decision.REJECT && body.linkedCaseId() != null) {
            checkCase(caller, body.linkedCaseId());
        }
        switch (body.decision()) {
            case ACCEPT -> commands.sendAndWait(new AcceptReportCommand(reportId, body.urgency(), body.suspectedClusters(),
                    body.assignedWorker(), caller.subject()));
            case REJECT -> commands.sendAndWait(new RejectReportCommand(reportId, body.reason(), body.linkedCaseId(), body.detail(),
                    caller.subject()));
            default -> commands.sendAndWait(new ForwardReportCommand(reportId, body.toRegionCode(), body.forwardReason(), caller.subject()));
        }
        return detail(current(reportId));
    }

    /** The worker a report is accepted for is one identity-service announced: a social worker, enabled, in the report's region. */
    private void checkWorker(AmkCaller caller, String worker, String regionCode) {
        if (worker == null || (worker.equals(caller.subject()) && caller.has(Role.PEKSOS) && caller.covers(regionCode))) {
            return;
        }
        switch (people.fitness(worker, regionCode)) {
            case UNKNOWN -> throw ReportRules.violation("worker-unknown", "assignedWorker");
            case NOT_A_WORKER -> throw ReportRules.violation("worker-not-peksos", "assignedWorker");
            case ELSEWHERE -> throw ReportRules.violation("worker-out-of-region", "assignedWorker");
            case FITS -> { }
        }
    }

    /** The case a duplicate report points to is one case-service announced, in a region the triaging person covers. */
    private void checkCase(AmkCaller caller, String caseId) {
        Document thread = projections.active(CoordinationProjection.NAME).byId(CoordinationProjection.THREADS, caseId);
        if (thread == null || thread.getString("regionCode") == null || !caller.covers(thread.getString("regionCode"))) {
            throw ReportRules.violation("case-unknown", "linkedCaseId");
        }
    }

    private ReportDetail detail(ReportState s) {
        return new ReportDetail(s.reportId(), s.reporterType(), s.regionCode(), s.urgency(), s.suspectedClusters(), s.status(), s.caseId(),
                s.linkedCaseId(), s.submittedAt(), s.updatedAt(), texts.open(s.reportId(), s.details()).orElse(null));
    }

    /** Workers and supervisors of the report's (current) region; to anybody else it does not exist. */
    private ReportState triageable(String reportId, AmkCaller caller) {
        ReportState state = current(reportId);
        if (!(caller.has(Role.PEKSOS) || caller.has(Role.SUPERVISOR)) || !caller.covers(state.regionCode())) {
            throw new ProblemException(HttpStatus.NOT_FOUND, "not-found", Map.of());
        }
        return state;
    }

    private ReportState current(String reportId) {
        try {
            return commands.sendAndWait(new DescribeReportCommand(reportId));
        } catch (AggregateNotFoundException e) {
            throw new ProblemException(HttpStatus.NOT_FOUND, "not-found", Map.of());
        }
    }

    private static String regionPrefix(String region) {
        if (!RegionCodes.isCode(region)) {
            throw new ProblemException(HttpStatus.BAD_REQUEST, "validation", Map.of("field", "region"));
        }
        return RegionCodes.containedIn(region);
    }

    private static AmkCaller caller() {
        return AmkCaller.current().orElseThrow();
    }
}
