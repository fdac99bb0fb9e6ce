package id.amk.platform.privacy;

import id.amk.platform.config.AmkDefaults;
import org.springframework.boot.autoconfigure.AutoConfiguration;
import org.springframework.context.annotation.Bean;
import org.springframework.core.env.Environment;

/**
 * The {@link MasterKey} from {@code amk.privacy.master-key} ({@code AMK_MASTER_KEY}). Outside the dev profile a service
 * without one refuses to start (naming the variable); the dev profile falls back to the published demo key, which
 * {@code DemoSecretGuard} refuses everywhere else.
 */
@AutoConfiguration
public class PrivacyAutoConfiguration {

    @Bean
    MasterKey masterKey(Environment environment) {
        String configured = environment.getProperty("amk.privacy.master-key", "");
        if (configured.isBlank()) {
            if (!environment.matchesProfiles(AmkDefaults.DEV_PROFILE)) {
                throw new IllegalStateException("AMK_MASTER_KEY is not set: the key that wraps every key this service keeps "
                        + "(32 random bytes in Base64: openssl rand -base64 32, from your secret store)");
            }
            configured = MasterKey.DEMO;
        }
        return MasterKey.fromBase64(configured);
    }
}
