package id.amk.platform.config;

import id.amk.platform.kafka.KafkaCredentials;
import org.springframework.boot.SpringApplication;
import org.springframework.boot.env.EnvironmentPostProcessor;
import org.springframework.core.Ordered;
import org.springframework.core.env.ConfigurableEnvironment;
import org.springframework.core.env.MapPropertySource;

import java.util.LinkedHashMap;
import java.util.Map;

/**
 * The operational defaults every AMK service shares, at the lowest precedence so that a service's
 * application.yml or the environment can still override each of them: graceful shutdown, actuator
 * probes with Kafka and Mongo in readiness, Prometheus metrics, problem+json, bilingual messages, Jackson
 * serialization in Axon, readable logs in dev and structured JSON (ECS) everywhere else.
 */
public class AmkDefaults implements EnvironmentPostProcessor, Ordered {

    public static final String DEV_PROFILE = "dev";

    @Override
    public void postProcessEnvironment(ConfigurableEnvironment environment, SpringApplication application) {
        Map<String, Object> defaults = new LinkedHashMap<>();
        defaults.put("server.shutdown", "graceful");
        defaults.put("spring.lifecycle.timeout-per-shutdown-phase", "20s");
        defaults.put("management.endpoints.web.exposure.include", "health,info,prometheus,metrics");
        defaults.put("management.endpoint.health.probes.enabled", "true");
        defaults.put("management.endpoint.health.show-components", "always");
        // revocations: a service that has not read who was disabled yet would let their tokens through
        defaults.put("management.endpoint.health.group.readiness.include", "readinessState,mongo,kafka,revocations");
        defaults.put("management.metrics.tags.application", "${spring.application.name}");
        defaults.put("spring.mvc.problemdetails.enabled", "true");
        defaults.put("server.error.include-stacktrace", "never");
        defaults.put("server.error.include-message", "never");
        defaults.put("server.error.include-binding-errors", "never");
        defaults.put("spring.messages.basename", "amk-problems");
        defaults.put("spring.messages.fallback-to-system-locale", "false");
        // every message is a MessageFormat pattern ('' for an apostrophe), with or without arguments: without this, a
        // message without arguments showed its '' as typed ("the child''s role")
        defaults.put("spring.messages.always-use-message-format", "true");
        defaults.put("spring.kafka.consumer.auto-offset-reset", "earliest");
        // a crashed instance (kill -9, a node lost) gives its partitions up after 10 s, not the client's default 45 s:
        // until then nothing reads them (seen: a report accepted right after case-service crashed waited for its case)
        defaults.put("spring.kafka.consumer.properties.session.timeout.ms", "10000");
        defaults.put("spring.kafka.consumer.properties.heartbeat.interval.ms", "3000");
        defaults.put("spring.kafka.producer.acks", "all");
        defaults.put("spring.kafka.producer.properties.enable.idempotence", "true");
        defaults.put("spring.kafka.producer.properties.max.block.ms", "10000");
        // a key given twice is refused (400 duplicate-key), not silently resolved to one of its values
        defaults.put("spring.jackson.parser.strict-duplicate-detection", "true");
        // the key that wraps every key kept at rest (PrivacyAutoConfiguration): from the environment, never a database
        defaults.put("amk.privacy.master-key", "${AMK_MASTER_KEY:}");
        defaults.put("axon.serializer.general", "jackson");
        defaults.put("axon.serializer.events", "jackson");
        defaults.put("axon.serializer.messages", "jackson");
        defaults.put("axon.axonserver.enabled", "false");
        // the Kafka relay: one pooled streaming processor; the token is stored once per batch, so a crash
        // re-sends at most one batch (same CloudEvents ids: consumers drop the copies)
        defaults.put("axon.eventhandling.processors.kafka-relay.mode", "pooled");
        defaults.put("axon.eventhandling.processors.kafka-relay.batch-size", "10");
        defaults.put("logging.level.org.apache.kafka", "WARN");
        defaults.put("logging.level.org.apache.kafka.clients.NetworkClient", "ERROR");
        defaults.put("logging.pattern.correlation", "[%X{correlationId:-}] ");
        kafkaPrincipal(environment, defaults);
        boolean dev = environment.matchesProfiles(DEV_PROFILE);
        if (!dev && !environment.getProperty("amk.logging.readable", Boolean.class, false)) {
            defaults.put("logging.structured.format.console", "ecs");
        }
        environment.getPropertySources().addLast(new MapPropertySource("amkDefaults", defaults));
    }

    /**
     * With {@code AMK_KAFKA_USERNAME}/{@code AMK_KAFKA_PASSWORD} every Kafka client of the service (Spring Kafka's, the
     * relay's, the revocation feed's, the health check's) logs in as the service's own principal. Its consumers then
     * never create a topic: the ACLs give that right to the topic's writer only, and a consumer asking for it would be
     * refused instead of waiting for the topic to appear.
     */
    private static void kafkaPrincipal(ConfigurableEnvironment environment, Map<String, Object> defaults) {
        String username = environment.getProperty(KafkaCredentials.USERNAME, "");
        if (username.isBlank()) {
            return;
        }
        String password = environment.getProperty(KafkaCredentials.PASSWORD, "");
        if (password.isEmpty()) {
            throw new IllegalStateException("AMK_KAFKA_USERNAME is set without AMK_KAFKA_PASSWORD");
        }
        if (password.contains("${")) {
            // it would be read as a placeholder of the configuration, not as the password
            throw new IllegalStateException("AMK_KAFKA_PASSWORD must not contain '${'");
        }
        KafkaCredentials.clientProperties(username, password, environment.getProperty(KafkaCredentials.SECURITY_PROTOCOL))
                .forEach((key, value) -> defaults.put("spring.kafka.properties." + key, value));
        defaults.put("spring.kafka.consumer.properties.allow.auto.create.topics", "false");
        // a topic created after a consumer subscribed to it is found at the consumer's next metadata refresh: every 5 s,
        // not the client's 5 minutes (seen: a fresh platform's first referral reached reporting-service after 64 s)
        defaults.put("spring.kafka.consumer.properties.metadata.max.age.ms", "5000");
    }

    @Override
    public int getOrder() {
        return Ordered.LOWEST_PRECEDENCE;
    }
}
