package id.amk.cases.casefile.command;

import id.amk.cases.casefile.api.AbhRole;
import id.amk.cases.casefile.api.Commands;
import id.amk.cases.casefile.api.Commands.AddProgressNoteCommand;
import id.amk.cases.casefile.api.Commands.AssignWorkerCommand;
import id.amk.cases.casefile.api.Commands.CloseCaseCommand;
import id.amk.cases.casefile.api.Commands.DescribeCaseCommand;
import id.amk.cases.casefile.api.Commands.ErasePersonalDataCommand;
import id.amk.cases.casefile.api.Commands.RecordAssessmentCommand;
import id.amk.cases.casefile.api.Commands.RecordChildDetailsCommand;
import id.amk.cases.casefile.api.Commands.RecordDeadlineMissedCommand;
import id.amk.cases.casefile.api.Commands.RemindDeadlineCommand;
import id.amk.cases.casefile.api.Commands.RecordFirstContactCommand;
import id.amk.cases.casefile.api.Commands.RecordFollowUpVisitCommand;
import id.amk.cases.casefile.api.Commands.RecordPlanCommand;
import id.amk.cases.casefile.api.Commands.RegisterCaseCommand;
import id.amk.cases.casefile.api.Commands.ReopenCaseCommand;
import id.amk.cases.casefile.api.Commands.StartInterventionCommand;
import id.amk.cases.casefile.api.Commands.StartReintegrationCommand;
import id.amk.cases.casefile.api.Commands.TransferCaseCommand;
import id.amk.cases.casefile.api.Events.CaseAssessedEvent;
import id.amk.cases.casefile.api.Events.CaseClosedEvent;
import id.amk.cases.casefile.api.Events.CaseDeadlineApproachingEvent;
import id.amk.cases.casefile.api.Events.CaseDeadlineMissedEvent;
import id.amk.cases.casefile.api.Events.CaseEvent;
import id.amk.cases.casefile.api.Events.CasePlannedEvent;
import id.amk.cases.casefile.api.Events.CaseRegisteredEvent;
import id.amk.cases.casefile.api.Events.CaseReopenedEvent;
import id.amk.cases.casefile.api.Events.CaseTransferredEvent;
import id.amk.cases.casefile.api.Events.ChildDetailsRecordedEvent;
import id.amk.cases.casefile.api.Events.FirstContactRecordedEvent;
import id.amk.cases.casefile.api.Events.FollowUpVisitRecordedEvent;
import id.amk.cases.casefile.api.Events.InterventionStartedEvent;
import id.amk.cases.casefile.api.Events.PersonalDataErasedEvent;
import id.amk.cases.casefile.api.Events.ProgressNoteAddedEvent;
import id.amk.cases.casefile.api.Events.ReintegrationStartedEvent;
import id.amk.cases.casefile.api.Events.WorkerAssignedEvent;
import id.amk.cases.casefile.api.Events;
import id.amk.cases.casefile.api.SealedText;
import id.amk.cases.casefile.api.Stage;
import org.axonframework.commandhandling.CommandHandler;
import org.axonframework.eventsourcing.EventSourcingHandler;
import org.axonframework.modelling.command.AggregateIdentifier;
import org.axonframework.spring.stereotype.Aggregate;

import java.time.Clock;
import java.util.List;
import java.util.Objects;
import java.util.Set;

import static id.amk.cases.casefile.command.CasePolicies.notInFuture;
import static id.amk.cases.casefile.command.CasePolicies.open;
import static id.amk.cases.casefile.command.CasePolicies.required;
import static id.amk.cases.casefile.command.CasePolicies.stageIs;
import static org.axonframework.modelling.command.AggregateLifecycle.apply;

/**
 * A child's case, event-sourced: it decides each command against {@link CasePolicies} and its state
 * ({@link CaseState}), and records what happened, by whom, when and why.
 */
@Aggregate(cache = "aggregateCache")
public class CaseFile {

    @AggregateIdentifier
    private String caseId;
    private CaseState state = CaseState.initial();

    protected CaseFile() {
        // for Axon
    }

