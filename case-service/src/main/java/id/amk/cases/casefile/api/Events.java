package id.amk.cases.casefile.api;

import java.time.Instant;
import java.util.List;
import java.util.Set;

/** What happened to a case: private to case-service (the relay maps some to public contract events). */
public final class Events {

    /** Every case event says which case, who caused it and when. */
    public sealed interface CaseEvent permits CaseRegisteredEvent, WorkerAssignedEvent, FirstContactRecordedEvent, CaseAssessedEvent,
            CasePlannedEvent, InterventionStartedEvent, ReintegrationStartedEvent, CaseClosedEvent, FollowUpVisitRecordedEvent,
            CaseReopenedEvent, CaseTransferredEvent, ProgressNoteAddedEvent, CaseDeadlineMissedEvent, CaseDeadlineApproachingEvent, PersonalDataErasedEvent,
            ChildDetailsRecordedEvent, LegalHoldPlacedEvent, LegalHoldReleasedEvent, ChildLinkedEvent {
        String caseId();

        String actor();

        Instant at();
    }

    /**
     * {@code childId}: the child's identity, which several cases can share (a child who returns a year later); not
     * personal data itself. Events written before children existed have none: such a case is its own child
     * ({@link #childOrCase()}).
     */
    public record CaseRegisteredEvent(String caseId, String caseNumber, String regionCode, SealedChild child, Set<String> clusters,
                                      AbhRole abhRole, RiskLevel riskLevel, String source, String reportId, boolean consent,
                                      String assignedWorker, String actor, Instant at, String childId) implements CaseEvent {

        public String childOrCase() {
            return childId != null ? childId : caseId;
        }
    }

    public record WorkerAssignedEvent(String caseId, String worker, String previousWorker, String regionCode, SealedText reason, String actor,
                                      Instant at)
            implements CaseEvent {
    }

    public record FirstContactRecordedEvent(String caseId, Instant contactedAt, SealedText note, String actor, Instant at) implements CaseEvent {
    }

    public record CaseAssessedEvent(String caseId, List<SealedText> needs, List<SealedText> risks, Set<String> recommendedComponents,
                                    RiskLevel riskLevel, String actor, Instant at) implements CaseEvent {
    }

    public record CasePlannedEvent(String caseId, List<SealedText> goals, List<SealedPlanAction> actions, String actor, Instant at)
            implements CaseEvent {
    }

    /** A plan's step as events keep it: what and who in the case's words, sealed; when, plain (the deadlines run on it). */
    public record SealedPlanAction(SealedText description, java.time.LocalDate due, SealedText responsible) {
    }

    public record InterventionStartedEvent(String caseId, String actor, Instant at) implements CaseEvent {
    }

    public record ReintegrationStartedEvent(String caseId, SealedText reason, String actor, Instant at) implements CaseEvent {
    }

    public record CaseClosedEvent(String caseId, SealedText reason, SealedText outcome, String actor, Instant at) implements CaseEvent {
    }

    public record FollowUpVisitRecordedEvent(String caseId, Instant visitedAt, SealedText note, String actor, Instant at) implements CaseEvent {
    }

    public record CaseReopenedEvent(String caseId, SealedText reason, String actor, Instant at) implements CaseEvent {
    }

    public record CaseTransferredEvent(String caseId, String fromRegionCode, String toRegionCode, String fromWorker, String toWorker,
                                       SealedText reason, String actor, Instant at) implements CaseEvent {
    }

    public record ProgressNoteAddedEvent(String caseId, SealedText note, String actor, Instant at) implements CaseEvent {
    }

    /** A step was not done in time; escalated to the supervisors of the case's province. */
    public record CaseDeadlineMissedEvent(String caseId, Deadline deadline, Instant dueAt, String regionCode, String assignedWorker,
                                          String actor, Instant at) implements CaseEvent {
    }

    /** A step falls due soon and is not done: the assigned worker is reminded (once per deadline). */
    public record CaseDeadlineApproachingEvent(String caseId, Deadline deadline, Instant dueAt, String regionCode, String assignedWorker,
                                               String actor, Instant at) implements CaseEvent {
    }

    /** {@code abhRole}: the ABH child's role, stated with the details of a child the case was registered without (else null). */
    public record ChildDetailsRecordedEvent(String caseId, SealedChild child, AbhRole abhRole, String actor, Instant at) implements CaseEvent {
        public ChildDetailsRecordedEvent(String caseId, SealedChild child, String actor, Instant at) {
            this(caseId, child, null, actor, at);
        }
    }

    /**
     * The child's personal data was erased (UU PDP 27/2022): its key is gone; the reason stays inside case-service, in
     * clear, as the record of why (the erasure form asks for the legal ground, not for the child's story).
     */
    public record PersonalDataErasedEvent(String caseId, String reason, String actor, Instant at) implements CaseEvent {
    }

    /**
     * The case is under legal proceedings: its personal data must be kept, so retention does not erase it and neither
     * does an erasure request, until the hold is released. The reason (e.g. the court's case number) is sealed.
     */
    public record LegalHoldPlacedEvent(String caseId, SealedText reason, String actor, Instant at) implements CaseEvent {
    }

    public record LegalHoldReleasedEvent(String caseId, SealedText reason, String actor, Instant at) implements CaseEvent {
    }

    /**
     * A worker found the case to be of the same child as another case ({@code childId}, that case's child): the cases
     * are counted as one child and an erasure of the child reaches both. Why is sealed.
     */
    public record ChildLinkedEvent(String caseId, String childId, String previousChildId, String sameChildAs, String sameChildAsNumber,
                                   SealedText reason, String actor,
                                   Instant at) implements CaseEvent {
    }

    private Events() {
    }
}
