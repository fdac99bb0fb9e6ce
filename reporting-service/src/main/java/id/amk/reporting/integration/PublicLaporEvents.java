package id.amk.reporting.integration;

import id.amk.contracts.lapor.ReportAccepted;
import id.amk.platform.relay.IntegrationEventMapper;
import id.amk.platform.relay.OutgoingEvent;
import id.amk.reporting.report.api.ReportEvents.ReportAcceptedEvent;
import id.amk.reporting.report.api.ReportEvents.ReportSubmittedEvent;
import org.axonframework.eventhandling.DomainEventMessage;
import org.axonframework.eventsourcing.eventstore.EventStore;
import org.springframework.context.annotation.Lazy;
import org.springframework.stereotype.Component;

import java.util.Optional;

/** What {@code lapor.events.v1} says: a report accepted in triage, for case-service to register its one case. No personal data. */
@Component
class PublicLaporEvents implements IntegrationEventMapper {

    private final EventStore events;

    PublicLaporEvents(@Lazy EventStore events) {
        this.events = events;
    }

    @Override
    public Optional<OutgoingEvent> map(DomainEventMessage<?> message) {
        if (message.getPayload() instanceof ReportAcceptedEvent e) {
            ReportSubmittedEvent submitted = (ReportSubmittedEvent) events.readEvents(e.reportId(), 0).next().getPayload();
            return Optional.of(new OutgoingEvent(ReportAccepted.TYPE, new ReportAccepted(e.reportId(), e.regionCode(), e.urgency().name(),
                    submitted.reporterType().name(), e.suspectedClusters().stream().sorted().toList(), e.assignedWorker(), e.actor(), e.at())));
        }
        return Optional.empty();
    }
}
