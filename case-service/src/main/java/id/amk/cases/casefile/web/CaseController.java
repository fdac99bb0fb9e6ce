package id.amk.cases.casefile.web;

import id.amk.platform.web.Filters;
import id.amk.cases.casefile.command.CasePolicies;
import id.amk.cases.casefile.api.RiskLevel;
import id.amk.cases.casefile.api.Stage;
import com.fasterxml.jackson.databind.ObjectMapper;
import id.amk.cases.casefile.api.CaseIds;
import id.amk.cases.casefile.api.Commands.AddProgressNoteCommand;
import id.amk.cases.casefile.api.Commands.AssignWorkerCommand;
import id.amk.cases.casefile.api.Commands.CloseCaseCommand;
import id.amk.cases.casefile.api.Commands.DescribeCaseCommand;
import id.amk.cases.casefile.api.Commands.ErasePersonalDataCommand;
import id.amk.cases.casefile.api.Commands.RecordAssessmentCommand;
import id.amk.cases.casefile.api.Commands.RecordChildDetailsCommand;
import id.amk.cases.casefile.api.Commands.RecordFirstContactCommand;
import id.amk.cases.casefile.api.Commands.RecordFollowUpVisitCommand;
import id.amk.cases.casefile.api.Commands.RecordPlanCommand;
import id.amk.cases.casefile.api.Commands.RegisterCaseCommand;
import id.amk.cases.casefile.api.Commands.ReopenCaseCommand;
import id.amk.cases.casefile.api.Commands.StartInterventionCommand;
import id.amk.cases.casefile.api.Commands.StartReintegrationCommand;
import id.amk.cases.casefile.api.Commands.TransferCaseCommand;
import id.amk.cases.casefile.command.CaseRuleViolation;
import id.amk.cases.casefile.command.ChildVault;
import id.amk.cases.casefile.command.CaseState;
import id.amk.cases.casefile.command.Timeliness;
import id.amk.cases.casefile.command.TimelinessRules;
import id.amk.cases.casefile.query.CaseHistory;
import id.amk.cases.casefile.query.CaseNumbers;
import id.amk.cases.casefile.query.CaseSummary;
import id.amk.cases.casefile.query.SameChild;
import id.amk.cases.casefile.web.CaseRequests.Assessment;
import id.amk.cases.casefile.web.CaseRequests.Assignment;
import id.amk.cases.casefile.web.CaseRequests.Closure;
import id.amk.cases.casefile.web.CaseRequests.FirstContact;
import id.amk.cases.casefile.web.CaseRequests.Note;
import id.amk.cases.casefile.web.CaseRequests.Plan;
import id.amk.cases.casefile.web.CaseRequests.Reason;
import id.amk.cases.casefile.web.CaseRequests.DuplicateCheck;
import id.amk.cases.casefile.web.CaseRequests.RegisterCase;
import id.amk.cases.casefile.web.CaseRequests.Transfer;
import id.amk.cases.casefile.web.CaseRequests.Visit;
import id.amk.cases.casefile.web.CaseViews.CaseDetail;
import id.amk.cases.casefile.web.CaseViews.HistoryEntry;
import id.amk.cases.casefile.web.CaseViews.Page;
import id.amk.cases.casefile.web.CaseViews.Registered;
import id.amk.cases.integration.CaseReferrals;
import id.amk.cases.integration.WorkerDirectory;
import id.amk.contracts.RegionCodes;
import id.amk.platform.idempotency.Idempotency;
import id.amk.cases.search.ChildSearch;
import id.amk.cases.search.LikelyDuplicates;
import id.amk.platform.audit.ReadAudit;
import id.amk.platform.security.AmkCaller;
import id.amk.platform.security.AmkCaller.Role;
import id.amk.platform.web.IfMatch;
import id.amk.platform.web.ProblemException;
import jakarta.validation.Valid;
import org.axonframework.commandhandling.gateway.CommandGateway;
import org.axonframework.modelling.command.AggregateNotFoundException;
import org.springframework.data.domain.Sort;
import org.springframework.data.mongodb.core.MongoTemplate;
import org.springframework.data.mongodb.core.query.Criteria;
import org.springframework.data.mongodb.core.query.Query;
import org.springframework.format.annotation.DateTimeFormat;
import org.springframework.http.HttpStatus;
import org.springframework.http.ResponseEntity;
import org.springframework.web.bind.annotation.DeleteMapping;
import org.springframework.web.bind.annotation.GetMapping;
import org.springframework.web.bind.annotation.PathVariable;
import org.springframework.web.bind.annotation.PostMapping;
import org.springframework.web.bind.annotation.RequestBody;
import org.springframework.web.bind.annotation.RequestHeader;
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
import java.util.function.Function;

