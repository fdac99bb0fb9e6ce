package id.amk.cases.casefile.api;

import org.axonframework.modelling.command.TargetAggregateIdentifier;
import org.axonframework.modelling.command.TargetAggregateVersion;

import java.time.Instant;
import java.time.LocalDate;
import java.util.List;
import java.util.Set;

/**
 * What is asked of a case. {@code actor} is who asks (the token's subject), {@code reason} why, where it matters;
 * {@code expectedVersion}, when given, is the version the asker saw (If-Match): a newer case refuses the command.
 */
public final class Commands {

    /** {@code childId}: the child's identity, an existing child's when the worker said it is the same child as another case's. */
    public record RegisterCaseCommand(@TargetAggregateIdentifier String caseId, String caseNumber, String regionCode, Child child,
                                      Set<String> clusters, AbhRole abhRole, RiskLevel riskLevel, String source, String reportId,
                                      boolean consent, String assignedWorker, String actor, String childId) {
    }

    public record AssignWorkerCommand(@TargetAggregateIdentifier String caseId, String worker, String reason, String actor,
                                      @TargetAggregateVersion Long expectedVersion) {
    }

    public record RecordFirstContactCommand(@TargetAggregateIdentifier String caseId, Instant contactedAt, String note, String actor,
                                      @TargetAggregateVersion Long expectedVersion) {
    }

    public record RecordAssessmentCommand(@TargetAggregateIdentifier String caseId, List<String> needs, List<String> risks,
                                          Set<String> recommendedComponents, RiskLevel riskLevel, String actor,
                                      @TargetAggregateVersion Long expectedVersion) {
    }

    public record PlanAction(String description, LocalDate due, String responsible) {
    }

    public record RecordPlanCommand(@TargetAggregateIdentifier String caseId, List<String> goals, List<PlanAction> actions, String actor,
                                      @TargetAggregateVersion Long expectedVersion) {
    }

    public record StartInterventionCommand(@TargetAggregateIdentifier String caseId, String actor,
                                      @TargetAggregateVersion Long expectedVersion) {
    }

    public record StartReintegrationCommand(@TargetAggregateIdentifier String caseId, String reason, String actor,
                                      @TargetAggregateVersion Long expectedVersion) {
    }

    public record CloseCaseCommand(@TargetAggregateIdentifier String caseId, String reason, String outcome, String actor,
                                      @TargetAggregateVersion Long expectedVersion) {
    }

    public record RecordFollowUpVisitCommand(@TargetAggregateIdentifier String caseId, Instant visitedAt, String note, String actor,
                                      @TargetAggregateVersion Long expectedVersion) {
    }

    public record ReopenCaseCommand(@TargetAggregateIdentifier String caseId, String reason, String actor,
                                      @TargetAggregateVersion Long expectedVersion) {
    }

    public record TransferCaseCommand(@TargetAggregateIdentifier String caseId, String toRegionCode, String toWorker, String reason,
                                      String actor,
                                      @TargetAggregateVersion Long expectedVersion) {
    }

    public record AddProgressNoteCommand(@TargetAggregateIdentifier String caseId, String note, String actor,
                                      @TargetAggregateVersion Long expectedVersion) {
    }

    /** The child's details, when the case was registered without them (a report that did not know the child). */
    public record RecordChildDetailsCommand(@TargetAggregateIdentifier String caseId, Child child, AbhRole abhRole, String actor,
                                      @TargetAggregateVersion Long expectedVersion) {
        public RecordChildDetailsCommand(String caseId, Child child, String actor, Long expectedVersion) {
            this(caseId, child, null, actor, expectedVersion);
        }
    }

    /** The case is of the same child as case {@code sameChildAs}, whose child is {@code childId}. */
    public record LinkChildCommand(@TargetAggregateIdentifier String caseId, String childId, String sameChildAs, String sameChildAsNumber,
                                   String reason, String actor,
                                   @TargetAggregateVersion Long expectedVersion) {
    }

    public record ErasePersonalDataCommand(@TargetAggregateIdentifier String caseId, String reason, String actor) {
    }

    /** A supervisor keeps the case's personal data for legal proceedings (no retention, no erasure) until released. */
    public record PlaceLegalHoldCommand(@TargetAggregateIdentifier String caseId, String reason, String actor,
                                        @TargetAggregateVersion Long expectedVersion) {
    }

    public record ReleaseLegalHoldCommand(@TargetAggregateIdentifier String caseId, String reason, String actor,
                                          @TargetAggregateVersion Long expectedVersion) {
    }

    /**
     * Sent by the retention watch: erase the personal data of the case if it was closed at or before {@code closedBefore}
     * (the retention period ago), is still closed, not on legal hold and not erased yet; otherwise nothing happens.
     */
    public record ApplyRetentionCommand(@TargetAggregateIdentifier String caseId, Instant closedBefore, String period) {
    }

    /**
     * Asks the case for its current state. A command, not a query, on purpose: it is answered by the aggregate
     * itself, from the cache, under the aggregate's lock — consistent with the writes just made and without
     * reading the event store (which the embedded Mongo server would scan).
     */
    public record DescribeCaseCommand(@TargetAggregateIdentifier String caseId) {
    }

    /** Sent by the deadline watch when a step is due and not done; the case decides whether it still is. */
    public record RecordDeadlineMissedCommand(@TargetAggregateIdentifier String caseId, Deadline deadline, Instant dueAt) {
    }

    /** The deadline {@code dueAt} is near: remind the assigned worker, once, while the step is still not done. */
    public record RemindDeadlineCommand(@TargetAggregateIdentifier String caseId, Deadline deadline, Instant dueAt) {
    }

    private Commands() {
    }
}
