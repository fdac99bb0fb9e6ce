package id.amk.platform.kafka;

import com.fasterxml.jackson.databind.DeserializationFeature;
import com.fasterxml.jackson.databind.JsonNode;
import com.fasterxml.jackson.databind.ObjectMapper;
import com.fasterxml.jackson.databind.json.JsonMapper;
import com.fasterxml.jackson.datatype.jsr310.JavaTimeModule;

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
}
