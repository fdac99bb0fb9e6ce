package id.amk.cases.casefile.query;

import id.amk.cases.casefile.api.Events.CaseRegisteredEvent;
import id.amk.cases.casefile.api.Events.WorkerAssignedEvent;
import id.amk.cases.casefile.api.RiskLevel;
import id.amk.cases.casefile.api.SealedChild;
import id.amk.cases.casefile.command.CaseState;
import org.axonframework.eventhandling.GenericDomainEventMessage;
import org.axonframework.eventsourcing.eventstore.EmbeddedEventStore;
import org.axonframework.eventsourcing.eventstore.inmemory.InMemoryEventStorageEngine;
import org.junit.jupiter.api.AfterEach;
import org.junit.jupiter.api.Test;

import java.time.Instant;
import java.util.Set;

import static org.assertj.core.api.Assertions.assertThat;

/** The views' state of a case: from memory when it can be, from the event store when it must. */
class CaseStatesTest {

    private static final Instant T0 = Instant.parse("2026-03-01T08:00:00Z");
    private static final CaseRegisteredEvent REGISTERED = new CaseRegisteredEvent("c-1", "AMK-3273-2026-000001", "32.73.01",
            new SealedChild("sealed"), Set.of("NEGLECT_VICTIM"), null, RiskLevel.HIGH, "WALK_IN", null, true, "peksos.bandung",
            "peksos.bandung", T0, null);
    private static final WorkerAssignedEvent ASSIGNED = new WorkerAssignedEvent("c-1", "peksos.cimahi", "peksos.bandung", "32.73.01",
            new id.amk.cases.casefile.api.SealedText("caseload"), "supervisor.jabar", T0.plusSeconds(60));

    private final EmbeddedEventStore store = EmbeddedEventStore.builder().storageEngine(new InMemoryEventStorageEngine()).build();

    @AfterEach
    void shutDown() {
        store.shutDown();
    }

    @Test
    void aCasesFirstEventIsAllThereIsSoNothingIsRead() {
        // the store is empty on purpose: a state folded from the store would be the empty initial state
        CaseState state = new CaseStates(store).after(REGISTERED, 0);

        assertThat(state.version()).isZero();
        assertThat(state.caseNumber()).isEqualTo("AMK-3273-2026-000001");
        assertThat(state.assignedWorker()).isEqualTo("peksos.bandung");
    }

    @Test
    void theNextEventAdvancesTheStateInMemory() {
        CaseStates states = new CaseStates(store);
        states.after(REGISTERED, 0);

        CaseState state = states.after(ASSIGNED, 1);

        assertThat(state.version()).isEqualTo(1);
        assertThat(state.assignedWorker()).isEqualTo("peksos.cimahi");
    }

    @Test
    void withoutTheStateJustBeforeTheCaseIsReadFromTheStore() {
        store.publish(new GenericDomainEventMessage<>("CaseFile", "c-1", 0, REGISTERED),
                new GenericDomainEventMessage<>("CaseFile", "c-1", 1, ASSIGNED));

        // a fresh instance, as after a restart: nothing in memory
        CaseState state = new CaseStates(store).after(ASSIGNED, 1);

        assertThat(state.version()).isEqualTo(1);
        assertThat(state.caseNumber()).isEqualTo("AMK-3273-2026-000001");
        assertThat(state.assignedWorker()).isEqualTo("peksos.cimahi");
    }
}