/**
 * /api/cases: register, list the caller's caseload, read a case (now or {@code asOf} an instant) and its
 * history, and move it through its stages. Versions travel as ETag / If-Match; a write on a stale version
 * is refused (412). A case outside the caller's scope answers exactly as a case that does not exist (404).
 */
@RestController
@RequestMapping("/api/cases")
class CaseController {

    private final CommandGateway commands;
    private final CaseHistory history;
    private final CaseNumbers numbers;
    private final ReadAudit audit;
    private final MongoTemplate mongo;
    private final ObjectMapper json;
    private final CaseReferrals referrals;
    private final WorkerDirectory workers;
    private final ChildVault vault;
    private final TimelinessRules rules;
    private final ChildSearch childSearch;
    private final LikelyDuplicates duplicates;
    private final SameChild sameChild;

    CaseController(CommandGateway commands, CaseHistory history, CaseNumbers numbers, ReadAudit audit, MongoTemplate mongo,
                   ObjectMapper json, CaseReferrals referrals, WorkerDirectory workers, ChildVault vault, TimelinessRules rules,
                   ChildSearch childSearch, LikelyDuplicates duplicates, SameChild sameChild) {
        this.sameChild = sameChild;
        this.rules = rules;
        this.childSearch = childSearch;
        this.duplicates = duplicates;
        this.commands = commands;
        this.history = history;
        this.numbers = numbers;
        this.audit = audit;
        this.mongo = mongo;
        this.json = json;
        this.referrals = referrals;
        this.workers = workers;
        this.vault = vault;
    }

    @PostMapping
    ResponseEntity<Registered> register(@Valid @RequestBody RegisterCase request) {
        AmkCaller caller = caller();
        if (!CaseAccess.mayWorkOn(caller, request.regionCode(), request.assignedWorker())) {
            throw new ProblemException(HttpStatus.FORBIDDEN, "case.out-of-scope", Map.of("field", "regionCode"));
        }
        if (request.regionCode() == null || !request.regionCode().matches("\\d{2}\\.\\d{2}.*")) {
            throw new CaseRuleViolation("unknown-region", "regionCode");
        }
        // a case from a Lapor Sosial report has an id derived from the report: registering it again finds it there; one
        // registered under an Idempotency-Key has an id derived from the key, so a retry after a crash finds the same case
        String caseId = request.reportId() != null ? CaseIds.fromReport(request.reportId())
                : Idempotency.derivedId("case").orElseGet(CaseIds::fresh);
        checkWorker(caller, request.assignedWorker(), request.regionCode(), "assignedWorker");
        String worker = request.assignedWorker() != null ? request.assignedWorker()
                : caller.has(AmkCaller.Role.PEKSOS) ? caller.subject() : null;
        List<String> notTheSameAs = request.notADuplicate() == null ? List.of() : casesShown(caller, request.notADuplicate().caseIds());
        // a child who has a case already (who returns a year later): the new case is the same child's
        String childId = request.sameChildAs() == null ? null : visibleCase(caller, request.sameChildAs(), "sameChildAs").childOrCase();
        String caseNumber = numbers.next(request.regionCode());
        Object registered = commands.sendAndWait(new RegisterCaseCommand(caseId, caseNumber, request.regionCode(), request.child().toChild(),
                request.clusters(), request.abhRole(), request.riskLevel(), request.source(), request.reportId(), request.consent(),
                worker, caller.subject(), childId));
        if (registered == Idempotency.ALREADY_APPLIED) { // registered by an attempt that died before it answered
            caseNumber = current(caseId).caseNumber();
        }
        if (!notTheSameAs.isEmpty()) {
            recordNotADuplicate(caller, caseId, request.regionCode(), notTheSameAs, request.notADuplicate().reason());
        }
        return ResponseEntity.created(URI.create("/api/cases/" + caseId)).eTag("\"0\"").body(new Registered(caseId, caseNumber));
    }

