package id.amk.platform.relay;

import com.fasterxml.jackson.databind.ObjectMapper;
import com.fasterxml.jackson.databind.node.ObjectNode;
import id.amk.contracts.EventCatalog;
import id.amk.contracts.EventType;
import id.amk.contracts.identity.AgencyRegistered;
import org.junit.jupiter.api.Test;

import java.io.InputStream;
import java.time.Instant;

import static org.assertj.core.api.Assertions.assertThat;
import static org.assertj.core.api.Assertions.assertThatThrownBy;

class CloudEventRecordsTest {

    private static final ObjectMapper JSON = new ObjectMapper();

    private static ObjectNode sample(EventType type) throws Exception {
        try (InputStream in = CloudEventRecordsTest.class.getClassLoader().getResourceAsStream(type.sampleResource())) {
            return (ObjectNode) JSON.readTree(in);
        }
    }

    private static void publish(EventType type, ObjectNode data) throws Exception {
        CloudEventRecords.of(type, "event-1", "/amk/test", "aggregate-1", Instant.parse("2026-12-03T08:00:00Z"), JSON.writeValueAsBytes(data), null);
    }

    @Test
    void every_golden_sample_is_written() throws Exception {
        for (EventType type : EventCatalog.ALL) {
            assertThat(CloudEventRecords.of(type, "e", "/amk/test", "a", Instant.now(), JSON.writeValueAsBytes(sample(type)), null).topic())
                    .isEqualTo(type.topic());
        }
    }

    @Test
    void a_record_that_breaks_its_schema_is_never_written_and_the_refusal_names_the_rule_not_the_values() throws Exception {
        ObjectNode untyped = sample(AgencyRegistered.TYPE).putNull("type"); // what identity-service once published
        assertThatThrownBy(() -> publish(AgencyRegistered.TYPE, untyped)).isInstanceOf(CloudEventRecords.ContractBreach.class)
                .hasMessageContaining("amk.identity.AgencyRegistered.v1").hasMessageContaining("event-1").hasMessageContaining("type");

        ObjectNode named = sample(AgencyRegistered.TYPE).put("name", 42);
        assertThatThrownBy(() -> publish(AgencyRegistered.TYPE, named)).isInstanceOf(CloudEventRecords.ContractBreach.class)
                .hasMessageNotContaining("42");
    }
}
