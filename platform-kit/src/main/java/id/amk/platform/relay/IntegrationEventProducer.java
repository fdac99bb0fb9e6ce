package id.amk.platform.relay;

import org.apache.kafka.clients.producer.Producer;
import org.apache.kafka.clients.producer.ProducerRecord;
import org.apache.kafka.clients.producer.RecordMetadata;

import java.time.Duration;
import java.util.concurrent.ExecutionException;
import java.util.concurrent.TimeUnit;
import java.util.concurrent.TimeoutException;
import java.util.function.Supplier;

/**
 * Publishes one integration event and waits until Kafka has it (acks=all, idempotent). A send that fails leaves the
 * Kafka producer behind: it is closed and the next send opens a new one. An idempotent producer that once failed to log
 * in or was refused (a service started before its Kafka principal existed, a password being rotated) stays broken for
 * good otherwise: seen, every later send of the relay timed out. The caller retries the event (the relay its batch, the
 * outbox its document) with the same CloudEvents id, so consumers drop a copy that did get through.
 */
public final class IntegrationEventProducer implements AutoCloseable {

    private static final org.slf4j.Logger log = org.slf4j.LoggerFactory.getLogger(IntegrationEventProducer.class);

    private final Supplier<Producer<String, byte[]>> factory;
    private Producer<String, byte[]> current;
    private boolean closed;

    public IntegrationEventProducer(Supplier<Producer<String, byte[]>> factory) {
        this.factory = factory;
    }

    public RecordMetadata send(ProducerRecord<String, byte[]> record, Duration timeout)
            throws InterruptedException, ExecutionException, TimeoutException {
        Producer<String, byte[]> producer = producer();
        try {
            return producer.send(record).get(timeout.toMillis(), TimeUnit.MILLISECONDS);
        } catch (ExecutionException | TimeoutException | RuntimeException e) {
            discard(producer, e);
            throw e;
        }
    }

    private synchronized Producer<String, byte[]> producer() {
        if (closed) {
            throw new IllegalStateException("the producer is closed");
        }
        if (current == null) {
            current = factory.get();
        }
        return current;
    }

    private synchronized void discard(Producer<String, byte[]> failed, Exception e) {
        if (current == failed) {
            current = null;
            log.warn("Kafka send failed ({}); a new producer is opened for the next one", e.getCause() != null ? e.getCause() : e.toString());
            // nothing left to wait for: what it had not sent is sent again by the caller
            failed.close(Duration.ZERO);
        }
    }

    public void close(Duration timeout) {
        Producer<String, byte[]> producer;
        synchronized (this) {
            closed = true;
            producer = current;
            current = null;
        }
        if (producer != null) {
            producer.close(timeout);
        }
    }

    @Override
    public void close() {
        close(Duration.ofSeconds(5));
    }
}