    /**
     * The existing cases, among those the caller may see, most likely of the child about to be registered (same NIK,
     * a name that sounds the same with the same birth date, phone or district, ...), with the reasons; compared on the
     * views' keyed hashes only. POST: the child's details stay out of URLs and logs. Audited like a search.
     */
    @PostMapping("/likely-duplicates")
    List<CaseViews.LikelyDuplicate> likelyDuplicates(@Valid @RequestBody DuplicateCheck check) {
        AmkCaller caller = caller();
        if (!CaseAccess.mayList(caller)) {
            throw new ProblemException(HttpStatus.FORBIDDEN, "forbidden", Map.of());
        }
        if (!RegionCodes.isCode(check.regionCode())) {
            throw new CaseRuleViolation("unknown-region", "regionCode");
        }
        List<CaseViews.LikelyDuplicate> found = duplicates.of(check.child().toChild(), check.regionCode(), scope(caller)).stream()
                .map(f -> CaseViews.LikelyDuplicate.of(f, sealed -> vault.openText(f.summary().caseId(), sealed).orElse(null))).toList();
        audit.record(caller, new ReadAudit.Read("case.duplicate-check", null, check.regionCode(), found.size()));
        return found;
    }

    /** A case the caller may see, named in a request's field; one they may not is a mistake of the request (400, naming the field). */
    private CaseSummary visibleCase(AmkCaller caller, String caseId, String field) {
        CaseSummary found = mongo.findOne(Query.query(new Criteria().andOperator(scope(caller), Criteria.where("_id").is(caseId))), CaseSummary.class);
        if (found == null) {
            throw new ProblemException(HttpStatus.BAD_REQUEST, "validation", Map.of("field", field));
        }
        return found;
    }

    /** The case numbers of cases the caller was shown; a case they may not see is a mistake of the request. */
    private List<String> casesShown(AmkCaller caller, List<String> caseIds) {
        List<CaseSummary> shown = mongo.find(Query.query(new Criteria().andOperator(scope(caller), Criteria.where("_id").in(caseIds))), CaseSummary.class);
        if (shown.size() != Set.copyOf(caseIds).size()) {
            throw new ProblemException(HttpStatus.BAD_REQUEST, "validation", Map.of("field", "notADuplicate.caseIds"));
        }
        return shown.stream().map(CaseSummary::caseNumber).sorted().toList();
    }

    /**
     * A worker registered a new case although likely duplicates were shown: why goes into the new case's history as its
     * first note (expected at version 0, so a retried registration does not write it twice) and into the audit.
     */
    private void recordNotADuplicate(AmkCaller caller, String caseId, String regionCode, List<String> caseNumbers, String reason) {
        try {
            commands.sendAndWait(new AddProgressNoteCommand(caseId, "Bukan anak yang sama dengan " + String.join(", ", caseNumbers)
                    + " / not the child of " + String.join(", ", caseNumbers) + ": " + reason.strip(), caller.subject(), 0L));
        } catch (org.axonframework.modelling.command.ConflictingAggregateVersionException alreadyWritten) {
            return; // an earlier attempt of this registration wrote it
        }
        audit.record(caller, new ReadAudit.Read("case.not-a-duplicate", caseId, regionCode, caseNumbers.size()));
    }

