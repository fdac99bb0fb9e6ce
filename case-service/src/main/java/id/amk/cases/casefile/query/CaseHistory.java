package id.amk.cases.casefile.query;

import id.amk.cases.casefile.api.Events.CaseEvent;
import id.amk.cases.casefile.command.CaseState;
import org.axonframework.eventhandling.DomainEventMessage;
import org.axonframework.eventsourcing.eventstore.EventStore;
import org.springframework.stereotype.Component;

import java.time.Instant;
import java.util.List;
import java.util.Optional;

/** A case's own events from the event store: its state now or as of any instant, and its history. */
@Component
public class CaseHistory {

    private final EventStore events;

    public CaseHistory(EventStore events) {
        this.events = events;
    }

    /** The case as it was known at {@code asOf} (now when null); empty when it did not exist yet. */
    public Optional<CaseState> stateAsOf(String caseId, Instant asOf) {
        CaseState state = CaseState.initial();
        for (DomainEventMessage<?> message : messages(caseId)) {
            if (asOf != null && message.getTimestamp().isAfter(asOf)) {
                break;
            }
            if (message.getPayload() instanceof CaseEvent event) {
                state = state.apply(event);
            }
        }
        return state.caseId() == null ? Optional.empty() : Optional.of(state);
    }

    public List<DomainEventMessage<?>> messages(String caseId) {
        return events.readEvents(caseId).asStream().<DomainEventMessage<?>>map(m -> m).toList();
    }

    static CaseState fold(List<? extends DomainEventMessage<?>> messages, long upToSequence) {
        CaseState state = CaseState.initial();
        for (DomainEventMessage<?> message : messages) {
            if (message.getSequenceNumber() > upToSequence) {
                break;
            }
            if (message.getPayload() instanceof CaseEvent event) {
                state = state.apply(event);
            }
        }
        return state;
    }
}
