package id.amk.platform.kafka;

import id.amk.contracts.Topics;
import org.apache.kafka.clients.consumer.ConsumerConfig;
import org.apache.kafka.clients.producer.ProducerConfig;
import org.apache.kafka.common.TopicPartition;
import org.apache.kafka.common.serialization.ByteArrayDeserializer;
import org.apache.kafka.common.serialization.ByteArraySerializer;
import org.apache.kafka.common.serialization.StringDeserializer;
import org.apache.kafka.common.serialization.StringSerializer;
import org.springframework.context.SmartLifecycle;
import org.springframework.kafka.core.DefaultKafkaConsumerFactory;
import org.springframework.kafka.core.DefaultKafkaProducerFactory;
import org.springframework.kafka.core.KafkaTemplate;
import org.springframework.kafka.listener.ConcurrentMessageListenerContainer;
import org.springframework.kafka.listener.ContainerProperties;
import org.springframework.kafka.listener.DeadLetterPublishingRecoverer;
import org.springframework.kafka.listener.DefaultErrorHandler;
import org.springframework.util.backoff.FixedBackOff;

import java.time.Duration;
import java.util.ArrayList;
import java.util.HashMap;
import java.util.List;
import java.util.Map;
import java.util.function.Function;

/**
 * Runs every {@link IntegrationEventListener} bean in a listener container of its own: offsets are
 * committed after processing (a restart resumes from them), a failure is retried twice and then the
 * message is published to {@code <topic>.dlt} with the error (no stack trace) while the consumer goes on. A listener
 * may read as a principal of its own ({@code amk.kafka.listeners.<name>.username/password}): reporting-service's
 * registry links read the restricted {@code case.registry.v1} as the registry principal, which nothing else is.
 */
public class IntegrationEventConsumers implements SmartLifecycle {

    private final List<ConcurrentMessageListenerContainer<String, byte[]>> containers = new ArrayList<>();
    private final DefaultKafkaProducerFactory<String, byte[]> deadLetterProducers;
    private volatile boolean running;

    public IntegrationEventConsumers(String applicationName, List<IntegrationEventListener> listeners,
                                     Map<String, Object> consumerConfig, Map<String, Object> producerConfig,
                                     ProcessedEvents processed, Function<String, Map<String, Object>> listenerPrincipal) {
        Map<String, Object> producer = new HashMap<>(producerConfig);
        producer.put(ProducerConfig.KEY_SERIALIZER_CLASS_CONFIG, StringSerializer.class);
        producer.put(ProducerConfig.VALUE_SERIALIZER_CLASS_CONFIG, ByteArraySerializer.class);
        producer.remove(ProducerConfig.TRANSACTIONAL_ID_CONFIG);
        this.deadLetterProducers = new DefaultKafkaProducerFactory<>(producer);
        DeadLetterPublishingRecoverer deadLetters = new DeadLetterPublishingRecoverer(new KafkaTemplate<>(deadLetterProducers),
                // partition -1: let Kafka pick by key, the dead-letter topic need not have as many partitions
                (record, error) -> new TopicPartition(Topics.deadLetter(record.topic()), -1));
        deadLetters.excludeHeader(DeadLetterPublishingRecoverer.HeaderNames.HeadersToAdd.EX_STACKTRACE);

        for (IntegrationEventListener listener : listeners) {
            String group = applicationName + "." + listener.name();
            Map<String, Object> consumer = new HashMap<>(consumerConfig);
            consumer.put(ConsumerConfig.GROUP_ID_CONFIG, group);
            consumer.put(ConsumerConfig.KEY_DESERIALIZER_CLASS_CONFIG, StringDeserializer.class);
            consumer.put(ConsumerConfig.VALUE_DESERIALIZER_CLASS_CONFIG, ByteArrayDeserializer.class);
            consumer.put(ConsumerConfig.ENABLE_AUTO_COMMIT_CONFIG, false);
            consumer.putIfAbsent(ConsumerConfig.AUTO_OFFSET_RESET_CONFIG, "earliest");
            consumer.putAll(listenerPrincipal.apply(listener.name()));

            ContainerProperties properties = new ContainerProperties(listener.topics().toArray(String[]::new));
            properties.setMessageListener(new IdempotentDispatcher(listener, group, processed));
            properties.setAckMode(ContainerProperties.AckMode.BATCH);
            // a principal refused (ACLs not applied yet, a password being rotated) keeps trying instead of stopping the
            // consumer for good; the refusal is logged each time
            properties.setAuthExceptionRetryInterval(Duration.ofSeconds(10));
            var container = new ConcurrentMessageListenerContainer<>(new DefaultKafkaConsumerFactory<String, byte[]>(consumer), properties);
            DefaultErrorHandler errors = new DefaultErrorHandler(deadLetters, new FixedBackOff(500L, 2));
            errors.addNotRetryableExceptions(UnprocessableEventException.class);
            container.setCommonErrorHandler(errors);
            container.setBeanName(group);
            containers.add(container);
        }
    }

    @Override
    public void start() {
        containers.forEach(ConcurrentMessageListenerContainer::start);
        running = true;
    }

    @Override
    public void stop() {
        containers.forEach(ConcurrentMessageListenerContainer::stop);
        deadLetterProducers.destroy();
        running = false;
    }

    @Override
    public boolean isRunning() {
        return running;
    }
}
