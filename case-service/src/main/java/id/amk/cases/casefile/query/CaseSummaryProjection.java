package id.amk.cases.casefile.query;

import id.amk.cases.casefile.api.SealedText;

import id.amk.cases.casefile.api.Events.CaseEvent;
import id.amk.cases.casefile.command.CaseState;
import id.amk.cases.casefile.command.ChildVault;
import id.amk.cases.casefile.command.Timeliness;
import id.amk.cases.casefile.command.TimelinessRules;
import id.amk.cases.search.ChildSearch;
import org.axonframework.config.ProcessingGroup;
import org.axonframework.eventhandling.EventHandler;
import org.axonframework.eventhandling.SequenceNumber;
import org.axonframework.eventhandling.ResetHandler;
import org.springframework.data.mongodb.core.MongoTemplate;
import org.springframework.stereotype.Component;

import java.time.Instant;
import java.util.List;
import java.util.Optional;

/**
 * Keeps {@code case_summaries}: on each case event the case's state after it ({@link CaseStates}) replaces its line,
 * unless the line already reflects this event or a later one.
 * Applying an event twice, or late, leaves the view as it was.
 */
@Component
@ProcessingGroup("case-summaries")
class CaseSummaryProjection {

    private final MongoTemplate mongo;
    private final CaseStates states;
    private final ChildVault vault;
    private final TimelinessRules rules;
    private final ChildSearch search;

    CaseSummaryProjection(MongoTemplate mongo, CaseStates states, ChildVault vault, TimelinessRules rules, ChildSearch search) {
        this.mongo = mongo;
        this.search = search;
        this.states = states;
        this.vault = vault;
        this.rules = rules;
    }

    @EventHandler
    void on(CaseEvent event, @SequenceNumber long sequence) {
        CaseSummary current = mongo.findById(event.caseId(), CaseSummary.class);
        if (current != null && current.version() >= sequence) {
            return;
        }
        CaseState state = states.after(event, sequence);
        // the name shown in caseloads, sealed again with the case's key; once the data is erased there is none to seal
        Optional<id.amk.cases.casefile.api.Child> child = vault.open(state.caseId(), state.child());
        SealedText childName = child.map(id.amk.cases.casefile.api.Child::name).map(name -> sealedOrNone(state.caseId(), name)).orElse(null);
        List<String> searchKeys = child.map(search::keysOf).orElse(List.of());
        Optional<Timeliness.Due> due = Timeliness.current(state, rules);
        Instant attentionAt = !state.overdue().isEmpty() ? Instant.EPOCH : due.map(Timeliness.Due::dueAt).orElse(CaseSummary.NOTHING_DUE);
        mongo.save(new CaseSummary(state.caseId(), state.caseNumber(), childName,
                state.stage().name(), state.regionCode(), List.copyOf(state.clusters()), state.riskLevel().name(),
                state.assignedWorker(), state.registeredAt(), state.firstContactAt(), state.lastChangedAt(),
                state.overdue().stream().map(Enum::name).sorted().toList(), due.map(d -> d.deadline().name()).orElse(null),
                due.map(Timeliness.Due::dueAt).orElse(null), attentionAt, state.version(), searchKeys, state.childId()));
    }

    /** Erased between the opening and the sealing: no name then. */
    private SealedText sealedOrNone(String caseId, String name) {
        try {
            return vault.sealText(caseId, name);
        } catch (id.amk.platform.privacy.SubjectForgotten erased) {
            return null;
        }
    }

    /**
     * Summaries an earlier version wrote with the name in clear ({@code childName}) get it sealed, and the clear copy
     * removed, when the service starts.
     */
    @jakarta.annotation.PostConstruct
    void sealNamesKeptInClear() {
        for (org.bson.Document clear : mongo.find(org.springframework.data.mongodb.core.query.Query.query(
                org.springframework.data.mongodb.core.query.Criteria.where("childName").exists(true)), org.bson.Document.class, "case_summaries")) {
            String caseId = clear.getString("_id");
            String name = clear.getString("childName");
            org.springframework.data.mongodb.core.query.Update update = new org.springframework.data.mongodb.core.query.Update().unset("childName");
            SealedText sealed = name == null ? null : sealedOrNone(caseId, name);
            if (sealed != null) {
                update.set("sealedName", new org.bson.Document("cipherText", sealed.cipherText()));
            }
            mongo.updateFirst(org.springframework.data.mongodb.core.query.Query.query(
                    org.springframework.data.mongodb.core.query.Criteria.where("_id").is(caseId)), update, "case_summaries");
        }
    }

    @ResetHandler
    void reset() {
        mongo.dropCollection(CaseSummary.class);
    }
}