    @CommandHandler
    public CaseFile(RegisterCaseCommand command, RegionDirectory regions, ChildVault vault, Clock clock) {
        required(command.caseId(), "caseId");
        CasePolicies.regionExists(command.regionCode(), regions, "regionCode");
        // a Lapor Sosial report may not know the child yet: the worker records the details after first contact
        boolean childUnknown = command.child() == null && CasePolicies.LAPOR_SOSIAL.equals(command.source());
        if (!childUnknown) {
            CasePolicies.child(command.child(), regions, clock.instant());
        }
        CasePolicies.clusters(command.clusters(), command.abhRole(), childUnknown);
        if (command.riskLevel() == null) {
            throw new CaseRuleViolation("required", "riskLevel");
        }
        required(command.source(), "source");
        // the child's personal data enters the event store only sealed with this case's key
        apply(new CaseRegisteredEvent(command.caseId(), command.caseNumber(), command.regionCode(),
                childUnknown ? null : vault.seal(command.caseId(), command.child()), Set.copyOf(command.clusters()), command.abhRole(),
                command.riskLevel(), command.source(), command.reportId(), command.consent(), command.assignedWorker(), command.actor(), clock.instant(),
                // a child seen for the first time is known by their first case's id: a retried registration names the same child
                command.childId() != null ? command.childId() : command.caseId()));
    }

    @CommandHandler
    public void handle(AssignWorkerCommand command, ChildVault vault, Clock clock) {
        open(state.stage());
        required(command.worker(), "worker");
        if (!command.worker().equals(state.assignedWorker())) {
            noTextAfterErasure(command.reason(), "reason");
            apply(new WorkerAssignedEvent(caseId, command.worker(), state.assignedWorker(), state.regionCode(),
                    vault.sealText(caseId, command.reason()), command.actor(), clock.instant()));
        }
    }

    @CommandHandler
    public void handle(RecordFirstContactCommand command, ChildVault vault, Clock clock) {
        stageIs(state.stage(), Stage.REGISTERED);
        if (state.firstContactAt() != null) {
            throw new CaseRuleViolation("already-recorded", "contactedAt");
        }
        notInFuture(command.contactedAt(), clock.instant(), "contactedAt");
        if (command.contactedAt().isBefore(state.registeredAt().minusSeconds(7 * 24 * 3600))) {
            throw new CaseRuleViolation("before-registration", "contactedAt");
        }
        noTextAfterErasure(command.note(), "note");
        apply(new FirstContactRecordedEvent(caseId, command.contactedAt(), vault.sealText(caseId, command.note()), command.actor(),
                clock.instant()));
    }

    @CommandHandler
    public void handle(RecordAssessmentCommand command, ChildVault vault, Clock clock) {
        stageIs(state.stage(), Stage.REGISTERED);
        if (state.firstContactAt() == null) {
            throw new CaseRuleViolation("stage-order", "firstContact");
        }
        if (command.needs() == null || command.needs().isEmpty()) {
            throw new CaseRuleViolation("required", "needs");
        }
        CasePolicies.components(command.recommendedComponents());
        noTextAfterErasure(String.join("", command.needs()), "needs");
        apply(new CaseAssessedEvent(caseId, sealed(vault, command.needs()), sealed(vault, listOrEmpty(command.risks())),
                command.recommendedComponents() == null ? Set.of() : Set.copyOf(command.recommendedComponents()),
                command.riskLevel(), command.actor(), clock.instant()));
    }

    @CommandHandler
    public void handle(RecordPlanCommand command, ChildVault vault, Clock clock) {
        stageIs(state.stage(), Stage.ASSESSED);
        if (command.goals() == null || command.goals().isEmpty()) {
            throw new CaseRuleViolation("required", "goals");
        }
        if (command.actions() == null || command.actions().isEmpty()
                || command.actions().stream().anyMatch(a -> a.description() == null || a.description().isBlank() || a.due() == null)) {
            throw new CaseRuleViolation("required", "actions");
        }
        noTextAfterErasure(String.join("", command.goals()), "goals");
        apply(new CasePlannedEvent(caseId, sealed(vault, command.goals()), command.actions().stream()
                .map(a -> new Events.SealedPlanAction(vault.sealText(caseId, a.description()), a.due(), vault.sealText(caseId, a.responsible())))
                .toList(), command.actor(), clock.instant()));
    }

    @CommandHandler
    public void handle(StartInterventionCommand command, Clock clock) {
        stageIs(state.stage(), Stage.PLANNED);
        apply(new InterventionStartedEvent(caseId, command.actor(), clock.instant()));
    }

    @CommandHandler
    public void handle(StartReintegrationCommand command, ChildVault vault, Clock clock) {
        stageIs(state.stage(), Stage.IN_INTERVENTION);
        noTextAfterErasure(command.reason(), "reason");
        apply(new ReintegrationStartedEvent(caseId, vault.sealText(caseId, command.reason()), command.actor(), clock.instant()));
    }

    @CommandHandler
    public void handle(CloseCaseCommand command, ChildVault vault, Clock clock) {
        stageIs(state.stage(), Stage.REINTEGRATION);
        required(command.reason(), "reason");
        required(command.outcome(), "outcome");
        noTextAfterErasure(command.reason(), "reason");
        apply(new CaseClosedEvent(caseId, vault.sealText(caseId, command.reason()), vault.sealText(caseId, command.outcome()),
                command.actor(), clock.instant()));
    }

