package id.amk.platform.relay;

import com.fasterxml.jackson.databind.ObjectMapper;
import org.axonframework.config.ConfigurerModule;
import org.axonframework.eventhandling.PropagatingErrorHandler;
import org.axonframework.eventsourcing.eventstore.EventStorageEngine;
import org.springframework.boot.autoconfigure.AutoConfiguration;
import org.springframework.boot.autoconfigure.condition.ConditionalOnBean;
import org.springframework.boot.autoconfigure.condition.ConditionalOnClass;
import org.springframework.boot.autoconfigure.kafka.KafkaProperties;
import org.springframework.context.annotation.Bean;
import org.springframework.core.env.Environment;

import java.time.Duration;
import java.util.List;

/** Switched on by a service that declares an {@link IntegrationEventMapper}. */
@AutoConfiguration(after = org.springframework.boot.autoconfigure.kafka.KafkaAutoConfiguration.class)
@ConditionalOnClass(EventStorageEngine.class)
@ConditionalOnBean(IntegrationEventMapper.class)
public class RelayAutoConfiguration {

    @Bean(destroyMethod = "")
    IntegrationEventProducer relayProducer(KafkaProperties kafka, Environment environment) {
        return KafkaProducers.forIntegrationEvents(kafka, environment.getRequiredProperty("spring.application.name") + "-relay");
    }

    @Bean
    KafkaEventRelay kafkaEventRelay(List<IntegrationEventMapper> mappers, IntegrationEventProducer relayProducer,
                                    ObjectMapper json, Environment environment) {
        return new KafkaEventRelay(mappers, relayProducer, json, environment.getRequiredProperty("spring.application.name"));
    }

    /**
     * The relay's processor streams from the start of the event store; a failure (Kafka unreachable) propagates, so the batch is retried with back-off instead of being logged and skipped.
     */
    @Bean
    ConfigurerModule kafkaRelayProcessor(IntegrationEventProducer relayProducer) {
        return configurer -> {
            // mode and batch size: AmkDefaults (axon.eventhandling.processors.kafka-relay.*), overridable
            configurer.eventProcessing()
                    .registerListenerInvocationErrorHandler(KafkaEventRelay.PROCESSING_GROUP, c -> PropagatingErrorHandler.instance());
            // the producer closes after the processor has stopped (Axon shuts down before Spring destroys beans)
            configurer.onInitialize(config -> config.onShutdown(() -> relayProducer.close(Duration.ofSeconds(5))));
        };
    }
}
