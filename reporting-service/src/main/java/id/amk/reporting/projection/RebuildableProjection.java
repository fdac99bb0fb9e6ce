package id.amk.reporting.projection;

import id.amk.platform.kafka.IntegrationEventListener;
import id.amk.platform.kafka.ReceivedEvent;

import java.util.List;

/**
 * A read model fed only by Kafka events that can be dropped and rebuilt from offset 0 of its topics. Its {@link #apply}
 * must write through {@link ProjectionStore} only, so applying an event twice or out of order across aggregates
 * gives the same result. Live events go to the active generation and, during a rebuild, to the one being built.
 */
public abstract class RebuildableProjection implements IntegrationEventListener {

    private Projections projections;

    /** Base names of the collections this projection writes. */
    public abstract List<String> collections();

    public abstract void apply(ReceivedEvent event, ProjectionStore store);

    void attach(Projections projections) {
        this.projections = projections;
    }

    @Override
    public final void on(ReceivedEvent event) {
        projections.live(name()).forEach(store -> apply(event, store));
    }
}
