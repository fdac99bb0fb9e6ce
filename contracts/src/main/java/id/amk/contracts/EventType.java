package id.amk.contracts;

import java.util.Objects;

/**
 * One versioned integration event type: its stable CloudEvents {@code type} (never a Java class name),
 * the topic it travels on, the record that carries its data, and where its schema and golden sample are.
 */
public record EventType(String type, String topic, Class<?> dataClass) {

    public EventType {
        Objects.requireNonNull(type);
        Objects.requireNonNull(topic);
        Objects.requireNonNull(dataClass);
        if (!type.matches("amk\\.[a-z]+\\.[A-Z][A-Za-z]+\\.v\\d+")) {
            throw new IllegalArgumentException("event type must look like amk.<context>.<Name>.v<N>: " + type);
        }
    }

    /** The bounded context, e.g. {@code case} for {@code amk.case.CaseRegistered.v1}. */
    public String context() {
        return type.split("\\.")[1];
    }

    /** e.g. {@code CaseRegistered.v1}. */
    public String versionedName() {
        String[] parts = type.split("\\.");
        return parts[2] + "." + parts[3];
    }

    /** Class-path location of the JSON Schema, also used as the CloudEvents {@code dataschema}. */
    public String schemaResource() {
        return "contracts/" + context() + "/" + versionedName() + ".schema.json";
    }

    /** Class-path location of the golden sample. */
    public String sampleResource() {
        return "contracts/" + context() + "/" + versionedName() + ".sample.json";
    }

    /** The CloudEvents {@code dataschema} URI. */
    public String dataSchema() {
        return "urn:amk:contracts:" + type;
    }
}
