package id.amk.cases.casefile.query;

import com.github.benmanes.caffeine.cache.Cache;
import com.github.benmanes.caffeine.cache.Caffeine;
import id.amk.cases.casefile.api.Events.CaseEvent;
import id.amk.cases.casefile.command.CaseState;
import org.axonframework.eventsourcing.eventstore.EventStore;
import org.springframework.stereotype.Component;

/**
 * The state of each case right after a given event, for the views that need the whole case: kept in memory and
 * advanced event by event, so a view does not re-read the case's events each time (which the embedded Mongo
 * server answers by scanning the whole event store). Read from the event store only when the cache does not
 * hold the state just before (after a restart, or a view replaying from the start).
 */
@Component
public class CaseStates {

    private final EventStore events;
    private final Cache<String, CaseState> latest = Caffeine.newBuilder().maximumSize(20_000).build();

    CaseStates(EventStore events) {
        this.events = events;
    }

    public CaseState after(CaseEvent event, long sequence) {
        CaseState cached = latest.getIfPresent(event.caseId());
        CaseState state;
        if (cached != null && cached.version() == sequence) {
            state = cached;
        } else if (cached != null && cached.version() == sequence - 1) {
            state = cached.apply(event);
        } else if (sequence == 0) {
            // a case's first event is all there is to it: no read (on the embedded Mongo every read of a case's events
            // scans the whole event store, and this is every registration)
            state = CaseState.initial().apply(event);
        } else {
            state = CaseHistory.fold(events.readEvents(event.caseId()).asStream().toList(), sequence);
        }
        latest.asMap().merge(event.caseId(), state, (old, candidate) -> candidate.version() >= old.version() ? candidate : old);
        return state;
    }
}
