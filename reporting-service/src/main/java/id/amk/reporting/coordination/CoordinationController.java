package id.amk.reporting.coordination;

import id.amk.platform.idempotency.Idempotency;
import id.amk.platform.audit.ReadAudit;
import id.amk.platform.security.AmkCaller;
import id.amk.platform.security.AmkCaller.Role;
import id.amk.platform.web.ProblemException;
import id.amk.reporting.notification.WhoToTell;
import id.amk.reporting.privacy.CaseTexts;
import id.amk.reporting.people.Agencies;
import id.amk.platform.web.RuleViolation;
import id.amk.reporting.projection.ProjectionStore;
import id.amk.reporting.projection.Projections;
import jakarta.validation.Valid;
import jakarta.validation.constraints.NotBlank;
import jakarta.validation.constraints.NotNull;
import jakarta.validation.constraints.Size;
import org.bson.Document;
import org.springframework.data.domain.Sort;
import org.springframework.dao.DuplicateKeyException;
import org.springframework.data.mongodb.core.MongoTemplate;
import org.springframework.data.mongodb.core.query.Criteria;
import org.springframework.data.mongodb.core.query.Query;
import org.springframework.data.mongodb.core.query.Update;
import org.springframework.http.HttpStatus;
import org.springframework.http.ResponseEntity;
import org.springframework.web.bind.annotation.GetMapping;
import org.springframework.web.bind.annotation.PathVariable;
import org.springframework.web.bind.annotation.PostMapping;
import org.springframework.web.bind.annotation.RequestBody;
import org.springframework.web.bind.annotation.RequestMapping;
import org.springframework.web.bind.annotation.RestController;

import java.time.Clock;
import java.time.Instant;
import java.time.LocalDate;
import java.util.Comparator;
import java.util.Date;
import java.util.LinkedHashSet;
import java.util.List;
import java.util.Map;
import java.util.Set;
import java.util.UUID;
import java.util.regex.Pattern;

/**
 * /api/coordination/{caseId}: the case's coordination with related parties — participants (the case's worker and
 * supervisors, the agencies its referrals involve, agencies invited), messages, action items with a party, a due date
 * and a status, and the progress timeline from case and referral events. Each party sees what it may: a partner sees
 * messages with NIK-like numbers masked; a ministry analyst sees the timeline only; others get 404.
 */
@RestController
@RequestMapping("/api/coordination/{caseId}")
class CoordinationController {

    static final String MESSAGES = "coordination_messages";
    static final String ACTIONS = "coordination_actions";
    static final String INVITED = "coordination_participants";
    private static final Pattern NIK = Pattern.compile("\\b\\d{16}\\b");

    enum ActionStatus { OPEN, DONE, CANCELLED }

    record Message(@NotBlank @Size(max = 4000) String text) {
    }

    record NewAction(@NotBlank @Size(max = 500) String title, @NotBlank @Size(max = 100) String assignee, @NotNull LocalDate due) {
    }

    record ActionUpdate(@NotNull ActionStatus status) {
    }

    record Invitation(@NotBlank @Size(max = 100) String agencyId) {
    }

    record Entry(Instant at, String kind, Map<String, Object> details) {
    }

    record MessageView(String id, String author, Instant at, String text) {
    }

    record ActionView(String id, String title, String assignee, LocalDate due, ActionStatus status, boolean overdue, String createdBy,
                      Instant changedAt) {
    }

    record Thread(String caseId, String caseNumber, String regionCode, String stage, String worker, Set<String> agencies,
                  List<Entry> timeline, List<MessageView> messages, List<ActionView> actions) {
    }

    private final Projections projections;
    private final MongoTemplate mongo;
    private final CaseTexts texts;
    private final Clock clock;

    private final WhoToTell notices;

    private final Agencies agencyDirectory;

    private final ReadAudit audit;

    CoordinationController(Projections projections, MongoTemplate mongo, CaseTexts texts, Clock clock, WhoToTell notices,
                           Agencies agencyDirectory, ReadAudit audit) {
        this.audit = audit;
        this.agencyDirectory = agencyDirectory;
        this.notices = notices;
        this.projections = projections;
        this.mongo = mongo;
        this.texts = texts;
        this.clock = clock;
    }

