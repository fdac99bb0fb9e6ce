package id.amk.gateway.bff;

import org.bson.Document;
import org.springframework.beans.factory.ObjectProvider;
import org.springframework.boot.actuate.health.Health;
import org.springframework.boot.actuate.health.ReactiveHealthIndicator;
import org.springframework.context.annotation.Bean;
import org.springframework.context.annotation.Configuration;
import org.springframework.data.mongodb.core.ReactiveMongoTemplate;
import reactor.core.publisher.Mono;

import java.time.Duration;

/**
 * The session store (Mongo) is up when it answers {@code ping}. Replaces Boot's indicator, named as it is, whose
 * {@code hello} command the embedded mongo-java-server does not know (the services do the same in platform-kit).
 */
@Configuration(proxyBeanMethods = false)
class SessionStoreHealth {

    @Bean(name = "mongoHealthContributor")
    ReactiveHealthIndicator mongoHealthContributor(ObjectProvider<ReactiveMongoTemplate> mongo) {
        return () -> {
            ReactiveMongoTemplate template = mongo.getIfAvailable();
            if (template == null) {
                return Mono.just(Health.unknown().withDetail("sessions", "in memory").build());
            }
            return template.executeCommand(new Document("ping", 1)).timeout(Duration.ofSeconds(3))
                    .map(answer -> answer.get("ok", Number.class).intValue() == 1 ? Health.up() : Health.down())
                    .map(health -> health.withDetail("database", "amk-gateway").build())
                    .onErrorResume(e -> Mono.just(Health.down(e).build()));
        };
    }
}