    @GetMapping
    Page list(@RequestParam(required = false) Stage stage, @RequestParam(required = false) String cluster,
              @RequestParam(required = false) RiskLevel riskLevel, @RequestParam(required = false) String region,
              @RequestParam(required = false) String worker, @RequestParam(required = false) Boolean overdue,
              @RequestParam(required = false) String nik, @RequestParam(required = false) String name,
              @RequestParam(required = false) Integer birthYear, @RequestParam(required = false) String sex,
              @RequestParam(defaultValue = "0") int page,
              @RequestParam(defaultValue = "20") int size, @RequestParam(defaultValue = "changed") String sort) {
        AmkCaller caller = caller();
        if (!CaseAccess.mayList(caller)) {
            throw new ProblemException(HttpStatus.FORBIDDEN, "forbidden", Map.of());
        }
        // a filter value nobody can have is a mistake to be told of, not an empty page
        if (cluster != null && !CasePolicies.CLUSTERS.contains(cluster)) {
            throw new CaseRuleViolation("unknown-cluster", "cluster");
        }
        Filters.region(region, "region");
        List<Criteria> filters = new ArrayList<>();
        filters.add(scope(caller));
        if (stage != null) {
            filters.add(Criteria.where("stage").is(stage.name()));
        }
        if (cluster != null) {
            filters.add(Criteria.where("clusters").is(cluster));
        }
        if (riskLevel != null) {
            filters.add(Criteria.where("riskLevel").is(riskLevel.name()));
        }
        if (region != null) {
            filters.add(Criteria.where("regionCode").regex(regionPrefix(region)));
        }
        if (worker != null) {
            filters.add(Criteria.where("assignedWorker").is(worker));
        }
        if (overdue != null) {
            filters.add(overdue ? Criteria.where("overdue.0").exists(true) : Criteria.where("overdue.0").exists(false));
        }
        // finding a child: by keyed hashes of the terms, in the cases the caller may see (ChildSearch)
        ChildSearch.Terms terms = searchTerms(nik, name, birthYear, sex);
        if (terms.any()) {
            Criteria search = childSearch.criteria(terms);
            if (search == null) {
                // only titles (bin, Hj., ...): nothing that tells a child from another
                throw new ProblemException(HttpStatus.BAD_REQUEST, "validation", Map.of("field", "name"));
            }
            filters.add(search);
        }
        int pageSize = Math.min(Math.max(size, 1), 100);
        int pageNumber = Math.max(page, 0);
        Query query = Query.query(new Criteria().andOperator(filters));
        long total = mongo.count(query, CaseSummary.class);
        // "due": what needs the worker first (overdue, then the nearest deadline); "changed": the latest change first
        Sort order = switch (sort) {
            case "due" -> Sort.by(Sort.Order.asc("attentionAt"), Sort.Order.desc("lastChangedAt"));
            case "changed" -> Sort.by(Sort.Direction.DESC, "lastChangedAt");
            default -> throw new CaseRuleViolation("unknown-sort", "sort");
        };
        List<CaseViews.CaseItem> items = mongo.find(query.with(order)
                .skip((long) pageNumber * pageSize).limit(pageSize), CaseSummary.class).stream()
                .map(summary -> CaseViews.CaseItem.of(summary, sealed -> vault.openText(summary.caseId(), sealed).orElse(null))).toList();
        // a caseload names children: every page read is audited, with the region it covered and how many it showed
        audit.record(caller, new ReadAudit.Read(terms.any() ? "caseload.search:" + terms.kinds() : "caseload", null, region != null ? region
                : caller.regions().isEmpty() ? null : caller.regions().get(0), items.size()));
        return new Page(items, pageNumber, pageSize, total);
    }

    @GetMapping("/{caseId}")
    ResponseEntity<CaseDetail> get(@PathVariable String caseId,
                                   @RequestParam(required = false) @DateTimeFormat(iso = DateTimeFormat.ISO.DATE_TIME) Instant asOf) {
        AmkCaller caller = caller();
        CaseState now = readable(caseId, caller);
        String purpose = purposeOfReading(caller, now);
        CaseState state = asOf == null ? now : history.stateAsOf(caseId, asOf).orElseThrow(CaseController::notFound);
        audit.record(caller, new ReadAudit.Read(asOf == null ? "case" : "case.as-of", caseId, state.regionCode(), 1, purpose));
        return ResponseEntity.ok().eTag(IfMatch.etag(state.version())).body(asOf == null ? detail(state) : detail(state, asOf));
    }

    @GetMapping("/{caseId}/history")
    List<HistoryEntry> history(@PathVariable String caseId) {
        AmkCaller caller = caller();
        CaseState state = readable(caseId, caller);
        audit.record(caller, new ReadAudit.Read("case.history", caseId, state.regionCode(), 1, purposeOfReading(caller, state)));
        return history.messages(caseId).stream()
                .map(m -> HistoryEntry.of(m, json, note -> vault.openText(caseId, note).orElse(null))).toList();
    }

