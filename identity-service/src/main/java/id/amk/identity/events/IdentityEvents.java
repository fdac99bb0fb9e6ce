package id.amk.identity.events;

import com.fasterxml.jackson.core.JsonProcessingException;
import com.fasterxml.jackson.databind.ObjectMapper;
import id.amk.contracts.EventCatalog;
import id.amk.contracts.EventType;
import id.amk.platform.correlation.CorrelationId;
import org.springframework.stereotype.Component;

import java.time.Instant;
import java.util.UUID;

/** Turns a contract record into a pending event for the outbox of the document that changed. */
@Component
public class IdentityEvents {

    private final ObjectMapper json;

    public IdentityEvents(ObjectMapper json) {
        this.json = json;
    }

    public PendingEvent of(String aggregateId, Object data) {
        EventType type = EventCatalog.byDataClass(data.getClass())
                .orElseThrow(() -> new IllegalArgumentException("not a contract event: " + data.getClass()));
        try {
            return new PendingEvent(UUID.randomUUID().toString(), type.type(), aggregateId, Instant.now(),
                    json.writeValueAsString(data), CorrelationId.current());
        } catch (JsonProcessingException e) {
            throw new IllegalStateException("cannot serialize " + type.type(), e);
        }
    }
}
