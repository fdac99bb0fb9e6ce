package id.amk.platform.relay;

import id.amk.contracts.EventType;
import id.amk.platform.correlation.CorrelationId;
import io.cloudevents.core.builder.CloudEventBuilder;
import io.cloudevents.kafka.KafkaMessageFactory;
import org.apache.kafka.clients.producer.ProducerRecord;

import java.net.URI;
import java.time.Instant;
import java.time.ZoneOffset;

/**
 * The one way AMK writes an integration event to Kafka: CloudEvents 1.0 in binary mode (ce_* headers,
 * JSON body), on the type's topic, keyed by the aggregate id so that its events stay in order.
 */
public final class CloudEventRecords {

    public static ProducerRecord<String, byte[]> of(EventType type, String id, String source, String aggregateId,
                                                    Instant time, byte[] jsonData, String correlationId) {
        CloudEventBuilder builder = CloudEventBuilder.v1()
                .withId(id)
                .withSource(URI.create(source))
                .withType(type.type())
                .withSubject(aggregateId)
                .withTime(time.atOffset(ZoneOffset.UTC))
                .withDataSchema(URI.create(type.dataSchema()))
                .withDataContentType("application/json")
                .withData(jsonData);
        if (correlationId != null) {
            builder.withExtension(CorrelationId.CLOUDEVENT_EXTENSION, correlationId);
        }
        return KafkaMessageFactory.createWriter(type.topic(), aggregateId).writeBinary(builder.build());
    }

    /** The CloudEvents source of a service: {@code /amk/<spring.application.name>}. */
    public static String sourceOf(String applicationName) {
        return "/amk/" + applicationName;
    }

    private CloudEventRecords() {
    }
}
