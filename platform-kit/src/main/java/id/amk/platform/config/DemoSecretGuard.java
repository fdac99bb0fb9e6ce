package id.amk.platform.config;

import org.springframework.boot.SpringApplication;
import org.springframework.boot.env.EnvironmentPostProcessor;
import org.springframework.core.Ordered;
import org.springframework.core.env.ConfigurableEnvironment;
import org.springframework.core.env.EnumerablePropertySource;
import org.springframework.core.env.PropertySource;

import java.util.Set;

/**
 * Refuses to start outside the {@code dev} profile when any configuration value is one of the published
 * demo secrets (README): they are known to everyone, so they must never protect real children's data.
 */
public class DemoSecretGuard implements EnvironmentPostProcessor, Ordered {

    /** The demo secrets the README publishes for the dev profile. */
    static final Set<String> DEMO_SECRETS = Set.of("demo-integration-secret", "demo-web-secret", "demo-device-key-secret", "Demo#2026",
            id.amk.platform.privacy.MasterKey.DEMO);

    /** The Kafka passwords `./amk up` gives every principal (the amk script: amk-demo-kafka-&lt;principal&gt;). */
    static final String DEMO_KAFKA_PASSWORD = "amk-demo-kafka-";

    static boolean isDemoSecret(String value) {
        return DEMO_SECRETS.contains(value) || value.startsWith(DEMO_KAFKA_PASSWORD);
    }

    @Override
    public void postProcessEnvironment(ConfigurableEnvironment environment, SpringApplication application) {
        if (environment.matchesProfiles(AmkDefaults.DEV_PROFILE)) {
            return;
        }
        for (PropertySource<?> source : environment.getPropertySources()) {
            if (source instanceof EnumerablePropertySource<?> enumerable) {
                for (String name : enumerable.getPropertyNames()) {
                    Object value = enumerable.getProperty(name);
                    if (value != null && isDemoSecret(value.toString().trim())) {
                        throw new DemoSecretOutsideDevException(name, source.getName());
                    }
                }
            }
        }
    }

    @Override
    public int getOrder() {
        return Ordered.LOWEST_PRECEDENCE;
    }

    /** Start-up refused: names the property, never the secret. */
    public static class DemoSecretOutsideDevException extends IllegalStateException {
        DemoSecretOutsideDevException(String property, String source) {
            super("Refusing to start: property '" + property + "' (" + source + ") holds a published demo secret, "
                    + "which is allowed only in the 'dev' profile. Set a real secret through the environment.");
        }
    }
}
