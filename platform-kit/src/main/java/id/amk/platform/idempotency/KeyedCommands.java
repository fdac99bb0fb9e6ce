package id.amk.platform.idempotency;

import org.axonframework.commandhandling.CommandMessage;
import org.axonframework.eventsourcing.eventstore.EventStore;
import org.axonframework.messaging.InterceptorChain;
import org.axonframework.messaging.Message;
import org.axonframework.messaging.correlation.CorrelationDataProvider;
import org.axonframework.messaging.MessageDispatchInterceptor;
import org.axonframework.messaging.MessageHandlerInterceptor;
import org.axonframework.messaging.unitofwork.UnitOfWork;
import org.axonframework.modelling.command.AnnotationCommandTargetResolver;
import org.axonframework.modelling.command.CommandTargetResolver;

import java.util.HashMap;
import java.util.List;
import java.util.Map;
import java.util.function.BiFunction;
import java.util.function.Supplier;

/** The Axon side of Idempotency-Key: commands sent while a keyed request runs carry its id; a retake checks the events first. */
final class KeyedCommands {

    /** Puts the request's key id (and whether it is a retake) on the commands it sends. */
    static final class OnDispatch implements MessageDispatchInterceptor<CommandMessage<?>> {
        @Override
        public BiFunction<Integer, CommandMessage<?>, CommandMessage<?>> handle(List<? extends CommandMessage<?>> messages) {
            return (index, command) -> Idempotency.current()
                    .filter(current -> !command.getMetaData().containsKey(Idempotency.METADATA_KEY))
                    .<CommandMessage<?>>map(current -> {
                        Map<String, Object> keyed = new HashMap<>();
                        keyed.put(Idempotency.METADATA_KEY, current.keyId());
                        if (current.retake()) {
                            keyed.put(Idempotency.RETAKE_METADATA_KEY, "true");
                        }
                        return command.andMetaData(keyed);
                    })
                    .orElse(command);
        }
    }

    /** Events carry the key's id and the command that caused them (so a retake of that command can find them). */
    static final class OnEvents implements CorrelationDataProvider {
        @Override
        public Map<String, ?> correlationDataFor(Message<?> message) {
            Object keyId = message.getMetaData().get(Idempotency.METADATA_KEY);
            if (keyId == null) {
                return Map.of();
            }
            Object command = message instanceof CommandMessage<?> c ? c.getPayloadType().getName()
                    : message.getMetaData().get(Idempotency.COMMAND_METADATA_KEY);
            return command == null ? Map.of(Idempotency.METADATA_KEY, keyId)
                    : Map.of(Idempotency.METADATA_KEY, keyId, Idempotency.COMMAND_METADATA_KEY, command);
        }
    }

    /**
     * A command sent again after an attempt that may have acted and died before it answered: if the aggregate's events
     * already carry the key and were caused by a command of the same type, the command is not applied a second time ({@link Idempotency#ALREADY_APPLIED}).
     */
    static final class RetakeGuard implements MessageHandlerInterceptor<CommandMessage<?>> {

        private final CommandTargetResolver targets = AnnotationCommandTargetResolver.builder().build();
        private final Supplier<EventStore> events;

        RetakeGuard(Supplier<EventStore> events) {
            this.events = events;
        }

        @Override
        public Object handle(UnitOfWork<? extends CommandMessage<?>> unitOfWork, InterceptorChain chain) throws Exception {
            CommandMessage<?> command = unitOfWork.getMessage();
            Object keyId = command.getMetaData().get(Idempotency.METADATA_KEY);
            if (keyId != null && "true".equals(command.getMetaData().get(Idempotency.RETAKE_METADATA_KEY))) {
                String aggregateId;
                try {
                    aggregateId = targets.resolveTarget(command).getIdentifier();
                } catch (IllegalArgumentException noTarget) {
                    return chain.proceed();
                }
                String type = command.getPayloadType().getName();
                boolean applied = events.get().readEvents(aggregateId).asStream()
                        .anyMatch(event -> keyId.equals(event.getMetaData().get(Idempotency.METADATA_KEY))
                                && type.equals(event.getMetaData().get(Idempotency.COMMAND_METADATA_KEY)));
                if (applied) {
                    return Idempotency.ALREADY_APPLIED;
                }
            }
            return chain.proceed();
        }
    }

    private KeyedCommands() {
    }
}
