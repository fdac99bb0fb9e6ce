package id.amk.platform.relay;

import org.axonframework.eventhandling.DomainEventMessage;

import java.util.Optional;

/**
 * A service's mapping from its private domain events to public integration events (contracts). Empty for
 * an event that stays private. When several mappers map the same event, each result is published. Must be a pure function of the event: the relay may map an event again
 * after a restart, and the copy must be identical (same CloudEvents id, same data).
 */
public interface IntegrationEventMapper {

    Optional<OutgoingEvent> map(DomainEventMessage<?> event);
}
