package id.amk.referrals.referral.web;

import id.amk.contracts.RegionCodes;
import id.amk.platform.idempotency.Idempotency;
import id.amk.platform.audit.ReadAudit;
import id.amk.platform.security.AmkCaller;
import id.amk.platform.web.IfMatch;
import id.amk.platform.web.ProblemException;
import id.amk.referrals.cases.KnownCases;
import id.amk.referrals.provider.ProviderDirectory;
import id.amk.referrals.referral.api.Component;
import id.amk.referrals.referral.api.Facts.CaseFacts;
import id.amk.referrals.referral.api.ReferralCommands.AcceptReferralCommand;
import id.amk.referrals.referral.api.ReferralCommands.CancelReferralCommand;
import id.amk.referrals.referral.api.ReferralCommands.CompleteReferralCommand;
import id.amk.referrals.referral.api.ReferralCommands.DeclineReferralCommand;
import id.amk.referrals.referral.api.ReferralCommands.DescribeReferralCommand;
import id.amk.referrals.referral.api.ReferralCommands.RecordSessionCommand;
import id.amk.referrals.referral.api.ReferralCommands.RequestReferralCommand;
import id.amk.referrals.referral.api.ReferralEvents.ReferralEvent;
import id.amk.referrals.referral.api.ReferralStatus;
import id.amk.referrals.referral.command.CaseTexts;
import id.amk.referrals.referral.command.ReferralRuleViolation;
import id.amk.referrals.referral.command.ReferralState;
import id.amk.referrals.referral.query.ReferralSummary;
import id.amk.referrals.referral.query.ReferralView;
import id.amk.referrals.referral.web.ReferralRequests.Acceptance;
import id.amk.referrals.referral.web.ReferralRequests.Cancellation;
import id.amk.referrals.referral.web.ReferralRequests.Completion;
import id.amk.referrals.referral.web.ReferralRequests.Decline;
import id.amk.referrals.referral.web.ReferralRequests.RequestReferral;
import id.amk.referrals.referral.web.ReferralRequests.Session;
import id.amk.referrals.referral.web.ReferralViews.HistoryEntry;
import id.amk.referrals.referral.web.ReferralViews.Page;
import id.amk.referrals.referral.web.ReferralViews.ReferralDetail;
import id.amk.referrals.referral.web.ReferralViews.Requested;
import id.amk.referrals.referral.web.ReferralViews.Suggestion;
import jakarta.validation.Valid;
import org.axonframework.commandhandling.gateway.CommandGateway;
import org.axonframework.eventsourcing.eventstore.EventStore;
import org.axonframework.modelling.command.AggregateNotFoundException;
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
import org.springframework.web.bind.annotation.RequestHeader;
import org.springframework.web.bind.annotation.RequestMapping;
import org.springframework.web.bind.annotation.RequestParam;
import org.springframework.web.bind.annotation.RestController;

import java.net.URI;
import java.time.Clock;
import java.util.ArrayList;
import java.util.Date;
import java.util.List;
import java.util.Map;
import java.util.Set;
import java.util.UUID;

/**
 * /api/referrals: a worker refers a case to a provider; the provider's users accept or decline, record sessions
 * and complete; the worker may cancel. Lists are scoped to the caller (a partner's list is its agency's inbox).
 * A referral the caller may not see answers exactly as one that does not exist (404). Versions travel as ETag;
 * an If-Match, when sent, must be current (412).
 */
@RestController
@RequestMapping("/api/referrals")
class ReferralController {

    private final CommandGateway commands;
    private final KnownCases cases;
    private final ProviderDirectory providers;
    private final MongoTemplate mongo;
    private final EventStore events;
    private final CaseTexts texts;
    private final Clock clock;

    private final ReadAudit audit;

    ReferralController(CommandGateway commands, KnownCases cases, ProviderDirectory providers, MongoTemplate mongo, EventStore events,
                       CaseTexts texts, Clock clock, ReadAudit audit) {
        this.audit = audit;
        this.commands = commands;
        this.cases = cases;
        this.providers = providers;
        this.mongo = mongo;
        this.events = events;
        this.texts = texts;
        this.clock = clock;
    }

