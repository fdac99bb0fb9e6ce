package id.amk.platform.kafka;

import id.amk.platform.config.AmkDefaults;
import org.junit.jupiter.api.Test;
import org.springframework.boot.SpringApplication;
import org.springframework.core.env.MapPropertySource;
import org.springframework.core.env.StandardEnvironment;

import java.util.HashMap;
import java.util.Map;

import static org.assertj.core.api.Assertions.assertThat;
import static org.assertj.core.api.Assertions.assertThatThrownBy;

class KafkaCredentialsTest {

    @Test
    void a_service_with_a_kafka_login_gives_it_to_every_client_and_its_consumers_create_no_topic() {
        StandardEnvironment environment = environment(Map.of("amk.kafka.username", "case-service", "amk.kafka.password", "s3cret"));
        assertThat(environment.getProperty("spring.kafka.properties.security.protocol")).isEqualTo("SASL_PLAINTEXT");
        assertThat(environment.getProperty("spring.kafka.properties.sasl.mechanism")).isEqualTo("SCRAM-SHA-512");
        assertThat(environment.getProperty("spring.kafka.properties.sasl.jaas.config"))
                .isEqualTo("org.apache.kafka.common.security.scram.ScramLoginModule required username=\"case-service\" password=\"s3cret\";");
        assertThat(environment.getProperty("spring.kafka.consumer.properties.allow.auto.create.topics")).isEqualTo("false");
    }

    @Test
    void without_a_login_the_client_speaks_plain_kafka_as_to_the_embedded_test_broker() {
        StandardEnvironment environment = environment(Map.of());
        assertThat(environment.getProperty("spring.kafka.properties.sasl.jaas.config")).isNull();
        assertThat(environment.getProperty("spring.kafka.consumer.properties.allow.auto.create.topics")).isNull();
    }

    @Test
    void a_quote_or_backslash_in_a_password_is_escaped_and_a_username_without_password_refused() {
        assertThat(KafkaCredentials.jaas("registry", "a\"b\\c")).endsWith("password=\"a\\\"b\\\\c\";");
        assertThatThrownBy(() -> environment(Map.of("amk.kafka.username", "case-service")))
                .hasMessageContaining("AMK_KAFKA_PASSWORD");
        assertThatThrownBy(() -> environment(Map.of("amk.kafka.username", "case-service", "amk.kafka.password", "x${y}")))
                .hasMessageContaining("${");
    }

    @Test
    void a_listener_may_log_in_as_a_principal_of_its_own_and_otherwise_reads_as_the_service() {
        StandardEnvironment environment = environment(Map.of("amk.kafka.username", "reporting-service", "amk.kafka.password", "p1",
                "amk.kafka.listeners.registry-links.username", "registry", "amk.kafka.listeners.registry-links.password", "p2"));
        assertThat(KafkaCredentials.ofListener(environment, "registry-links").get("sasl.jaas.config").toString()).contains("username=\"registry\"");
        assertThat(KafkaCredentials.ofListener(environment, "monitoring")).isEmpty();
    }

    private static StandardEnvironment environment(Map<String, Object> properties) {
        StandardEnvironment environment = new StandardEnvironment();
        environment.getPropertySources().addFirst(new MapPropertySource("test", new HashMap<>(properties)));
        new AmkDefaults().postProcessEnvironment(environment, new SpringApplication());
        return environment;
    }
}