    @GetMapping
    Thread thread(@PathVariable String caseId) {
        AmkCaller caller = caller();
        ProjectionStore store = projections.active(CoordinationProjection.NAME);
        Document thread = visible(caseId, caller, store);
        Set<String> agencies = agencies(caseId, thread);
        List<Entry> timeline = store.find(CoordinationProjection.TIMELINE, Criteria.where("caseId").is(caseId)).stream()
                .map(d -> new Entry(d.getDate("at").toInstant(), d.getString("kind"), d.get("details", Document.class)))
                .sorted(Comparator.comparing(Entry::at)).toList();
        if (caller.has(Role.MINISTRY_ANALYST) && !participant(caller, thread, agencies)) {
            return new Thread(caseId, thread.getString("caseNumber"), thread.getString("regionCode"), thread.getString("stage"), null,
                    agencies, timeline, List.of(), List.of());
        }
        boolean partner = !caller.has(Role.PEKSOS) && !caller.has(Role.SUPERVISOR);
        List<MessageView> messages = mongo.find(Query.query(Criteria.where("caseId").is(caseId)).with(Sort.by("at")), Document.class, MESSAGES)
                .stream().map(d -> new MessageView(d.getString("_id"), d.getString("author"), d.getDate("at").toInstant(),
                        texts.open(caseId, d.getString("text")).map(t -> partner ? NIK.matcher(t).replaceAll("[NIK]") : t).orElse(null)))
                .toList();
        LocalDate today = LocalDate.ofInstant(clock.instant(), java.time.ZoneOffset.UTC);
        List<ActionView> actions = mongo.find(Query.query(Criteria.where("caseId").is(caseId)).with(Sort.by("due")), Document.class, ACTIONS)
                .stream().map(d -> {
                    LocalDate due = LocalDate.parse(d.getString("due"));
                    ActionStatus status = ActionStatus.valueOf(d.getString("status"));
                    return new ActionView(d.getString("_id"), texts.open(caseId, d.getString("title")).orElse(null), d.getString("assignee"),
                            due, status, status == ActionStatus.OPEN && due.isBefore(today), d.getString("createdBy"),
                            d.getDate("changedAt").toInstant());
                }).toList();
        // the thread's messages and actions are the parties' words about the child, opened: audited
        audit.record(caller, new ReadAudit.Read("coordination", caseId, thread.getString("regionCode"), messages.size()));
        return new Thread(caseId, thread.getString("caseNumber"), thread.getString("regionCode"), thread.getString("stage"),
                thread.getString("worker"), agencies, timeline, messages, actions);
    }

    @PostMapping("/messages")
    ResponseEntity<MessageView> message(@PathVariable String caseId, @Valid @RequestBody Message body) {
        AmkCaller caller = caller();
        participating(caseId, caller);
        String id = Idempotency.derivedId("message").orElseGet(() -> UUID.randomUUID().toString());
        Instant now = clock.instant();
        if (!inserted(new Document("_id", id).append("caseId", caseId).append("author", caller.subject()).append("at", Date.from(now))
                .append("text", texts.seal(caseId, body.text())), MESSAGES)) { // posted by an attempt that died before it answered
            return ResponseEntity.status(HttpStatus.CREATED).body(new MessageView(id, caller.subject(),
                    mongo.findById(id, Document.class, MESSAGES).getDate("at").toInstant(), body.text()));
        }
        Document thread = visible(caseId, caller, projections.active(CoordinationProjection.NAME));
        notices.messagePosted(id, caseId, agencies(caseId, thread), caller.subject(), now);
        return ResponseEntity.status(HttpStatus.CREATED).body(new MessageView(id, caller.subject(), now, body.text()));
    }

    @PostMapping("/actions")
    ResponseEntity<ActionView> action(@PathVariable String caseId, @Valid @RequestBody NewAction body) {
        AmkCaller caller = caller();
        participating(caseId, caller);
        String id = Idempotency.derivedId("action").orElseGet(() -> UUID.randomUUID().toString());
        Instant now = clock.instant();
        inserted(new Document("_id", id).append("caseId", caseId).append("title", texts.seal(caseId, body.title()))
                .append("assignee", body.assignee()).append("due", body.due().toString()).append("status", ActionStatus.OPEN.name())
                .append("createdBy", caller.subject()).append("changedAt", Date.from(now)), ACTIONS);
        return ResponseEntity.status(HttpStatus.CREATED).body(new ActionView(id, body.title(), body.assignee(), body.due(), ActionStatus.OPEN,
                false, caller.subject(), now));
    }

