package id.amk.platform.kafka;

import id.amk.platform.correlation.CorrelationId;
import org.apache.kafka.clients.consumer.ConsumerRecord;
import org.slf4j.Logger;
import org.slf4j.LoggerFactory;
import org.slf4j.MDC;
import org.springframework.kafka.listener.MessageListener;

/** Turns a Kafka record into a {@link ReceivedEvent} and hands it to its listener once per event id. */
class IdempotentDispatcher implements MessageListener<String, byte[]> {

    private static final Logger log = LoggerFactory.getLogger(IdempotentDispatcher.class);

    private final IntegrationEventListener listener;
    private final String consumer;
    private final ProcessedEvents processed;

    IdempotentDispatcher(IntegrationEventListener listener, String consumer, ProcessedEvents processed) {
        this.listener = listener;
        this.consumer = consumer;
        this.processed = processed;
    }

    @Override
    public void onMessage(ConsumerRecord<String, byte[]> record) {
        ReceivedEvent event = ReceivedEvent.from(record);
        MDC.put(CorrelationId.MDC_KEY, event.correlationId() != null ? event.correlationId() : event.id());
        try {
            if (processed.contains(consumer, event.id())) {
                log.debug("Skipping event {} ({}): already processed by {}", event.id(), event.type(), consumer);
                return;
            }
            listener.on(event);
            processed.add(consumer, event.id());
        } catch (RuntimeException e) {
            throw e;
        } catch (Exception e) {
            throw new IllegalStateException("listener " + consumer + " failed on event " + event.id(), e);
        } finally {
            MDC.remove(CorrelationId.MDC_KEY);
        }
    }
}
