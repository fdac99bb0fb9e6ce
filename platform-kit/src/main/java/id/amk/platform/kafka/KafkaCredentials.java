package id.amk.platform.kafka;

import org.apache.kafka.clients.CommonClientConfigs;
import org.apache.kafka.common.config.SaslConfigs;
import org.springframework.core.env.PropertyResolver;

import java.util.LinkedHashMap;
import java.util.Map;

/**
 * How an AMK service proves who it is to Kafka: SASL/SCRAM-SHA-512 with its own principal (the broker's ACLs,
 * {@code deploy/kafka/access.conf}, say what each one may read and write). {@code AMK_KAFKA_USERNAME} and
 * {@code AMK_KAFKA_PASSWORD} turn it on; without them the client speaks plain Kafka, as the embedded development broker
 * does. {@code AMK_KAFKA_SECURITY_PROTOCOL} is {@code SASL_PLAINTEXT} unless set ({@code SASL_SSL} where the network
 * is not the platform's own).
 */
public final class KafkaCredentials {

    public static final String MECHANISM = "SCRAM-SHA-512";
    public static final String USERNAME = "amk.kafka.username";
    public static final String PASSWORD = "amk.kafka.password";
    public static final String SECURITY_PROTOCOL = "amk.kafka.security-protocol";

    private KafkaCredentials() {
    }

    /** The client properties of one principal (the keys Kafka's clients read). */
    public static Map<String, Object> clientProperties(String username, String password, String securityProtocol) {
        Map<String, Object> properties = new LinkedHashMap<>();
        properties.put(CommonClientConfigs.SECURITY_PROTOCOL_CONFIG, securityProtocol == null || securityProtocol.isBlank()
                ? "SASL_PLAINTEXT" : securityProtocol);
        properties.put(SaslConfigs.SASL_MECHANISM, MECHANISM);
        properties.put(SaslConfigs.SASL_JAAS_CONFIG, jaas(username, password));
        return properties;
    }

    /**
     * The login of a listener that reads as a principal of its own ({@code amk.kafka.listeners.<name>.username} and
     * {@code .password}); empty when it reads as the service.
     */
    public static Map<String, Object> ofListener(PropertyResolver environment, String listener) {
        String username = environment.getProperty("amk.kafka.listeners." + listener + ".username", "");
        if (username.isBlank()) {
            return Map.of();
        }
        return clientProperties(username, environment.getProperty("amk.kafka.listeners." + listener + ".password", ""),
                environment.getProperty(SECURITY_PROTOCOL));
    }

    /** The JAAS line of a SCRAM login; a quote or backslash in the password is escaped, never cut. */
    public static String jaas(String username, String password) {
        if (username == null || username.isBlank() || password == null || password.isEmpty()) {
            throw new IllegalArgumentException("a Kafka principal needs a username and a password");
        }
        return "org.apache.kafka.common.security.scram.ScramLoginModule required username=\"" + quoted(username)
                + "\" password=\"" + quoted(password) + "\";";
    }

    private static String quoted(String value) {
        return value.replace("\\", "\\\\").replace("\"", "\\\"");
    }
}
