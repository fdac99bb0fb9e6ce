package id.amk.platform.test;

import org.junit.jupiter.api.extension.BeforeAllCallback;
import org.junit.jupiter.api.extension.ExtensionContext;

/**
 * Gives a test class the shared Kafka broker, Mongo server and test JWT issuer, and points Spring Boot at
 * them through system properties (read before any application context of the class is created).
 * Register it before {@code @SpringBootTest}, e.g. with {@link AmkTest}.
 */
public class AmkInfraExtension implements BeforeAllCallback {

    @Override
    public void beforeAll(ExtensionContext context) {
        AmkInfra infra = AmkInfra.get();
        TestJwtIssuer issuer = TestJwtIssuer.get();
        System.setProperty("spring.kafka.bootstrap-servers", infra.kafkaBootstrapServers());
        System.setProperty("spring.data.mongodb.uri", infra.mongoUri());
        System.setProperty("spring.security.oauth2.resourceserver.jwt.jwk-set-uri", issuer.jwkSetUri());
        System.setProperty("spring.security.oauth2.resourceserver.jwt.issuer-uri", issuer.issuer());
        System.setProperty("axoniq.update-checker.disabled", "true");
        System.setProperty("amk.logging.readable", "true");
        if (System.getProperty("amk.privacy.master-key") == null) {
            // one master key per test JVM, as one embedded Mongo: every context of the run can open what another sealed
            byte[] key = new byte[32];
            new java.security.SecureRandom().nextBytes(key);
            System.setProperty("amk.privacy.master-key", java.util.Base64.getEncoder().encodeToString(key));
        }
    }
}
