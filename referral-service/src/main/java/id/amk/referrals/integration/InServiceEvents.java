package id.amk.referrals.integration;

import id.amk.platform.relay.IntegrationEventMapper;
import id.amk.platform.relay.OutgoingEvent;
import id.amk.referrals.referral.api.ReferralEvents.ServiceSessionDeliveredEvent;
import org.axonframework.eventhandling.DomainEventMessage;

import java.util.Optional;

/** {@code ReferralStatusChanged} IN_SERVICE for a referral's first session (see {@link PublicReferralEvents#inService}). */
@org.springframework.stereotype.Component
@org.springframework.core.annotation.Order(1)
class InServiceEvents implements IntegrationEventMapper {

    private final PublicReferralEvents events;

    InServiceEvents(PublicReferralEvents events) {
        this.events = events;
    }

    @Override
    public Optional<OutgoingEvent> map(DomainEventMessage<?> message) {
        return message.getPayload() instanceof ServiceSessionDeliveredEvent session ? events.inService(session) : Optional.empty();
    }
}
