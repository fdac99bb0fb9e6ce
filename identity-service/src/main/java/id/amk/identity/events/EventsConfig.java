package id.amk.identity.events;

import id.amk.platform.relay.KafkaProducers;
import id.amk.platform.relay.IntegrationEventProducer;
import org.springframework.boot.autoconfigure.kafka.KafkaProperties;
import org.springframework.context.annotation.Bean;
import org.springframework.context.annotation.Configuration;
import org.springframework.core.env.Environment;
import org.springframework.data.mongodb.core.MongoTemplate;
import org.springframework.scheduling.annotation.EnableScheduling;

import java.time.Duration;

@Configuration(proxyBeanMethods = false)
@EnableScheduling
class EventsConfig {

    @Bean(destroyMethod = "")
    IntegrationEventProducer identityEventsProducer(KafkaProperties kafka, Environment environment) {
        return KafkaProducers.forIntegrationEvents(kafka, environment.getRequiredProperty("spring.application.name") + "-outbox");
    }

    @Bean
    OutboxPublisher outboxPublisher(MongoTemplate mongo, IntegrationEventProducer identityEventsProducer, Environment environment) {
        return new OutboxPublisher(mongo, identityEventsProducer, environment.getRequiredProperty("spring.application.name"));
    }

    /** Closed after the scheduler has stopped (beans are destroyed in reverse order of creation). */
    @Bean
    AutoCloseable closeIdentityEventsProducer(IntegrationEventProducer identityEventsProducer) {
        return () -> identityEventsProducer.close(Duration.ofSeconds(5));
    }
}
