package id.amk.contracts;

import com.fasterxml.jackson.databind.JsonNode;
import com.fasterxml.jackson.databind.ObjectMapper;
import com.fasterxml.jackson.databind.SerializationFeature;
import com.fasterxml.jackson.databind.node.ObjectNode;
import com.fasterxml.jackson.dataformat.yaml.YAMLMapper;
import com.fasterxml.jackson.datatype.jsr310.JavaTimeModule;
import org.junit.jupiter.api.Test;
import org.junit.jupiter.params.ParameterizedTest;
import org.junit.jupiter.params.provider.MethodSource;

import java.io.IOException;
import java.io.InputStream;
import java.net.URISyntaxException;
import java.nio.file.Files;
import java.nio.file.Path;
import java.util.List;
import java.util.Set;
import java.util.stream.Collectors;
import java.util.stream.Stream;

import static org.assertj.core.api.Assertions.assertThat;

class ContractsTest {

    private static final ObjectMapper JSON = new ObjectMapper().registerModule(new JavaTimeModule())
            .disable(SerializationFeature.WRITE_DATES_AS_TIMESTAMPS);
    private final ContractValidator validator = new ContractValidator();

    static Stream<EventType> eventTypes() {
        return EventCatalog.ALL.stream();
    }

    @ParameterizedTest
    @MethodSource("eventTypes")
    void golden_sample_fulfils_its_schema(EventType type) throws IOException {
        assertThat(validator.validate(type, sample(type))).isEmpty();
    }

    @ParameterizedTest
    @MethodSource("eventTypes")
    void golden_sample_round_trips_through_its_record_unchanged(EventType type) throws IOException {
        JsonNode sample = sample(type);
        Object data = JSON.treeToValue(sample, type.dataClass());
        JsonNode roundTripped = JSON.valueToTree(data);
        assertThat(roundTripped).isEqualTo(sample);
    }

    @ParameterizedTest
    @MethodSource("eventTypes")
    void a_sample_missing_a_required_field_is_rejected(EventType type) throws IOException {
        JsonNode schema = read(type.schemaResource());
        String required = schema.get("required").get(0).asText();
        ObjectNode broken = (ObjectNode) sample(type);
        broken.remove(required);
        assertThat(validator.validate(type, broken)).anySatisfy(m -> assertThat(m).contains(required));
    }

    @Test
    void a_wrongly_typed_field_is_rejected() throws IOException {
        ObjectNode broken = (ObjectNode) sample(id.amk.contracts.cases.CaseRegistered.TYPE);
        broken.put("riskLevel", "SOMEWHAT");
        broken.put("regionCode", "Bandung");
        assertThat(validator.validate(id.amk.contracts.cases.CaseRegistered.TYPE, broken)).hasSize(2);
    }

    @Test
    void every_schema_and_sample_on_disk_belongs_to_a_catalogued_type() throws IOException, URISyntaxException {
        Path root = Path.of(getClass().getClassLoader().getResource("contracts").toURI());
        Set<String> onDisk;
        try (Stream<Path> files = Files.walk(root)) {
            onDisk = files.filter(Files::isRegularFile).map(p -> "contracts/" + root.relativize(p).toString().replace('\\', '/'))
                    .collect(Collectors.toSet());
        }
        Set<String> catalogued = EventCatalog.ALL.stream()
                .flatMap(t -> Stream.of(t.schemaResource(), t.sampleResource())).collect(Collectors.toSet());
        assertThat(onDisk).isEqualTo(catalogued);
    }

    @Test
    void asyncapi_document_lists_every_type_on_its_topic_with_its_schema() throws IOException {
        JsonNode asyncapi;
        try (InputStream in = getClass().getClassLoader().getResourceAsStream("asyncapi.yaml")) {
            asyncapi = new YAMLMapper().readTree(in);
        }
        for (EventType type : EventCatalog.ALL) {
            String name = type.versionedName().split("\\.")[0];
            JsonNode message = asyncapi.at("/components/messages/" + name);
            assertThat(message.path("name").asText()).as(type.type()).isEqualTo(type.type());
            assertThat(message.at("/payload/$ref").asText()).isEqualTo(type.schemaResource());
            List<String> channelsWithIt = asyncapiChannelsCarrying(asyncapi, name);
            assertThat(channelsWithIt).as(type.type()).containsExactly(type.topic());
        }
    }

    private static List<String> asyncapiChannelsCarrying(JsonNode asyncapi, String message) {
        return asyncapi.path("channels").properties().stream()
                .filter(e -> e.getValue().path("messages").has(message))
                .map(e -> e.getValue().path("address").asText()).toList();
    }

    private static JsonNode sample(EventType type) throws IOException {
        return read(type.sampleResource());
    }

    private static JsonNode read(String resource) throws IOException {
        try (InputStream in = ContractsTest.class.getClassLoader().getResourceAsStream(resource)) {
            assertThat(in).as(resource).isNotNull();
            return JSON.readTree(in);
        }
    }
}