    @PostMapping("/actions/{actionId}/status")
    ResponseEntity<Void> actionStatus(@PathVariable String caseId, @PathVariable String actionId, @Valid @RequestBody ActionUpdate body) {
        participating(caseId, caller());
        var result = mongo.updateFirst(Query.query(Criteria.where("_id").is(actionId).and("caseId").is(caseId)),
                new Update().set("status", body.status().name()).set("changedAt", Date.from(clock.instant())), ACTIONS);
        if (result.getMatchedCount() == 0) {
            throw new ProblemException(HttpStatus.NOT_FOUND, "not-found", Map.of());
        }
        return ResponseEntity.noContent().build();
    }

    /** The case's worker or a supervisor invites an agency (a school, the village office, ...) into the coordination. */
    @PostMapping("/participants")
    ResponseEntity<Void> invite(@PathVariable String caseId, @Valid @RequestBody Invitation body) {
        AmkCaller caller = caller();
        Document thread = participating(caseId, caller);
        if (!responsible(caller, thread)) {
            throw new ProblemException(HttpStatus.FORBIDDEN, "forbidden", Map.of());
        }
        if (!agencyDirectory.active(body.agencyId())) { // a typo or a ghost would be a participant nobody can ever be
            throw new RuleViolation("coordination", "agency-unknown", "agencyId", RuleViolation.Kind.INPUT);
        }
        mongo.save(new Document("_id", caseId + ":" + body.agencyId()).append("caseId", caseId).append("agencyId", body.agencyId())
                .append("invitedBy", caller.subject()).append("at", Date.from(clock.instant())), INVITED);
        return ResponseEntity.noContent().build();
    }

    private Document visible(String caseId, AmkCaller caller, ProjectionStore store) {
        Document thread = store.byId(CoordinationProjection.THREADS, caseId);
        if (thread == null || thread.getString("regionCode") == null
                || !(caller.has(Role.MINISTRY_ANALYST) || participant(caller, thread, agencies(caseId, thread)))) {
            throw new ProblemException(HttpStatus.NOT_FOUND, "not-found", Map.of());
        }
        return thread;
    }

    /** Who takes part: the case's worker and the workers and supervisors of its region, the agencies involved. */
    private Document participating(String caseId, AmkCaller caller) {
        Document thread = projections.active(CoordinationProjection.NAME).byId(CoordinationProjection.THREADS, caseId);
        if (thread == null || thread.getString("regionCode") == null || !participant(caller, thread, agencies(caseId, thread))) {
            throw new ProblemException(HttpStatus.NOT_FOUND, "not-found", Map.of());
        }
        return thread;
    }

    private static boolean participant(AmkCaller caller, Document thread, Set<String> agencies) {
        return responsible(caller, thread) || caller.has(Role.PARTNER) && caller.agency() != null && agencies.contains(caller.agency());
    }

    private static boolean responsible(AmkCaller caller, Document thread) {
        String region = thread.getString("regionCode");
        return caller.has(Role.PEKSOS) && (caller.subject().equals(thread.getString("worker")) || caller.covers(region))
                || caller.has(Role.SUPERVISOR) && caller.covers(region);
    }

    private Set<String> agencies(String caseId, Document thread) {
        Set<String> agencies = new LinkedHashSet<>();
        List<String> fromReferrals = thread.getList("agencies", String.class);
        if (fromReferrals != null) {
            agencies.addAll(fromReferrals);
        }
        mongo.find(Query.query(Criteria.where("caseId").is(caseId)), Document.class, INVITED).forEach(d -> agencies.add(d.getString("agencyId")));
        return agencies;
    }

    private static AmkCaller caller() {
        return AmkCaller.current().orElseThrow();
    }

    /** False when a document with its id exists: made under the same Idempotency-Key by an attempt that died. */
    private boolean inserted(Document document, String collection) {
        try {
            mongo.insert(document, collection);
            return true;
        } catch (DuplicateKeyException again) {
            return false;
        }
    }
}
