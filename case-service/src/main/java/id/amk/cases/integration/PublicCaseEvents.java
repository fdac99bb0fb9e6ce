package id.amk.cases.integration;

import id.amk.cases.casefile.api.Events.CaseAssessedEvent;
import id.amk.cases.casefile.api.Events.CaseTransferredEvent;
import id.amk.cases.casefile.api.Events.FirstContactRecordedEvent;
import id.amk.cases.casefile.api.Events.WorkerAssignedEvent;
import id.amk.cases.casefile.api.Events.CaseClosedEvent;
import id.amk.cases.casefile.api.Events.CaseDeadlineApproachingEvent;
import id.amk.cases.casefile.api.Events.CaseDeadlineMissedEvent;
import id.amk.cases.casefile.api.Events.CasePlannedEvent;
import id.amk.cases.casefile.api.Events.CaseRegisteredEvent;
import id.amk.cases.casefile.api.Events.CaseReopenedEvent;
import id.amk.cases.casefile.api.Events.InterventionStartedEvent;
import id.amk.cases.casefile.api.Events.PersonalDataErasedEvent;
import id.amk.cases.casefile.api.Events.ReintegrationStartedEvent;
import id.amk.cases.casefile.api.Stage;
import id.amk.contracts.cases.CaseAssigned;
import id.amk.contracts.cases.CaseDeadlineApproaching;
import id.amk.contracts.cases.CaseDeadlineMissed;
import id.amk.contracts.cases.CaseRegistered;
import id.amk.contracts.cases.CaseStageChanged;
import id.amk.contracts.cases.FirstContactRecorded;
import id.amk.contracts.cases.PersonalDataErased;
import id.amk.platform.relay.IntegrationEventMapper;
import id.amk.platform.relay.OutgoingEvent;
import org.axonframework.eventhandling.DomainEventMessage;
import org.springframework.stereotype.Component;

import java.util.List;
import java.util.Optional;

/**
 * Which case events partners and the other contexts see on {@code case.events.v1}, and how: never the
 * child's personal data, nor free text (reasons, notes), which may name people. Stages move one at a time, so
 * each stage event knows where it came from.
 */
@Component
class PublicCaseEvents implements IntegrationEventMapper {

    @Override
    public Optional<OutgoingEvent> map(DomainEventMessage<?> message) {
        Object event = message.getPayload();
        if (event instanceof CaseRegisteredEvent e) {
            return Optional.of(new OutgoingEvent(CaseRegistered.TYPE, new CaseRegistered(e.caseId(), e.caseNumber(), e.reportId(),
                    e.regionCode(), List.copyOf(e.clusters()).stream().sorted().toList(), e.abhRole() == null ? null : e.abhRole().name(),
                    e.riskLevel().name(), e.source(), e.assignedWorker(), e.actor(), e.at(), e.childOrCase())));
        }
        if (event instanceof id.amk.cases.casefile.api.Events.ChildLinkedEvent e) {
            // which child the case is counted as: the opaque identities, never the reason
            return Optional.of(new OutgoingEvent(id.amk.contracts.cases.ChildLinked.TYPE, new id.amk.contracts.cases.ChildLinked(e.caseId(),
                    e.childId(), e.previousChildId(), e.actor(), e.at())));
        }
        if (event instanceof WorkerAssignedEvent e) {
            return Optional.of(new OutgoingEvent(CaseAssigned.TYPE, new CaseAssigned(e.caseId(), e.regionCode(), e.worker(), false, e.actor(),
                    e.at())));
        }
        if (event instanceof CaseTransferredEvent e) {
            return Optional.of(new OutgoingEvent(CaseAssigned.TYPE, new CaseAssigned(e.caseId(), e.toRegionCode(), e.toWorker(), true,
                    e.actor(), e.at())));
        }
        if (event instanceof FirstContactRecordedEvent e) {
            return Optional.of(new OutgoingEvent(FirstContactRecorded.TYPE, new FirstContactRecorded(e.caseId(), e.contactedAt(), e.actor(),
                    e.at())));
        }
        if (event instanceof CaseAssessedEvent e) {
            return Optional.of(new OutgoingEvent(CaseStageChanged.TYPE, new CaseStageChanged(e.caseId(), Stage.REGISTERED.name(),
                    Stage.ASSESSED.name(), e.actor(), e.at(), null, e.riskLevel() == null ? null : e.riskLevel().name(),
                    e.recommendedComponents().stream().sorted().toList())));
        }
        if (event instanceof CasePlannedEvent e) {
            return stage(e.caseId(), Stage.ASSESSED, Stage.PLANNED, e.actor(), e.at(), null);
        }
        if (event instanceof InterventionStartedEvent e) {
            return stage(e.caseId(), Stage.PLANNED, Stage.IN_INTERVENTION, e.actor(), e.at(), null);
        }
        if (event instanceof ReintegrationStartedEvent e) {
            return stage(e.caseId(), Stage.IN_INTERVENTION, Stage.REINTEGRATION, e.actor(), e.at(), null);
        }
        if (event instanceof CaseClosedEvent e) {
            return stage(e.caseId(), Stage.REINTEGRATION, Stage.CLOSED, e.actor(), e.at(), null);
        }
        if (event instanceof CaseReopenedEvent e) {
            return stage(e.caseId(), Stage.CLOSED, Stage.REGISTERED, e.actor(), e.at(), null);
        }
        if (event instanceof CaseDeadlineMissedEvent e) {
            return Optional.of(new OutgoingEvent(CaseDeadlineMissed.TYPE, new CaseDeadlineMissed(e.caseId(), e.deadline().name(), e.dueAt(),
                    e.regionCode(), e.assignedWorker(), e.regionCode().substring(0, 2), e.at())));
        }
        if (event instanceof CaseDeadlineApproachingEvent e) {
            return Optional.of(new OutgoingEvent(CaseDeadlineApproaching.TYPE, new CaseDeadlineApproaching(e.caseId(), e.deadline().name(),
                    e.dueAt(), e.regionCode(), e.assignedWorker(), e.at())));
        }
        if (event instanceof PersonalDataErasedEvent e) {
            return Optional.of(new OutgoingEvent(PersonalDataErased.TYPE, new PersonalDataErased(e.caseId(), e.at())));
        }
        return Optional.empty();
    }

    private static Optional<OutgoingEvent> stage(String caseId, Stage from, Stage to, String actor, java.time.Instant at, String reason) {
        return Optional.of(new OutgoingEvent(CaseStageChanged.TYPE, new CaseStageChanged(caseId, from.name(), to.name(), actor, at, reason, null, null)));
    }
}