    @PostMapping("/{caseId}/assignment")
    ResponseEntity<CaseDetail> assign(@PathVariable String caseId, @RequestHeader(value = "If-Match", required = false) String ifMatch,
                                      @Valid @RequestBody Assignment body) {
        AmkCaller caller = caller();
        CaseState state = readable(caseId, caller);
        checkWorker(caller, body.worker(), state.regionCode(), "worker");
        return change(caseId, ifMatch, (actor, v) -> new AssignWorkerCommand(caseId, body.worker(), body.reason(), actor, v));
    }

    @PostMapping("/{caseId}/first-contact")
    ResponseEntity<CaseDetail> firstContact(@PathVariable String caseId, @RequestHeader(value = "If-Match", required = false) String ifMatch,
                                            @Valid @RequestBody FirstContact body) {
        return change(caseId, ifMatch, (actor, v) -> new RecordFirstContactCommand(caseId, body.contactedAt(), body.note(), actor, v));
    }

    @PostMapping("/{caseId}/assessment")
    ResponseEntity<CaseDetail> assess(@PathVariable String caseId, @RequestHeader(value = "If-Match", required = false) String ifMatch,
                                      @Valid @RequestBody Assessment body) {
        return change(caseId, ifMatch, (actor, v) -> new RecordAssessmentCommand(caseId, body.needs(), body.risks(),
                body.recommendedComponents(), body.riskLevel(), actor, v));
    }

    @PostMapping("/{caseId}/plan")
    ResponseEntity<CaseDetail> plan(@PathVariable String caseId, @RequestHeader(value = "If-Match", required = false) String ifMatch,
                                    @Valid @RequestBody Plan body) {
        return change(caseId, ifMatch, (actor, v) -> new RecordPlanCommand(caseId, body.goals(), body.actions(), actor, v));
    }

    @PostMapping("/{caseId}/intervention")
    ResponseEntity<CaseDetail> intervene(@PathVariable String caseId, @RequestHeader(value = "If-Match", required = false) String ifMatch) {
        return change(caseId, ifMatch, (actor, v) -> new StartInterventionCommand(caseId, actor, v));
    }

    @PostMapping("/{caseId}/reintegration")
    ResponseEntity<CaseDetail> reintegrate(@PathVariable String caseId, @RequestHeader(value = "If-Match", required = false) String ifMatch,
                                           @Valid @RequestBody Reason body) {
        return change(caseId, ifMatch, (actor, v) -> new StartReintegrationCommand(caseId, body.reason(), actor, v));
    }

    @PostMapping("/{caseId}/closure")
    ResponseEntity<CaseDetail> close(@PathVariable String caseId, @RequestHeader(value = "If-Match", required = false) String ifMatch,
                                     @Valid @RequestBody Closure body) {
        return change(caseId, ifMatch, (actor, v) -> new CloseCaseCommand(caseId, body.reason(), body.outcome(), actor, v));
    }

    @PostMapping("/{caseId}/follow-up-visits")
    ResponseEntity<CaseDetail> followUp(@PathVariable String caseId, @RequestHeader(value = "If-Match", required = false) String ifMatch,
                                        @Valid @RequestBody Visit body) {
        return change(caseId, ifMatch, (actor, v) -> new RecordFollowUpVisitCommand(caseId, body.visitedAt(), body.note(), actor, v));
    }

    @PostMapping("/{caseId}/reopening")
    ResponseEntity<CaseDetail> reopen(@PathVariable String caseId, @RequestHeader(value = "If-Match", required = false) String ifMatch,
                                      @Valid @RequestBody Reason body) {
        return change(caseId, ifMatch, (actor, v) -> new ReopenCaseCommand(caseId, body.reason(), actor, v));
    }