    @CommandHandler
    public void handle(RecordFollowUpVisitCommand command, ChildVault vault, Clock clock) {
        if (state.stage() != Stage.CLOSED) {
            throw new CaseRuleViolation("case-open", "stage");
        }
        notInFuture(command.visitedAt(), clock.instant(), "visitedAt");
        required(command.note(), "note");
        noTextAfterErasure(command.note(), "note");
        apply(new FollowUpVisitRecordedEvent(caseId, command.visitedAt(), vault.sealText(caseId, command.note()), command.actor(),
                clock.instant()));
    }

    @CommandHandler
    public void handle(ReopenCaseCommand command, ChildVault vault, Clock clock) {
        if (state.stage() != Stage.CLOSED) {
            throw new CaseRuleViolation("case-open", "stage");
        }
        required(command.reason(), "reason");
        noTextAfterErasure(command.reason(), "reason");
        apply(new CaseReopenedEvent(caseId, vault.sealText(caseId, command.reason()), command.actor(), clock.instant()));
    }

    @CommandHandler
    public void handle(TransferCaseCommand command, RegionDirectory regions, ChildVault vault, Clock clock) {
        open(state.stage());
        required(command.reason(), "reason");
        String toRegion = command.toRegionCode() != null ? command.toRegionCode() : state.regionCode();
        CasePolicies.regionExists(toRegion, regions, "toRegionCode");
        if (Objects.equals(toRegion, state.regionCode()) && Objects.equals(command.toWorker(), state.assignedWorker())) {
            throw new CaseRuleViolation("nothing-to-transfer", "toRegionCode");
        }
        noTextAfterErasure(command.reason(), "reason");
        apply(new CaseTransferredEvent(caseId, state.regionCode(), toRegion, state.assignedWorker(), command.toWorker(),
                vault.sealText(caseId, command.reason()), command.actor(), clock.instant()));
    }

    @CommandHandler
    public void handle(AddProgressNoteCommand command, ChildVault vault, Clock clock) {
        open(state.stage());
        required(command.note(), "note");
        noTextAfterErasure(command.note(), "note");
        apply(new ProgressNoteAddedEvent(caseId, vault.sealText(caseId, command.note()), command.actor(), clock.instant()));
    }

    @CommandHandler
    public void handle(RecordChildDetailsCommand command, RegionDirectory regions, ChildVault vault, Clock clock) {
        open(state.stage());
        if (state.personalDataErased()) {
            throw new CaseRuleViolation("personal-data-erased", "child");
        }
        CasePolicies.child(command.child(), regions, clock.instant());
        // the role of an ABH child is stated once the child is known (a report's case is registered without either)
        AbhRole role = command.abhRole() != null ? command.abhRole() : state.abhRole();
        if (command.abhRole() != null && !state.clusters().contains("ABH") || role == null && state.clusters().contains("ABH")) {
            throw new CaseRuleViolation("abh-role", "abhRole");
        }
        AbhRole stated = Objects.equals(command.abhRole(), state.abhRole()) ? null : command.abhRole();
        apply(new ChildDetailsRecordedEvent(caseId, vault.seal(caseId, command.child()), stated, command.actor(), clock.instant()));
    }

    /**
     * The case is of the same child as another case (its {@code childId}): a worker's judgement, with why (sealed).
     * Any stage, a closed case too (a child who returns a year later); not once the case's personal data is erased.
     */
    @CommandHandler
    public void handle(Commands.LinkChildCommand command, ChildVault vault, Clock clock) {
        required(command.childId(), "sameChildAs");
        required(command.reason(), "reason");
        if (state.personalDataErased()) {
            throw new CaseRuleViolation("personal-data-erased", "sameChildAs");
        }
        if (command.childId().equals(state.childId()) || caseId.equals(command.sameChildAs())) {
            throw new CaseRuleViolation("already-recorded", "sameChildAs");
        }
        apply(new Events.ChildLinkedEvent(caseId, command.childId(), state.childId(), command.sameChildAs(), command.sameChildAsNumber(),
                vault.sealText(caseId, command.reason()),
                command.actor(), clock.instant()));
    }

    /**
     * After an erasure nothing can be sealed for the case any more (its key is gone for good): a free text is refused
     * ({@code case.personal-data-erased}, naming the field) rather than kept readable.
     */
    private void noTextAfterErasure(String text, String field) {
        if (text != null && !text.isEmpty() && state.personalDataErased()) {
            throw new CaseRuleViolation("personal-data-erased", field);
        }
    }

