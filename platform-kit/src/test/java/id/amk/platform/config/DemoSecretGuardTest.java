package id.amk.platform.config;

import org.junit.jupiter.api.Test;
import org.springframework.boot.SpringApplication;
import org.springframework.core.env.MapPropertySource;
import org.springframework.core.env.StandardEnvironment;

import java.util.Map;

import static org.assertj.core.api.Assertions.assertThatCode;
import static org.assertj.core.api.Assertions.assertThatThrownBy;

class DemoSecretGuardTest {

    private final DemoSecretGuard guard = new DemoSecretGuard();

    @Test
    void refuses_a_demo_secret_outside_the_dev_profile_naming_the_property_not_the_secret() {
        StandardEnvironment environment = environmentWith("amk.identity.clients[0].secret", "demo-integration-secret");
        assertThatThrownBy(() -> guard.postProcessEnvironment(environment, new SpringApplication()))
                .isInstanceOf(DemoSecretGuard.DemoSecretOutsideDevException.class)
                .hasMessageContaining("amk.identity.clients[0].secret")
                .hasMessageNotContaining("demo-integration-secret");
    }

    @Test
    void refuses_the_demo_password_in_a_production_profile() {
        StandardEnvironment environment = environmentWith("amk.identity.users[0].password", "Demo#2026");
        environment.setActiveProfiles("prod");
        assertThatThrownBy(() -> guard.postProcessEnvironment(environment, new SpringApplication()))
                .isInstanceOf(DemoSecretGuard.DemoSecretOutsideDevException.class);
    }

    @Test
    void refuses_a_demo_kafka_login_of_amk_up_outside_the_dev_profile() {
        StandardEnvironment environment = environmentWith("AMK_KAFKA_PASSWORD", "amk-demo-kafka-case-service");
        assertThatThrownBy(() -> guard.postProcessEnvironment(environment, new SpringApplication()))
                .isInstanceOf(DemoSecretGuard.DemoSecretOutsideDevException.class).hasMessageContaining("AMK_KAFKA_PASSWORD");
    }

    @Test
    void allows_demo_secrets_in_the_dev_profile() {
        StandardEnvironment environment = environmentWith("amk.identity.users[0].password", "Demo#2026");
        environment.setActiveProfiles("dev");
        assertThatCode(() -> guard.postProcessEnvironment(environment, new SpringApplication())).doesNotThrowAnyException();
    }

    @Test
    void allows_real_secrets_anywhere() {
        StandardEnvironment environment = environmentWith("amk.identity.clients[0].secret", "s3cr3t-from-the-vault");
        assertThatCode(() -> guard.postProcessEnvironment(environment, new SpringApplication())).doesNotThrowAnyException();
    }

    private static StandardEnvironment environmentWith(String name, String value) {
        StandardEnvironment environment = new StandardEnvironment();
        environment.getPropertySources().addFirst(new MapPropertySource("test", Map.of(name, value)));
        return environment;
    }
}