    @PostMapping("/{caseId}/transfer")
    ResponseEntity<CaseDetail> transfer(@PathVariable String caseId, @RequestHeader(value = "If-Match", required = false) String ifMatch,
                                        @Valid @RequestBody Transfer body) {
        AmkCaller caller = caller();
        CaseState state = readable(caseId, caller);
        checkWorker(caller, body.toWorker(), body.toRegionCode() != null ? body.toRegionCode() : state.regionCode(), "toWorker");
        return change(caseId, ifMatch, (actor, v) -> new TransferCaseCommand(caseId, body.toRegionCode(), body.toWorker(), body.reason(),
                actor, v));
    }

    @PostMapping("/{caseId}/child")
    ResponseEntity<CaseDetail> child(@PathVariable String caseId, @RequestHeader(value = "If-Match", required = false) String ifMatch,
                                     @Valid @RequestBody CaseRequests.ChildDetails body) {
        return change(caseId, ifMatch, (actor, v) -> new RecordChildDetailsCommand(caseId, body.toChild(), body.abhRole(), actor, v));
    }

    /**
     * The case is of the same child as another case the caller may see: the two are one child from now on (counted so,
     * and erased together when the child's data is). Why is required and sealed; audited.
     */
    @PostMapping("/{caseId}/child-link")
    ResponseEntity<CaseDetail> linkChild(@PathVariable String caseId, @RequestHeader(value = "If-Match", required = false) String ifMatch,
                                         @Valid @RequestBody CaseRequests.ChildLink body) {
        AmkCaller caller = caller();
        CaseState state = readable(caseId, caller);
        CaseSummary other = visibleCase(caller, body.sameChildAs(), "sameChildAs");
        ResponseEntity<CaseDetail> linked = change(caseId, ifMatch, (actor, v) -> new id.amk.cases.casefile.api.Commands.LinkChildCommand(caseId,
                other.childOrCase(), other.caseId(), other.caseNumber(), body.reason(), actor, v));
        audit.record(caller, new ReadAudit.Read("case.child-link", caseId, state.regionCode(), 1));
        return linked;
    }

    @PostMapping("/{caseId}/notes")
    ResponseEntity<CaseDetail> note(@PathVariable String caseId, @RequestHeader(value = "If-Match", required = false) String ifMatch,
                                    @Valid @RequestBody Note body) {
        return change(caseId, ifMatch, (actor, v) -> new AddProgressNoteCommand(caseId, body.note(), actor, v));
    }

    /**
     * Keeps the case's personal data for legal proceedings (the court's case number as the reason): no retention, no
     * erasure, until released. A SUPERVISOR of the case's province; If-Match like every change.
     */
    @PostMapping("/{caseId}/legal-hold")
    ResponseEntity<CaseDetail> placeLegalHold(@PathVariable String caseId, @RequestHeader(value = "If-Match", required = false) String ifMatch,
                                              @Valid @RequestBody Reason body) {
        supervisorOf(caseId);
        return change(caseId, ifMatch, (actor, v) -> new id.amk.cases.casefile.api.Commands.PlaceLegalHoldCommand(caseId, body.reason(), actor, v));
    }

    @DeleteMapping("/{caseId}/legal-hold")
    ResponseEntity<CaseDetail> releaseLegalHold(@PathVariable String caseId, @RequestHeader(value = "If-Match", required = false) String ifMatch,
                                                @Valid @RequestBody Reason body) {
        supervisorOf(caseId);
        return change(caseId, ifMatch, (actor, v) -> new id.amk.cases.casefile.api.Commands.ReleaseLegalHoldCommand(caseId, body.reason(), actor, v));
    }

    private void supervisorOf(String caseId) {
        AmkCaller caller = caller();
        CaseState state = current(caseId);
        if (!(caller.has(AmkCaller.Role.SUPERVISOR) && caller.covers(state.regionCode()))) {
            throw CaseAccess.mayWorkOn(caller, state.regionCode(), state.assignedWorker())
                    ? new ProblemException(HttpStatus.FORBIDDEN, "forbidden", Map.of()) : notFound();
        }
    }

