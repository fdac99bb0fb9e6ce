package id.amk.platform.relay;

import com.fasterxml.jackson.databind.ObjectMapper;
import org.apache.kafka.clients.producer.KafkaProducer;
import org.apache.kafka.clients.producer.Producer;
import org.apache.kafka.clients.producer.ProducerConfig;
import org.apache.kafka.common.serialization.ByteArraySerializer;
import org.apache.kafka.common.serialization.StringSerializer;
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
import java.util.HashMap;
import java.util.List;
import java.util.Map;

/** Switched on by a service that declares an {@link IntegrationEventMapper}. */
@AutoConfiguration(after = org.springframework.boot.autoconfigure.kafka.KafkaAutoConfiguration.class)
@ConditionalOnClass(EventStorageEngine.class)
@ConditionalOnBean(IntegrationEventMapper.class)
public class RelayAutoConfiguration {

    @Bean(destroyMethod = "")
    Producer<String, byte[]> relayProducer(KafkaProperties kafka, Environment environment) {
        Map<String, Object> config = new HashMap<>(kafka.buildProducerProperties(null));
        config.put(ProducerConfig.KEY_SERIALIZER_CLASS_CONFIG, StringSerializer.class);
        config.put(ProducerConfig.VALUE_SERIALIZER_CLASS_CONFIG, ByteArraySerializer.class);
        config.put(ProducerConfig.ACKS_CONFIG, "all");
        config.put(ProducerConfig.ENABLE_IDEMPOTENCE_CONFIG, true);
        config.put(ProducerConfig.CLIENT_ID_CONFIG, environment.getRequiredProperty("spring.application.name") + "-relay");
        config.remove(ProducerConfig.TRANSACTIONAL_ID_CONFIG);
        return new KafkaProducer<>(config);
    }

    @Bean
    KafkaEventRelay kafkaEventRelay(List<IntegrationEventMapper> mappers, Producer<String, byte[]> relayProducer,
                                    ObjectMapper json, Environment environment) {
        return new KafkaEventRelay(mappers, relayProducer, json, environment.getRequiredProperty("spring.application.name"));
    }

    /**
     * The relay's processor streams from the start of the event store; a failure (Kafka unreachable) propagates, so the batch is retried with back-off instead of being logged and skipped.
     */
    @Bean
    ConfigurerModule kafkaRelayProcessor(Producer<String, byte[]> relayProducer) {
        return configurer -> {
            // mode and batch size: AmkDefaults (axon.eventhandling.processors.kafka-relay.*), overridable
            configurer.eventProcessing()
                    .registerListenerInvocationErrorHandler(KafkaEventRelay.PROCESSING_GROUP, c -> PropagatingErrorHandler.instance());
            // the producer closes after the processor has stopped (Axon shuts down before Spring destroys beans)
            configurer.onInitialize(config -> config.onShutdown(() -> relayProducer.close(Duration.ofSeconds(5))));
        };
    }
}
