package id.amk.platform.kafka;

import org.springframework.beans.factory.ObjectProvider;
import org.springframework.boot.actuate.autoconfigure.health.ConditionalOnEnabledHealthIndicator;
import org.springframework.boot.autoconfigure.AutoConfiguration;
import org.springframework.boot.autoconfigure.condition.ConditionalOnBean;
import org.springframework.boot.autoconfigure.data.mongo.MongoDataAutoConfiguration;
import org.springframework.boot.autoconfigure.kafka.KafkaProperties;
import org.springframework.context.annotation.Bean;
import org.springframework.core.env.Environment;
import org.springframework.data.mongodb.core.MongoTemplate;

@AutoConfiguration(after = {org.springframework.boot.autoconfigure.kafka.KafkaAutoConfiguration.class, MongoDataAutoConfiguration.class})
public class KafkaAutoConfiguration {

    @Bean(name = "kafkaHealthIndicator")
    @ConditionalOnEnabledHealthIndicator("kafka")
    KafkaHealthIndicator kafkaHealthIndicator(KafkaProperties kafka) {
        return new KafkaHealthIndicator(kafka.buildAdminProperties(null));
    }

    @Bean
    @ConditionalOnBean(MongoTemplate.class)
    ProcessedEvents processedEvents(MongoTemplate mongo) {
        return new ProcessedEvents(mongo);
    }

    @Bean
    @ConditionalOnBean({IntegrationEventListener.class, ProcessedEvents.class})
    IntegrationEventConsumers integrationEventConsumers(Environment environment, ObjectProvider<IntegrationEventListener> listeners,
                                                        KafkaProperties kafka, ProcessedEvents processed) {
        return new IntegrationEventConsumers(environment.getRequiredProperty("spring.application.name"),
                listeners.orderedStream().toList(), kafka.buildConsumerProperties(null),
                kafka.buildProducerProperties(null), processed, name -> KafkaCredentials.ofListener(environment, name));
    }
}