    /**
     * Erases the child's personal data (UU PDP 27/2022): an ADMIN, or a SUPERVISOR of the case's province, with a reason.
     * Afterwards nobody can read the name, NIK, birth date, address or contacts; the case's history stays.
     */
    @DeleteMapping("/{caseId}/personal-data")
    ResponseEntity<Void> erase(@PathVariable String caseId, @Valid @RequestBody CaseRequests.Erasure body) {
        AmkCaller caller = caller();
        CaseState state = current(caseId);
        if (!mayErase(caller, state.regionCode())) {
            throw CaseAccess.mayWorkOn(caller, state.regionCode(), state.assignedWorker())
                    ? new ProblemException(HttpStatus.FORBIDDEN, "forbidden", Map.of()) : notFound();
        }
        List<String> cases = new ArrayList<>();
        if (body.allCasesOfChild()) {
            // the child's request reaches every case of the child; one the caller may not erase stops it before anything is erased
            // (and one kept for legal proceedings): each is checked as it stands now, not as its view last showed it
            for (CaseSummary other : sameChild.all(state.childId())) {
                CaseState now = other.caseId().equals(caseId) ? state : current(other.caseId());
                if (!mayErase(caller, now.regionCode())) {
                    throw new ProblemException(HttpStatus.FORBIDDEN, "case.erasure-beyond-scope", Map.of("field", "allCasesOfChild"));
                }
                if (now.legalHold()) {
                    throw new CaseRuleViolation("legal-hold", "allCasesOfChild");
                }
                if (!now.caseId().equals(caseId) && now.childId().equals(state.childId())) {
                    cases.add(now.caseId());
                }
            }
        }
        cases.add(0, caseId);
        for (String erased : cases) { // each erasure is idempotent: a retry after a failure part-way erases the rest
            commands.sendAndWait(new ErasePersonalDataCommand(erased, body.reason(), caller.subject()));
        }
        return ResponseEntity.noContent().build();
    }

    /** An ADMIN, or a SUPERVISOR of the case's province. */
    private static boolean mayErase(AmkCaller caller, String regionCode) {
        return caller.has(AmkCaller.Role.ADMIN) || caller.has(AmkCaller.Role.SUPERVISOR) && caller.covers(regionCode);
    }

    /**
     * A worker named in a request is one identity-service announced: a social worker, enabled, working in the region
     * (400 worker-unknown, worker-not-peksos, worker-out-of-region, naming the field). A worker naming themselves is
     * vouched for by their token.
     */
    private void checkWorker(AmkCaller caller, String worker, String regionCode, String field) {
        if (worker == null || regionCode == null
                || (worker.equals(caller.subject()) && caller.has(AmkCaller.Role.PEKSOS) && caller.covers(regionCode))) {
            return;
        }
        switch (workers.fitness(worker, regionCode)) {
            case UNKNOWN -> throw new CaseRuleViolation("worker-unknown", field);
            case NOT_A_WORKER -> throw new CaseRuleViolation("worker-not-peksos", field);
            case ELSEWHERE -> throw new CaseRuleViolation("worker-out-of-region", field);
            case FITS -> { }
        }
    }

    /** The case now, from the aggregate (see DescribeCaseCommand); 404 when there is no such case. */
    private CaseState current(String caseId) {
        try {
            return commands.sendAndWait(new DescribeCaseCommand(caseId));
        } catch (AggregateNotFoundException e) {
            throw notFound();
        }
    }

    private CaseDetail detail(CaseState state) {
        return CaseDetail.of(state, vault.open(state.caseId(), state.child()).orElse(null), text -> vault.openText(state.caseId(), text).orElse(null), referrals.of(state.caseId()),
                Timeliness.current(state, rules).orElse(null), sameChildCases(state));
    }

    private CaseViews.SameChildCases sameChildCases(CaseState state) {
        return CaseViews.SameChildCases.of(sameChild.others(state.childId(), state.caseId(), scope(caller())));
    }

    /** The case as it stood at an instant: its state folded from the events up to then, its referrals as they were then. */
    private CaseDetail detail(CaseState state, Instant asOf) {
        return CaseDetail.of(state, vault.open(state.caseId(), state.child()).orElse(null), text -> vault.openText(state.caseId(), text).orElse(null), referrals.asOf(state.caseId(), asOf),
                Timeliness.current(state, rules).orElse(null), sameChildCases(state));
    }

    private interface CommandFor {
        Object command(String actor, Long expectedVersion);
    }

