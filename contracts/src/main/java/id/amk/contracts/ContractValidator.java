package id.amk.contracts;

import com.fasterxml.jackson.databind.JsonNode;
import com.networknt.schema.JsonSchema;
import com.networknt.schema.JsonSchemaFactory;
import com.networknt.schema.SchemaValidatorsConfig;
import com.networknt.schema.SpecVersion;
import com.networknt.schema.ValidationMessage;

import java.io.IOException;
import java.io.InputStream;
import java.io.UncheckedIOException;
import java.util.List;
import java.util.Map;
import java.util.concurrent.ConcurrentHashMap;

/** Validates an event's JSON data against the schema of its type. Thread-safe; schemas are loaded once. */
public final class ContractValidator {

    private static final JsonSchemaFactory FACTORY = JsonSchemaFactory.getInstance(SpecVersion.VersionFlag.V202012);
    private static final SchemaValidatorsConfig CONFIG = SchemaValidatorsConfig.builder().formatAssertionsEnabled(true).build();

    private final Map<String, JsonSchema> schemas = new ConcurrentHashMap<>();

    /** @return the violations, empty when the data fulfils the contract */
    public List<String> validate(EventType type, JsonNode data) {
        JsonSchema schema = schemas.computeIfAbsent(type.type(), t -> load(type));
        return schema.validate(data).stream().map(ValidationMessage::getMessage).sorted().toList();
    }

    private static JsonSchema load(EventType type) {
        try (InputStream in = ContractValidator.class.getClassLoader().getResourceAsStream(type.schemaResource())) {
            if (in == null) {
                throw new IllegalStateException("no schema on the class path for " + type.type());
            }
            return FACTORY.getSchema(in, CONFIG);
        } catch (IOException e) {
            throw new UncheckedIOException(e);
        }
    }
}