    @PostMapping
    ResponseEntity<Requested> request(@Valid @RequestBody RequestReferral body) {
        AmkCaller caller = caller();
        // a case this service does not know yet, and a case the caller does not work on, look the same
        CaseFacts caseFacts = cases.find(body.caseId()).filter(c -> ReferralAccess.mayRefer(caller, c))
                .orElseThrow(() -> new ReferralRuleViolation("case-unknown", "caseId"));
        var provider = providers.facts(body.providerId()).orElseThrow(() -> new ReferralRuleViolation("provider-unknown", "providerId"));
        // under an Idempotency-Key the id comes from the key: a retry after a crash finds the referral it made
        String referralId = Idempotency.derivedId("referral").orElseGet(() -> UUID.randomUUID().toString());
        commands.sendAndWait(new RequestReferralCommand(referralId, caseFacts, provider, body.components(), body.reason(), body.urgent(),
                body.healthNeed(), body.consentBy(), body.emergencyOverrideReason(), body.capacityOverrideReason(), caller.subject()));
        ReferralState state = current(referralId);
        return ResponseEntity.created(URI.create("/api/referrals/" + referralId)).eTag(IfMatch.etag(state.version()))
                .body(new Requested(referralId, state.status(), state.urgent(), state.respondBy()));
    }

    @GetMapping
    Page<ReferralSummary> list(@RequestParam(required = false) String caseId, @RequestParam(required = false) String providerId,
                        @RequestParam(required = false) ReferralStatus status, @RequestParam(required = false) Boolean overdue,
                        @RequestParam(defaultValue = "0") int page, @RequestParam(defaultValue = "20") int size) {
        AmkCaller caller = caller();
        if (!ReferralAccess.mayList(caller)) {
            throw new ProblemException(HttpStatus.FORBIDDEN, "forbidden", Map.of());
        }
        List<Criteria> filters = new ArrayList<>();
        filters.add(scope(caller));
        if (caseId != null) {
            filters.add(Criteria.where("caseId").is(caseId));
        }
        if (providerId != null) {
            filters.add(Criteria.where("providerId").is(providerId));
        }
        if (status != null) {
            filters.add(Criteria.where("status").is(status.name()));
        }
        Criteria overdueNow = Criteria.where("status").is(ReferralStatus.REQUESTED.name()).and("respondBy").lte(Date.from(clock.instant()));
        if (Boolean.TRUE.equals(overdue)) {
            filters.add(overdueNow);
        } else if (Boolean.FALSE.equals(overdue)) {
            filters.add(new Criteria().norOperator(overdueNow));
        }
        int pageSize = Math.min(Math.max(size, 1), 100);
        int pageNumber = Math.max(page, 0);
        Query query = Query.query(new Criteria().andOperator(filters));
        long total = mongo.count(query, ReferralView.COLLECTION);
        List<ReferralSummary> items = mongo.find(query.with(Sort.by(Sort.Direction.DESC, "lastChangedAt"))
                .skip((long) pageNumber * pageSize).limit(pageSize), ReferralSummary.class, ReferralView.COLLECTION);
        return new Page<>(items, pageNumber, pageSize, total);
    }

    @GetMapping("/{referralId}")
    ResponseEntity<ReferralDetail> get(@PathVariable String referralId) {
        AmkCaller caller = caller();
        ReferralState state = visible(referralId, caller);
        ReferralDetail detail = detail(state, caller);
        // the detail holds the case's words (reason, notes, summary) opened: audited
        audit.record(caller, new ReadAudit.Read("referral", referralId, state.regionCode(), 1));
        return ResponseEntity.ok().eTag(IfMatch.etag(state.version())).body(detail);
    }

    /** Other providers that cover the case's region, offer every component asked for and have room. */
    @GetMapping("/{referralId}/suggestions")
    List<Suggestion> suggestions(@PathVariable String referralId) {
        AmkCaller caller = caller();
        ReferralState state = visible(referralId, caller);
        if (ReferralAccess.mayAnswer(caller, state)) {
            throw new ProblemException(HttpStatus.FORBIDDEN, "forbidden", Map.of());
        }
        return suggestionsFor(state);
    }

    @PostMapping("/{referralId}/acceptance")
    ResponseEntity<ReferralDetail> accept(@PathVariable String referralId, @RequestHeader(value = "If-Match", required = false) String ifMatch,
                                          @Valid @RequestBody(required = false) Acceptance body) {
        return answer(referralId, ifMatch, (actor, v) -> new AcceptReferralCommand(referralId, body == null ? null : body.note(), actor, v));
    }

    @PostMapping("/{referralId}/decline")
    ResponseEntity<ReferralDetail> decline(@PathVariable String referralId, @RequestHeader(value = "If-Match", required = false) String ifMatch,
                                           @Valid @RequestBody Decline body) {
        return answer(referralId, ifMatch, (actor, v) -> new DeclineReferralCommand(referralId, body.reason(), body.detail(), actor, v));
    }

