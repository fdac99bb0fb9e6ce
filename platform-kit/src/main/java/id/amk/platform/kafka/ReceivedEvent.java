package id.amk.platform.kafka;

import com.fasterxml.jackson.databind.DeserializationFeature;
import com.fasterxml.jackson.databind.JsonNode;
import com.fasterxml.jackson.databind.ObjectMapper;
import com.fasterxml.jackson.databind.json.JsonMapper;
import com.fasterxml.jackson.datatype.jsr310.JavaTimeModule;
import id.amk.platform.correlation.CorrelationId;
import io.cloudevents.CloudEvent;
import io.cloudevents.core.message.MessageReader;
import io.cloudevents.kafka.KafkaMessageFactory;
import org.apache.kafka.clients.consumer.ConsumerRecord;

import java.io.IOException;
import java.time.OffsetDateTime;

/**
 * An integration event as a consumer receives it: the CloudEvents attributes, the JSON data and where it
 * sat in Kafka. {@link #dataAs} ignores unknown fields, as the contracts' additive evolution requires.
 */
public record ReceivedEvent(String id, String type, String source, String subject, OffsetDateTime time,
                            String correlationId, JsonNode data, String topic, int partition, long offset) {

    static final ObjectMapper JSON = JsonMapper.builder().addModule(new JavaTimeModule())
            .disable(DeserializationFeature.FAIL_ON_UNKNOWN_PROPERTIES).build();

    public <T> T dataAs(Class<T> type) {
        try {
            return JSON.treeToValue(data, type);
        } catch (com.fasterxml.jackson.core.JsonProcessingException e) {
            throw new UnprocessableEventException("data of " + type.getSimpleName() + " does not fit its contract", e);
        }
    }

    /** Reads a CloudEvent in Kafka binary mode; a record that is not one is unprocessable (dead-letter, no retry). */
    public static ReceivedEvent from(ConsumerRecord<String, byte[]> record) {
        CloudEvent event;
        try {
            MessageReader reader = KafkaMessageFactory.createReader(record);
            event = reader.toEvent();
        } catch (RuntimeException e) {
            throw new UnprocessableEventException("not a CloudEvent (" + record.topic() + "@" + record.offset() + ")", e);
        }
        if (event.getData() == null) {
            throw new UnprocessableEventException("CloudEvent " + event.getId() + " has no data");
        }
        Object correlation = event.getExtension(CorrelationId.CLOUDEVENT_EXTENSION);
        try {
            return new ReceivedEvent(event.getId(), event.getType(), event.getSource().toString(), event.getSubject(),
                    event.getTime(), correlation == null ? null : correlation.toString(),
                    JSON.readTree(event.getData().toBytes()),
                    record.topic(), record.partition(), record.offset());
        } catch (IOException e) {
            throw new UnprocessableEventException("CloudEvent " + event.getId() + " data is not JSON", e);
        }
    }
}
