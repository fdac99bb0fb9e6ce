package id.amk.platform.kafka;

import java.util.Collection;

/**
 * A service's consumer of integration events. Declare it as a bean: platform-kit runs it in its own
 * consumer group ({@code <spring.application.name>.<name>}), skips events it has already processed
 * (by CloudEvents id), retries a failure twice, then moves the message to {@code <topic>.dlt} and goes
 * on. Delivery is at least once, so {@link #on} must write idempotently (upserts keyed by id).
 */
public interface IntegrationEventListener {

    /** Stable, kebab-case: part of the consumer group and of the dedupe key. */
    String name();

    Collection<String> topics();

    void on(ReceivedEvent event) throws Exception;
}
