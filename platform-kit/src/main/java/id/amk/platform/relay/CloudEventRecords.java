package id.amk.platform.relay;

import com.fasterxml.jackson.databind.ObjectMapper;
import id.amk.contracts.ContractValidator;
import id.amk.contracts.EventType;
import id.amk.platform.correlation.CorrelationId;
import io.cloudevents.core.builder.CloudEventBuilder;
import io.cloudevents.kafka.KafkaMessageFactory;
import org.apache.kafka.clients.producer.ProducerRecord;

import java.io.IOException;
import java.net.URI;
import java.time.Instant;
import java.time.ZoneOffset;
import java.util.List;

/**
 * The one way AMK writes an integration event to Kafka: CloudEvents 1.0 in binary mode (ce_* headers,
 * JSON body), on the type's topic, keyed by the aggregate id so that its events stay in order. The data are
 * checked against the type's JSON Schema first: a record that breaks the contract partners code against is
 * never written ({@link ContractBreach}; the publisher stops there and retries, nothing is skipped or lost,
 * until the code that made it is fixed).
 */
public final class CloudEventRecords {

    private static final ContractValidator CONTRACTS = new ContractValidator();
    private static final ObjectMapper JSON = new ObjectMapper();

    public static ProducerRecord<String, byte[]> of(EventType type, String id, String source, String aggregateId,
                                                    Instant time, byte[] jsonData, String correlationId) {
        checkContract(type, id, jsonData);
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

    private static void checkContract(EventType type, String id, byte[] jsonData) {
        List<String> violations;
        try {
            violations = CONTRACTS.validate(type, JSON.readTree(jsonData));
        } catch (IOException e) {
            violations = List.of("not JSON: " + e.getClass().getSimpleName());
        }
        if (!violations.isEmpty()) {
            throw new ContractBreach(type, id, violations);
        }
    }

    /**
     * An integration event its publisher must not send: it breaks its own schema. Names the type, the event id and
     * the schema's complaints (paths and rules, never the values).
     */
    public static class ContractBreach extends IllegalStateException {
        ContractBreach(EventType type, String id, List<String> violations) {
            super(type.type() + " (event " + id + ") breaks its contract " + type.dataSchema() + ": " + String.join("; ", violations));
        }
    }

    /** The CloudEvents source of a service: {@code /amk/<spring.application.name>}. */
    public static String sourceOf(String applicationName) {
        return "/amk/" + applicationName;
    }

    private CloudEventRecords() {
    }
}
