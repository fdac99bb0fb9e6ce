package id.amk.identity.events;

import java.time.Instant;

/**
 * An integration event waiting in the document it describes: written in the same single-document update
 * as the change itself (atomic without transactions), removed once Kafka has acknowledged it.
 */
public record PendingEvent(String eventId, String type, String aggregateId, Instant time, String json, String correlationId) {
}
