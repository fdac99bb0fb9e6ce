package id.amk.referrals.integration;

import com.github.benmanes.caffeine.cache.Cache;
import com.github.benmanes.caffeine.cache.Caffeine;
import id.amk.contracts.referral.ReferralEscalated;
import id.amk.contracts.referral.ReferralSessionDelivered;
import id.amk.contracts.referral.ReferralStatusChanged;
import id.amk.platform.relay.IntegrationEventMapper;
import id.amk.platform.relay.OutgoingEvent;
import id.amk.referrals.referral.api.Component;
import id.amk.referrals.referral.api.ReferralEvents.ReferralAcceptedEvent;
import id.amk.referrals.referral.api.ReferralEvents.ReferralCancelledEvent;
import id.amk.referrals.referral.api.ReferralEvents.ReferralCompletedEvent;
import id.amk.referrals.referral.api.ReferralEvents.ReferralDeclinedEvent;
import id.amk.referrals.referral.api.ReferralEvents.ReferralEscalatedEvent;
import id.amk.referrals.referral.api.ReferralEvents.ReferralEvent;
import id.amk.referrals.referral.api.ReferralEvents.ReferralRequestedEvent;
import id.amk.referrals.referral.api.ReferralEvents.ServiceSessionDeliveredEvent;
import id.amk.referrals.referral.api.ReferralStatus;
import org.axonframework.eventhandling.DomainEventMessage;
import org.axonframework.eventsourcing.eventstore.EventStore;
import org.springframework.context.annotation.Lazy;

import java.util.Collection;
import java.util.List;
import java.util.Optional;

/**
 * What {@code referral.events.v1} says of a referral: its status, sessions and escalation with reason codes only —
 * never the sealed free text (reasons, notes, outcome summaries), which may name the child or family. Status
 * events carry the components and urgency, which the first event of the referral holds.
 */
@org.springframework.stereotype.Component
@org.springframework.core.annotation.Order(0) // before InServiceEvents: a first session, then the status it leads to
class PublicReferralEvents implements IntegrationEventMapper {

    private final EventStore events;
    /** The first event of recent referrals, so each later one does not read the event store (which the embedded Mongo scans). */
    private final Cache<String, ReferralRequestedEvent> requests = Caffeine.newBuilder().maximumSize(10_000).build();

    PublicReferralEvents(@Lazy EventStore events) {
        this.events = events;
    }

    @Override
    public Optional<OutgoingEvent> map(DomainEventMessage<?> message) {
        if (!(message.getPayload() instanceof ReferralEvent event)) {
            return Optional.empty();
        }
        if (event instanceof ReferralRequestedEvent e) {
            requests.put(e.referralId(), e);
            return status(e, e, ReferralStatus.REQUESTED, null);
        }
        if (event instanceof ServiceSessionDeliveredEvent e) {
            ReferralRequestedEvent request = request(e.referralId());
            return Optional.of(new OutgoingEvent(ReferralSessionDelivered.TYPE, new ReferralSessionDelivered(e.referralId(), e.caseId(),
                    request.providerId(), e.sessionNumber(), names(e.components()), e.deliveredAt())));
        }
        if (event instanceof ReferralEscalatedEvent e) {
            ReferralRequestedEvent request = request(e.referralId());
            return Optional.of(new OutgoingEvent(ReferralEscalated.TYPE, new ReferralEscalated(e.referralId(), e.caseId(),
                    request.providerId(), request.urgent(), e.dueAt(), e.escalatedTo(), e.at())));
        }
        ReferralRequestedEvent request = request(event.referralId());
        if (event instanceof ReferralAcceptedEvent) {
            return status(event, request, ReferralStatus.ACCEPTED, null);
        }
        if (event instanceof ReferralDeclinedEvent e) {
            return status(e, request, ReferralStatus.DECLINED, e.reason().name());
        }
        if (event instanceof ReferralCompletedEvent e) {
            return status(e, request, ReferralStatus.COMPLETED, e.outcome().name());
        }
        if (event instanceof ReferralCancelledEvent e) {
            return status(e, request, ReferralStatus.CANCELLED, e.reason().name());
        }
        return Optional.empty();
    }

    /**
     * A referral's first session puts it IN_SERVICE, as referral-service's own state says; consumers that fold statuses
     * (dashboards, the case's view, partners) learn it as a status like any other. Published beside the session by
     * {@link InServiceEvents}, as the relay publishes one event per mapper.
     */
    Optional<OutgoingEvent> inService(ServiceSessionDeliveredEvent session) {
        return session.sessionNumber() == 1 ? status(session, request(session.referralId()), ReferralStatus.IN_SERVICE, null) : Optional.empty();
    }

    /** The referral's first event (sequence 0), read by id from the event store. */
    private ReferralRequestedEvent request(String referralId) {
        return requests.get(referralId, id -> (ReferralRequestedEvent) events.readEvents(id, 0).next().getPayload());
    }

    private static Optional<OutgoingEvent> status(ReferralEvent e, ReferralRequestedEvent request, ReferralStatus status, String reason) {
        return Optional.of(new OutgoingEvent(ReferralStatusChanged.TYPE, new ReferralStatusChanged(e.referralId(), e.caseId(),
                request.providerId(), status.name(), names(request.components()), reason, e.at(), request.urgent(), request.agencyId(),
                request.consentBy() == null ? "EMERGENCY_OVERRIDE" : request.consentBy().name())));
    }

    private static List<String> names(Collection<Component> components) {
        return components.stream().map(Enum::name).sorted().toList();
    }
}
