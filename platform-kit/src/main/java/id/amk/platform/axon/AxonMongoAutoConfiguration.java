package id.amk.platform.axon;

import com.mongodb.client.MongoClient;
import org.axonframework.common.caching.Cache;
import org.axonframework.common.caching.WeakReferenceCache;
import org.axonframework.config.Configuration;
import org.axonframework.eventhandling.EventBus;
import org.axonframework.eventhandling.EventBusSpanFactory;
import org.axonframework.eventhandling.tokenstore.TokenStore;
import org.axonframework.eventsourcing.eventstore.EmbeddedEventStore;
import org.axonframework.eventsourcing.eventstore.EventStore;
import org.axonframework.eventsourcing.eventstore.EventStorageEngine;
import org.axonframework.extensions.mongo.DefaultMongoTemplate;
import org.axonframework.extensions.mongo.MongoTemplate;
import org.axonframework.extensions.mongo.eventsourcing.eventstore.MongoEventStorageEngine;
import org.axonframework.extensions.mongo.eventsourcing.eventstore.documentperevent.DocumentPerEventStorageStrategy;
import org.axonframework.extensions.mongo.eventsourcing.tokenstore.MongoTokenStore;
import org.axonframework.serialization.Serializer;
import org.axonframework.springboot.autoconfig.AxonAutoConfiguration;
import org.springframework.beans.factory.annotation.Qualifier;
import org.springframework.beans.factory.annotation.Value;
import org.springframework.boot.autoconfigure.AutoConfiguration;
import org.springframework.boot.autoconfigure.condition.ConditionalOnClass;
import org.springframework.boot.autoconfigure.condition.ConditionalOnMissingBean;
import org.springframework.boot.autoconfigure.condition.ConditionalOnWebApplication;
import org.springframework.boot.autoconfigure.mongo.MongoAutoConfiguration;
import org.springframework.boot.autoconfigure.mongo.MongoProperties;
import org.springframework.context.MessageSource;
import org.springframework.context.annotation.Bean;

import java.time.Duration;

/**
 * Axon on the service's own Mongo database: the event store (the outbox of the Kafka relay) and the
 * token store of the streaming processors. axon-mongo has no Spring Boot starter for Axon 4.13, so the
 * beans are declared here, once.
 */
@AutoConfiguration(after = MongoAutoConfiguration.class, before = AxonAutoConfiguration.class)
@ConditionalOnClass({MongoEventStorageEngine.class, EventStorageEngine.class})
public class AxonMongoAutoConfiguration {

    @Bean
    @ConditionalOnMissingBean
    @ConditionalOnWebApplication(type = ConditionalOnWebApplication.Type.SERVLET)
    AxonProblemHandler axonProblemHandler(MessageSource messages) {
        return new AxonProblemHandler(messages);
    }


    @Bean
    @ConditionalOnMissingBean
    MongoTemplate axonMongoTemplate(MongoClient client, MongoProperties properties) {
        return DefaultMongoTemplate.builder().mongoDatabase(client, properties.getMongoClientDatabase()).build();
    }

    @Bean
    @ConditionalOnMissingBean
    EventStorageEngine eventStorageEngine(MongoTemplate template, @Qualifier("eventSerializer") Serializer eventSerializer,
                                          Serializer serializer, Configuration configuration,
                                          @Value("${amk.axon.tracking-look-back:10s}") Duration lookBack) {
        MongoEventStorageEngine engine = MongoEventStorageEngine.builder()
                .mongoTemplate(template)
                // Mongo has no global sequence: streaming processors follow the events by timestamp and look back this far
                // for events that became visible late (stamped when the command applied them, inserted at its commit).
                // Axon's default, 1 s, lost a registration whose commit took longer on a cold restart (fault tests, kill -9);
                // 10 s covers a cold start and a GC pause on these heaps, at the price of larger tokens.
                .storageStrategy(new DocumentPerEventStorageStrategy(null, lookBack))
                // a processor that is behind reads 500 events per query (Axon's default: 100); on the embedded Mongo each
                // query scans the store, so fewer, larger reads let it catch up several times faster
                .batchSize(500)
                .eventSerializer(eventSerializer)
                .snapshotSerializer(serializer)
                .upcasterChain(configuration.upcasterChain())
                .build();
        // unique (aggregate, sequence): two concurrent writers of one aggregate cannot both append
        engine.ensureIndexes();
        return engine;
    }

    /**
     * The event store, as Axon's auto-configuration builds it, with a smaller cache of recent events for the processors
     * that follow it (Axon's default: 10,000). Each cached event carries its tracking token, and a Mongo token holds
     * the ids of every event in the look-back window: 10,000 events x 10 s of events at 40/s was 150 MB of one
     * service's 256 MB heap under load, and full collections back to back. A processor that falls further behind than
     * the cache reads from the store itself.
     */
    @Bean
    @ConditionalOnMissingBean({EventStore.class, EventBus.class})
    EmbeddedEventStore eventStore(EventStorageEngine storageEngine, Configuration configuration,
                                  @Value("${amk.axon.cached-events:500}") int cachedEvents) {
        return EmbeddedEventStore.builder()
                .storageEngine(storageEngine)
                .messageMonitor(configuration.messageMonitor(EventStore.class, "eventStore"))
                .spanFactory(configuration.getComponent(EventBusSpanFactory.class))
                .cachedEvents(cachedEvents)
                .build();
    }

    /**
     * The aggregates in use stay in memory while referenced, so a command does not re-read its aggregate's events (on
     * the embedded Mongo server every such read scans the event store; on MongoDB it uses the (aggregate, sequence)
     * index); the garbage collector drops idle ones. Deliberately not a strong cache: with two instances of a service
     * (or two application contexts in one test JVM), an aggregate changed by the other instance would be read stale
     * from a cache that never lets go; a weak entry does not outlive the next collection. Every aggregate of the service
     * names it: {@code @Aggregate(cache = "aggregateCache")}.
     */
    @Bean
    @ConditionalOnMissingBean(name = "aggregateCache")
    Cache aggregateCache() {
        return new WeakReferenceCache();
    }

    @Bean
    @ConditionalOnMissingBean
    TokenStore tokenStore(MongoTemplate template, Serializer serializer) {
        MongoTokenStore store = MongoTokenStore.builder().mongoTemplate(template).serializer(serializer).build();
        store.ensureIndexes();
        return store;
    }
}