    private List<SealedText> sealed(ChildVault vault, List<String> texts) {
        return texts.stream().map(text -> vault.sealText(caseId, text)).toList();
    }

    /**
     * Erasure on a lawful request (UU PDP 27/2022): the case's key is forgotten, so the child's name, NIK, birth
     * date, address and contacts can no longer be read from any event; the non-identifying history stays.
     */
    @CommandHandler
    public void handle(ErasePersonalDataCommand command, ChildVault vault, Clock clock) {
        required(command.reason(), "reason");
        if (state.legalHold()) {
            throw new CaseRuleViolation("legal-hold", "legalHold"); // kept for the proceedings: release the hold first
        }
        vault.forget(caseId);
        if (!state.personalDataErased()) {
            apply(new PersonalDataErasedEvent(caseId, command.reason(), command.actor(), clock.instant()));
        }
    }

    @CommandHandler
    public void handle(Commands.PlaceLegalHoldCommand command, ChildVault vault, Clock clock) {
        required(command.reason(), "reason");
        if (state.personalDataErased()) {
            throw new CaseRuleViolation("personal-data-erased", "legalHold");
        }
        if (state.legalHold()) {
            throw new CaseRuleViolation("already-recorded", "legalHold");
        }
        apply(new Events.LegalHoldPlacedEvent(caseId, vault.sealText(caseId, command.reason()), command.actor(), clock.instant()));
    }

    @CommandHandler
    public void handle(Commands.ReleaseLegalHoldCommand command, ChildVault vault, Clock clock) {
        required(command.reason(), "reason");
        if (!state.legalHold()) {
            throw new CaseRuleViolation("no-legal-hold", "legalHold");
        }
        apply(new Events.LegalHoldReleasedEvent(caseId, vault.sealText(caseId, command.reason()), command.actor(), clock.instant()));
    }

    /**
     * Retention (UU PDP 27/2022 art. 43: kept no longer than needed): a case closed for the whole period loses its
     * personal data, as an erasure would; statistics and the history stay. Only while it still applies: a case reopened,
     * on hold or already erased meanwhile is left as it is, so a late or repeated sweep changes nothing.
     */
    @CommandHandler
    public void handle(Commands.ApplyRetentionCommand command, ChildVault vault, Clock clock) {
        if (state.stage() != Stage.CLOSED || state.closedAt() == null || state.closedAt().isAfter(command.closedBefore())
                || state.legalHold() || state.personalDataErased()) {
            return;
        }
        vault.forget(caseId);
        apply(new PersonalDataErasedEvent(caseId, "retention: closed for " + command.period(), "amk-retention", clock.instant()));
    }

    @CommandHandler
    public CaseState handle(DescribeCaseCommand command) {
        return state;
    }

    /** Recorded once per deadline, and only while the step is still due: a late or repeated watch changes nothing. */
    @CommandHandler
    public void handle(RecordDeadlineMissedCommand command, TimelinessRules rules, Clock clock) {
        Timeliness.current(state, rules)
                .filter(due -> due.deadline() == command.deadline() && sameMillisecond(due.dueAt(), command.dueAt()))
                .filter(due -> !clock.instant().isBefore(due.dueAt()))
                .ifPresent(due -> apply(new CaseDeadlineMissedEvent(caseId, due.deadline(), due.dueAt(), state.regionCode(),
                        state.assignedWorker(), "system", clock.instant())));
    }

    /** Reminds the assigned worker of a deadline drawing near: once, and only while it is the one the case runs against. */
    @CommandHandler
    public void handle(RemindDeadlineCommand command, TimelinessRules rules, Clock clock) {
        Timeliness.current(state, rules)
                .filter(due -> due.deadline() == command.deadline() && sameMillisecond(due.dueAt(), command.dueAt()))
                .filter(due -> clock.instant().isBefore(due.dueAt()) && !state.reminded(due.deadline(), due.dueAt()))
                .ifPresent(due -> apply(new CaseDeadlineApproachingEvent(caseId, due.deadline(), due.dueAt(), state.regionCode(),
                        state.assignedWorker(), "system", clock.instant())));
    }

    /** The watch keeps due times in Mongo, to the millisecond. */
    private static boolean sameMillisecond(java.time.Instant a, java.time.Instant b) {
        return a.truncatedTo(java.time.temporal.ChronoUnit.MILLIS).equals(b.truncatedTo(java.time.temporal.ChronoUnit.MILLIS));
    }

    @EventSourcingHandler
    void on(CaseEvent event) {
        caseId = event.caseId();
        state = state.apply(event);
    }

    private static List<String> listOrEmpty(List<String> list) {
        return list == null ? List.of() : List.copyOf(list);
    }
}