    @PostMapping("/{referralId}/sessions")
    ResponseEntity<ReferralDetail> session(@PathVariable String referralId, @RequestHeader(value = "If-Match", required = false) String ifMatch,
                                           @Valid @RequestBody Session body) {
        return answer(referralId, ifMatch, (actor, v) -> new RecordSessionCommand(referralId, body.deliveredAt(), body.components(),
                body.note(), actor, v));
    }

    @PostMapping("/{referralId}/completion")
    ResponseEntity<ReferralDetail> complete(@PathVariable String referralId, @RequestHeader(value = "If-Match", required = false) String ifMatch,
                                            @Valid @RequestBody Completion body) {
        return answer(referralId, ifMatch, (actor, v) -> new CompleteReferralCommand(referralId, body.outcome(), body.summary(), actor, v));
    }

    @PostMapping("/{referralId}/cancellation")
    ResponseEntity<ReferralDetail> cancel(@PathVariable String referralId, @RequestHeader(value = "If-Match", required = false) String ifMatch,
                                          @Valid @RequestBody Cancellation body) {
        AmkCaller caller = caller();
        ReferralState state = visible(referralId, caller);
        if (!ReferralAccess.mayCancel(caller, state, cases.find(state.caseId()).orElse(null))) {
            throw new ProblemException(HttpStatus.FORBIDDEN, "forbidden", Map.of());
        }
        return send(referralId, ifMatch, caller, (actor, v) -> new CancelReferralCommand(referralId, body.reason(), body.detail(), actor, v));
    }

    private interface CommandFor {
        Object command(String actor, Long expectedVersion);
    }

    /** Only the addressed agency's users answer and serve a referral. */
    private ResponseEntity<ReferralDetail> answer(String referralId, String ifMatch, CommandFor command) {
        AmkCaller caller = caller();
        ReferralState state = visible(referralId, caller);
        if (!ReferralAccess.mayAnswer(caller, state)) {
            throw new ProblemException(HttpStatus.FORBIDDEN, "forbidden", Map.of());
        }
        return send(referralId, ifMatch, caller, command);
    }

    private ResponseEntity<ReferralDetail> send(String referralId, String ifMatch, AmkCaller caller, CommandFor command) {
        commands.sendAndWait(command.command(caller.subject(), IfMatch.version(ifMatch).orElse(null)));
        ReferralState state = current(referralId);
        return ResponseEntity.ok().eTag(IfMatch.etag(state.version())).body(detail(state, caller));
    }

    private ReferralDetail detail(ReferralState state, AmkCaller caller) {
        List<HistoryEntry> history = events.readEvents(state.referralId()).asStream()
                .map(m -> HistoryEntry.of((ReferralEvent) m.getPayload(), sealed -> texts.open(state.caseId(), sealed).orElse(null)))
                .toList();
        boolean needsAnother = state.status() == ReferralStatus.DECLINED || state.escalated() && state.status() == ReferralStatus.REQUESTED;
        List<Suggestion> suggestions = needsAnother && !ReferralAccess.mayAnswer(caller, state) ? suggestionsFor(state) : List.of();
        return ReferralDetail.of(state, clock.instant(), history, suggestions);
    }

    private List<Suggestion> suggestionsFor(ReferralState state) {
        Set<Component> components = state.components();
        return providers.suggestions(state.regionCode(), components, Set.of(state.providerId())).stream().map(Suggestion::of).toList();
    }

    private ReferralState current(String referralId) {
        try {
            return commands.sendAndWait(new DescribeReferralCommand(referralId));
        } catch (AggregateNotFoundException e) {
            throw notFound();
        }
    }

    private ReferralState visible(String referralId, AmkCaller caller) {
        ReferralState state = current(referralId);
        if (!ReferralAccess.maySee(caller, state)) {
            throw notFound();
        }
        return state;
    }

    private static Criteria scope(AmkCaller caller) {
        List<Criteria> any = new ArrayList<>();
        if (caller.has(AmkCaller.Role.PARTNER) && caller.agency() != null) {
            any.add(Criteria.where("agencyId").is(caller.agency()));
        }
        if (caller.has(AmkCaller.Role.PEKSOS) || caller.has(AmkCaller.Role.SUPERVISOR)) {
            caller.regions().forEach(r -> any.add(Criteria.where("regionCode").regex(RegionCodes.containedIn(r))));
        }
        if (caller.has(AmkCaller.Role.PEKSOS)) {
            any.add(Criteria.where("requestedBy").is(caller.subject()));
        }
        return any.isEmpty() ? Criteria.where("_id").is(null) : new Criteria().orOperator(any);
    }

    private static AmkCaller caller() {
        return AmkCaller.current().orElseThrow();
    }

    private static ProblemException notFound() {
        return new ProblemException(HttpStatus.NOT_FOUND, "not-found", Map.of());
    }
}
