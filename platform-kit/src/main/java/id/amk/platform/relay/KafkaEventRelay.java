package id.amk.platform.relay;

import com.fasterxml.jackson.core.JsonProcessingException;
import com.fasterxml.jackson.databind.ObjectMapper;
import id.amk.platform.correlation.CorrelationId;
import org.apache.kafka.clients.producer.ProducerRecord;
import org.axonframework.config.ProcessingGroup;
import org.axonframework.eventhandling.DomainEventMessage;
import org.axonframework.eventhandling.EventHandler;
import org.axonframework.eventhandling.EventMessage;

import java.time.Duration;
import java.util.List;
import java.util.Optional;
import java.util.concurrent.ExecutionException;
import java.util.concurrent.TimeoutException;

/**
 * Publishes the service's stored domain events to Kafka as CloudEvents (binary mode), at least once and in
 * order per aggregate. The event store is the outbox: this handler runs in a streaming processor whose
 * token sits in the Mongo token store, and it returns only once Kafka has acknowledged the record, so
 * the token never moves past an event that was not published. The CloudEvents id is the domain event's
 * id: a copy sent again after a crash carries the same id, and consumers drop it.
 */
@ProcessingGroup(KafkaEventRelay.PROCESSING_GROUP)
public class KafkaEventRelay {

    public static final String PROCESSING_GROUP = "kafka-relay";
    private static final org.slf4j.Logger log = org.slf4j.LoggerFactory.getLogger(KafkaEventRelay.class);
    private static final Duration SEND_TIMEOUT = Duration.ofSeconds(30);

    private final List<IntegrationEventMapper> mappers;
    private final IntegrationEventProducer producer;
    private final ObjectMapper json;
    private final String source;

    public KafkaEventRelay(List<IntegrationEventMapper> mappers, IntegrationEventProducer producer, ObjectMapper json,
                           String applicationName) {
        this.mappers = List.copyOf(mappers);
        this.producer = producer;
        this.json = json;
        this.source = CloudEventRecords.sourceOf(applicationName);
    }

    @EventHandler
    public void on(Object payload, EventMessage<?> message) throws InterruptedException, ExecutionException, TimeoutException {
        if (!(message instanceof DomainEventMessage<?> domainEvent)) {
            log.debug("Not a domain event, not relayed: {}", message.getPayloadType().getSimpleName());
            return;
        }
        // every mapper that knows the event publishes it: e.g. a public event and, on a restricted topic, a registry link
        boolean first = true;
        for (IntegrationEventMapper mapper : mappers) {
            Optional<OutgoingEvent> outgoing = mapper.map(domainEvent);
            if (outgoing.isEmpty()) {
                continue;
            }
            ProducerRecord<String, byte[]> record = toRecord(domainEvent, outgoing.get(), first);
            producer.send(record, SEND_TIMEOUT);
            log.debug("Published {} of aggregate {} (event {}) on {}", outgoing.get().type().type(), domainEvent.getAggregateIdentifier(),
                    domainEvent.getIdentifier(), record.topic());
            first = false;
        }
    }

    ProducerRecord<String, byte[]> toRecord(DomainEventMessage<?> event, OutgoingEvent outgoing) {
        return toRecord(event, outgoing, true);
    }

    /**
     * The CloudEvents id is the domain event's id; a second integration event of the same domain event gets an id derived
     * from both (stable across restarts, so consumers still deduplicate copies).
     */
    ProducerRecord<String, byte[]> toRecord(DomainEventMessage<?> event, OutgoingEvent outgoing, boolean primary) {
        byte[] data;
        try {
            data = json.writeValueAsBytes(outgoing.data());
        } catch (JsonProcessingException e) {
            throw new IllegalStateException("cannot serialize " + outgoing.type().type(), e);
        }
        Object correlationId = event.getMetaData().get(CorrelationId.METADATA_KEY);
        String id = primary ? event.getIdentifier() : java.util.UUID.nameUUIDFromBytes((event.getIdentifier() + ":" + outgoing.type().type())
                .getBytes(java.nio.charset.StandardCharsets.UTF_8)).toString();
        return CloudEventRecords.of(outgoing.type(), id, source, event.getAggregateIdentifier(),
                event.getTimestamp(), data, correlationId == null ? null : correlationId.toString());
    }
}