    /** The search terms, each checked: a NIK of 16 digits, a name of 2 to 100 characters, a plausible year, M or F. */
    private static ChildSearch.Terms searchTerms(String nik, String name, Integer birthYear, String sex) {
        if (nik != null && !nik.strip().matches("\\d{16}")) {
            throw new ProblemException(HttpStatus.BAD_REQUEST, "validation", Map.of("field", "nik"));
        }
        String trimmed = name == null || name.isBlank() ? null : name.strip();
        if (trimmed != null && (trimmed.length() < 2 || trimmed.length() > 100)) {
            throw new ProblemException(HttpStatus.BAD_REQUEST, "validation", Map.of("field", "name"));
        }
        if (birthYear != null && (birthYear < 1900 || birthYear > 2100)) {
            throw new ProblemException(HttpStatus.BAD_REQUEST, "validation", Map.of("field", "birthYear"));
        }
        if (sex != null && !sex.equals("M") && !sex.equals("F")) {
            throw new ProblemException(HttpStatus.BAD_REQUEST, "validation", Map.of("field", "sex"));
        }
        return new ChildSearch.Terms(nik == null ? null : nik.strip(), trimmed, birthYear, sex);
    }

    /** A change needs the version the caller saw (If-Match); the case refuses it when it has moved on since. */
    private ResponseEntity<CaseDetail> change(String caseId, String ifMatch, CommandFor command) {
        AmkCaller caller = caller();
        readable(caseId, caller);
        long expected = IfMatch.version(ifMatch)
                .orElseThrow(() -> new ProblemException(HttpStatus.PRECONDITION_REQUIRED, "case.if-match-required", Map.of()));
        commands.sendAndWait(command.command(caller.subject(), expected));
        CaseState state = current(caseId);
        return ResponseEntity.ok().eTag(IfMatch.etag(state.version())).body(detail(state));
    }

    /**
     * Why the case is read, for its audit entry. The file of a child in conflict with the law (ABH) is confidential
     * (UU 11/2012 art. 19): anyone but its assigned worker states a purpose ({@code X-Purpose}: supervision, the court's
     * request and its number, ...) or is answered 428 {@code case.purpose-required}; the worker's is their case work, as is
     * a regional worker's while nobody is assigned yet (a case from a report, to be taken on).
     */
    private static String purposeOfReading(AmkCaller caller, CaseState state) {
        String stated = ReadAudit.purposeOfTheRequest();
        if (stated != null || !state.clusters().contains("ABH")) {
            return stated;
        }
        if (caller.subject().equals(state.assignedWorker()) || state.assignedWorker() == null && caller.has(Role.PEKSOS)) {
            return CASE_WORK;
        }
        throw new ProblemException(HttpStatus.PRECONDITION_REQUIRED, "case.purpose-required", Map.of("header", ReadAudit.PURPOSE_HEADER));
    }

    /** The purpose kept for the assigned worker's own reads of an ABH case. */
    static final String CASE_WORK = "case-work";

    private CaseState readable(String caseId, AmkCaller caller) {
        CaseState state = current(caseId);
        if (!CaseAccess.mayWorkOn(caller, state.regionCode(), state.assignedWorker())) {
            throw notFound();
        }
        return state;
    }

    private static Criteria scope(AmkCaller caller) {
        List<Criteria> any = new ArrayList<>();
        caller.regions().forEach(r -> any.add(Criteria.where("regionCode").regex(regionPrefix(r))));
        if (caller.has(AmkCaller.Role.PEKSOS)) {
            any.add(Criteria.where("assignedWorker").is(caller.subject()));
        }
        return any.isEmpty() ? Criteria.where("_id").is(null) : new Criteria().orOperator(any);
    }

    /** The region and everything inside it: "32.73" matches "32.73" and "32.73.01.1001", not "32.731". */
    private static String regionPrefix(String region) {
        if (!RegionCodes.isCode(region)) {
            throw new ProblemException(HttpStatus.BAD_REQUEST, "validation", Map.of("field", "region"));
        }
        return RegionCodes.containedIn(region);
    }

    private static AmkCaller caller() {
        return AmkCaller.current().orElseThrow();
    }

    private static ProblemException notFound() {
        return new ProblemException(HttpStatus.NOT_FOUND, "not-found", Map.of());
    }
}
