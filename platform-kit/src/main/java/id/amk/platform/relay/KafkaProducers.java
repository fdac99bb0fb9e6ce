package id.amk.platform.relay;

import org.apache.kafka.clients.producer.KafkaProducer;
import org.apache.kafka.clients.producer.ProducerConfig;
import org.apache.kafka.common.serialization.ByteArraySerializer;
import org.apache.kafka.common.serialization.StringSerializer;
import org.springframework.boot.autoconfigure.kafka.KafkaProperties;

import java.util.HashMap;
import java.util.Map;

/** A producer for integration events: String keys, byte[] CloudEvents bodies, acks=all, idempotent. */
public final class KafkaProducers {

    public static IntegrationEventProducer forIntegrationEvents(KafkaProperties kafka, String clientId) {
        Map<String, Object> config = new HashMap<>(kafka.buildProducerProperties(null));
        config.put(ProducerConfig.KEY_SERIALIZER_CLASS_CONFIG, StringSerializer.class);
        config.put(ProducerConfig.VALUE_SERIALIZER_CLASS_CONFIG, ByteArraySerializer.class);
        config.put(ProducerConfig.ACKS_CONFIG, "all");
        config.put(ProducerConfig.ENABLE_IDEMPOTENCE_CONFIG, true);
        config.put(ProducerConfig.CLIENT_ID_CONFIG, clientId);
        config.remove(ProducerConfig.TRANSACTIONAL_ID_CONFIG);
        return new IntegrationEventProducer(() -> new KafkaProducer<>(config));
    }

    private KafkaProducers() {
    }
}
