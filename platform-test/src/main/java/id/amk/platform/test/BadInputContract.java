package id.amk.platform.test;

import com.fasterxml.jackson.databind.JsonNode;
import com.fasterxml.jackson.databind.ObjectMapper;
import org.junit.jupiter.api.Test;
import org.springframework.boot.test.web.server.LocalServerPort;

import java.net.URI;
import java.net.http.HttpClient;
import java.net.http.HttpRequest;
import java.net.http.HttpResponse;
import java.nio.charset.StandardCharsets;
import java.util.ArrayList;
import java.util.Iterator;
import java.util.LinkedHashMap;
import java.util.List;
import java.util.Map;

import static org.assertj.core.api.Assertions.assertThat;

/**
 * Hostile and careless input against every operation of a service's own OpenAPI document: malformed JSON, wrong types,
 * Mongo operators where values belong, unknown enum values, invalid UTF-8, keys given twice, nesting beyond any form,
 * numbers out of every range, impossible dates, a NUL character, a body of 3 MB, odd path variables. Each call
 * must be answered with a 4xx problem+json (or succeed, where the input happens to be acceptable) and never with a 5xx.
 * A service's test extends it with the tokens that get past its access rules.
 */
public abstract class BadInputContract {

    private static final ObjectMapper JSON = new ObjectMapper();
    private static final HttpClient HTTP = HttpClient.newHttpClient();
    private static final List<String> METHODS = List.of("get", "post", "put", "patch", "delete");

    @LocalServerPort
    protected int port;

    /** Tokens to call with: enough roles that the calls reach input handling rather than stop at access control. */
    protected abstract List<String> tokens();

    @Test
    void every_operation_answers_bad_input_with_a_problem_and_never_a_server_error() throws Exception {
        JsonNode api = JSON.readTree(HTTP.send(HttpRequest.newBuilder(URI.create("http://localhost:" + port + "/v3/api-docs")).build(),
                HttpResponse.BodyHandlers.ofString()).body());
        List<String> failures = new ArrayList<>();
        int calls = 0;
        Map<Integer, Integer> statuses = new java.util.TreeMap<>();
        for (Iterator<Map.Entry<String, JsonNode>> paths = api.path("paths").fields(); paths.hasNext(); ) {
            Map.Entry<String, JsonNode> path = paths.next();
            for (String method : METHODS) {
                JsonNode operation = path.getValue().path(method);
                if (operation.isMissingNode()) {
                    continue;
                }
                for (String target : targets(path.getKey())) {
                    for (Map.Entry<String, byte[]> body : bodies(operation, api).entrySet()) {
                        for (String token : tokens()) {
                            calls++;
                            HttpResponse<String> response = send(method, target, body.getValue(), token);
                            statuses.merge(response.statusCode(), 1, Integer::sum);
                            String what = method.toUpperCase() + " " + target + " with " + body.getKey() + " -> " + response.statusCode();
                            if (response.statusCode() >= 500) {
                                failures.add(what + " " + abbreviate(response.body()));
                            } else if (body.getKey().startsWith(MALFORMED) && target.equals(targets(path.getKey()).get(0))
                                    && !(response.statusCode() == 400 && response.body().contains("urn:amk:problem:malformed-utf8"))) {
                                failures.add(what + ": not refused as malformed UTF-8 before anything read it: " + abbreviate(response.body()));
                            } else if (EXPECTED.containsKey(body.getKey()) && target.equals(targets(path.getKey()).get(0))
                                    && response.statusCode() != 403 // refused before its body was read: fine
                                    && !(response.statusCode() == 400 && response.body().contains("urn:amk:problem:" + EXPECTED.get(body.getKey())))) {
                                failures.add(what + ": not refused as " + EXPECTED.get(body.getKey()) + ": " + abbreviate(response.body()));
                            } else if (response.statusCode() >= 400 && !response.headers().firstValue("Content-Type").orElse("")
                                    .startsWith("application/problem+json")) {
                                failures.add(what + " without problem+json: " + response.headers().firstValue("Content-Type").orElse("none"));
                            }
                        }
                    }
                }
            }
        }
        System.out.println("Bad input: " + calls + " calls, answered by status " + statuses);
        assertThat(calls).as("calls made").isGreaterThan(10);
        assertThat(failures).as("answers to bad input, of " + calls + " calls").isEmpty();
    }

    /** String query parameters whose values come from a closed set, and a value outside it. */
    private static final Map<String, String> CLOSED_STRING_PARAMETERS = Map.of("region", "99.99", "cluster", "NOT_A_CLUSTER",
            "format", "xml", "sort", "sideways", "month", "2026-13");

    /**
     * A list filter with a value nobody can have (an unknown enum value, a region no list knows, a word where a number or
     * boolean belongs) is a mistake to be told of with 400 problem+json, not answered with an empty page.
     */
    @Test
    void every_filter_value_nobody_can_have_is_refused() throws Exception {
        JsonNode api = JSON.readTree(HTTP.send(HttpRequest.newBuilder(URI.create("http://localhost:" + port + "/v3/api-docs")).build(),
                HttpResponse.BodyHandlers.ofString()).body());
        List<String> failures = new ArrayList<>();
        int checked = 0;
        for (Iterator<Map.Entry<String, JsonNode>> paths = api.path("paths").fields(); paths.hasNext(); ) {
            Map.Entry<String, JsonNode> path = paths.next();
            if (path.getKey().contains("{") || path.getValue().path("get").isMissingNode()) {
                continue;
            }
            for (JsonNode parameter : path.getValue().path("get").path("parameters")) {
                if (!"query".equals(parameter.path("in").asText())) {
                    continue;
                }
                String name = parameter.path("name").asText();
                JsonNode schema = resolve(parameter.path("schema"), api);
                String wrong = schema.has("enum") ? "NOT_A_VALUE"
                        : "boolean".equals(schema.path("type").asText()) ? "maybe"
                        : "integer".equals(schema.path("type").asText()) ? "many"
                        : CLOSED_STRING_PARAMETERS.get(name);
                if (wrong == null) {
                    continue;
                }
                for (String token : tokens()) {
                    HttpResponse<String> response = HTTP.send(HttpRequest.newBuilder(URI.create("http://localhost:" + port + path.getKey()
                                    + "?" + name + "=" + wrong)).header("Authorization", "Bearer " + token).build(),
                            HttpResponse.BodyHandlers.ofString());
                    if (response.statusCode() == 403 || response.statusCode() == 401) {
                        continue; // this token may not list here at all
                    }
                    checked++;
                    if (response.statusCode() != 400 || !response.headers().firstValue("Content-Type").orElse("").startsWith("application/problem+json")) {
                        failures.add("GET " + path.getKey() + "?" + name + "=" + wrong + " -> " + response.statusCode() + " " + abbreviate(response.body()));
                    }
                }
            }
        }
        System.out.println("Filters nobody can have: " + checked + " calls");
        assertThat(failures).as("filters with values nobody can have").isEmpty();
    }

    /** What the web server refuses before any controller (or before Spring at all) is answered with problem+json too. */
    @Test
    void every_refusal_of_the_web_server_itself_is_problem_json() throws Exception {
        assertThat(ServerRefusals.failures(port, ServerRefusals.requests(firstOperationWithABody(), tokens().get(0))))
                .as("the web server's own refusals").isEmpty();
    }

    /** A POST path of the service's API that takes a JSON body, its variables filled in. */
    private String firstOperationWithABody() throws Exception {
        JsonNode api = JSON.readTree(HTTP.send(HttpRequest.newBuilder(URI.create("http://localhost:" + port + "/v3/api-docs")).build(),
                HttpResponse.BodyHandlers.ofString()).body());
        for (Iterator<Map.Entry<String, JsonNode>> paths = api.path("paths").fields(); paths.hasNext(); ) {
            Map.Entry<String, JsonNode> path = paths.next();
            if (!path.getValue().path("post").path("requestBody").isMissingNode()) {
                return targets(path.getKey()).get(0);
            }
        }
        throw new AssertionError("no POST operation with a body in the API");
    }

    private static final String MALFORMED = "malformed UTF-8: ";

    /** Byte sequences RFC 3629 forbids, each of which a lenient decoder turns into something else or lets through. */
    static final Map<String, byte[]> MALFORMED_UTF8 = new LinkedHashMap<>();

    static {
        MALFORMED_UTF8.put("overlong '/' (C0 AF)", new byte[] {(byte) 0xC0, (byte) 0xAF});
        MALFORMED_UTF8.put("overlong '/' in three bytes (E0 80 AF)", new byte[] {(byte) 0xE0, (byte) 0x80, (byte) 0xAF});
        MALFORMED_UTF8.put("lone continuation byte (80)", new byte[] {(byte) 0x80});
        MALFORMED_UTF8.put("truncated sequence (E2 82)", new byte[] {(byte) 0xE2, (byte) 0x82, 'x'});
        MALFORMED_UTF8.put("bad continuation (C3 28)", new byte[] {(byte) 0xC3, (byte) 0x28});
        MALFORMED_UTF8.put("encoded surrogate (ED A0 80)", new byte[] {(byte) 0xED, (byte) 0xA0, (byte) 0x80});
        MALFORMED_UTF8.put("above U+10FFFF (F4 90 80 80)", new byte[] {(byte) 0xF4, (byte) 0x90, (byte) 0x80, (byte) 0x80});
        MALFORMED_UTF8.put("never-used byte (FF)", new byte[] {(byte) 0xFF});
    }

    /** A JSON object whose every likely text field holds the bytes inside an otherwise ordinary string. */
    private static byte[] jsonStringWith(byte[] bad) {
        java.io.ByteArrayOutputStream out = new java.io.ByteArrayOutputStream();
        out.writeBytes("{\"note\":\"a".getBytes(StandardCharsets.UTF_8));
        out.writeBytes(bad);
        out.writeBytes("b\",\"reason\":\"a".getBytes(StandardCharsets.UTF_8));
        out.writeBytes(bad);
        out.writeBytes("b\"}".getBytes(StandardCharsets.UTF_8));
        return out.toByteArray();
    }

    /** Bodies every operation must refuse with one problem type, whatever its fields, before anything reads them. */
    private static final Map<String, String> EXPECTED = Map.of(
            "a key given twice", "duplicate-key",
            "a key given twice, nested", "duplicate-key",
            "nested 5,000 deep", "json-too-complex");

    /** The path with its variables as a plausible id, an injection attempt and an overlong value. */
    private static List<String> targets(String template) {
        if (!template.contains("{")) {
            return List.of(template, template + "?page=-1&size=999999&region=%7B%22%24gt%22%3A%22%22%7D&status=NOT_A_STATUS&asOf=yesterday");
        }
        return List.of(
                template.replaceAll("\\{[^}]+}", "00000000-0000-0000-0000-000000000000"),
                template.replaceAll("\\{[^}]+}", "%7B%22%24gt%22%3A%22%22%7D"),
                template.replaceAll("\\{[^}]+}", "x".repeat(300)));
    }

    private static Map<String, byte[]> bodies(JsonNode operation, JsonNode api) {
        Map<String, byte[]> bodies = new LinkedHashMap<>();
        if (operation.path("requestBody").isMissingNode()) {
            bodies.put("no body", new byte[0]);
            return bodies;
        }
        bodies.put("malformed JSON", "{\"a\": ".getBytes(StandardCharsets.UTF_8));
        bodies.put("an array", "[1, 2]".getBytes(StandardCharsets.UTF_8));
        bodies.put("a string", "\"text\"".getBytes(StandardCharsets.UTF_8));
        MALFORMED_UTF8.forEach((name, bytes) -> bodies.put(MALFORMED + name, jsonStringWith(bytes)));
        bodies.put("a key given twice", "{\"note\":\"a\",\"note\":\"b\",\"text\":\"a\",\"text\":\"b\"}".getBytes(StandardCharsets.UTF_8));
        bodies.put("a key given twice, nested", "{\"child\":{\"name\":\"a\",\"name\":\"b\"}}".getBytes(StandardCharsets.UTF_8));
        bodies.put("nested 5,000 deep", ("{\"nesting\":" + "[".repeat(5000) + "]".repeat(5000) + "}").getBytes(StandardCharsets.UTF_8));
        bodies.put("3 MB", ("{\"note\":\"" + "x".repeat(3 * 1024 * 1024) + "\"}").getBytes(StandardCharsets.UTF_8));
        JsonNode schema = resolve(operation.at("/requestBody/content/application~1json/schema"), api);
        StringBuilder injection = new StringBuilder("{");
        StringBuilder wrongTypes = new StringBuilder("{");
        StringBuilder unknownEnums = new StringBuilder("{");
        for (Iterator<String> names = schema.path("properties").fieldNames(); names.hasNext(); ) {
            String name = names.next();
            String separator = injection.length() > 1 ? "," : "";
            injection.append(separator).append('"').append(name).append("\":{\"$gt\":\"\"}");
            wrongTypes.append(separator).append('"').append(name).append("\":[{\"$ne\":null}, 12345678901234567890]");
            unknownEnums.append(separator).append('"').append(name).append("\":\"NOT_A_VALUE\"");
        }
        bodies.put("Mongo operators as values", (injection + "}").getBytes(StandardCharsets.UTF_8));
        // every field at once with values no field can hold: numbers beyond every range, impossible dates and times
        for (String odd : List.of("1e400", "-123456789012345678901234567890", "0.1e-400", "\"2026-02-30\"", "\"2026-13-45T25:61:61Z\"",
                "\"+999999999-12-31T23:59:59Z\"", "\"0000-00-00\"", "\"\\u0000\"")) {
            StringBuilder every = new StringBuilder("{");
            for (Iterator<String> names = schema.path("properties").fieldNames(); names.hasNext(); ) {
                every.append(every.length() > 1 ? "," : "").append('"').append(names.next()).append("\":").append(odd);
            }
            bodies.put("every field " + odd, (every + "}").getBytes(StandardCharsets.UTF_8));
        }
        bodies.put("wrong types", (wrongTypes + "}").getBytes(StandardCharsets.UTF_8));
        bodies.put("unknown enum values", (unknownEnums + "}").getBytes(StandardCharsets.UTF_8));
        return bodies;
    }

    private static JsonNode resolve(JsonNode schema, JsonNode api) {
        String ref = schema.path("$ref").asText("");
        return ref.startsWith("#/") ? api.at(ref.substring(1)) : schema;
    }

    private HttpResponse<String> send(String method, String target, byte[] body, String token) throws Exception {
        HttpRequest.Builder request = HttpRequest.newBuilder(URI.create("http://localhost:" + port + target))
                .header("Authorization", "Bearer " + token).header("Content-Type", "application/json")
                .header("If-Match", "\"0\"");
        request.method(method.toUpperCase(), body.length == 0 ? HttpRequest.BodyPublishers.noBody() : HttpRequest.BodyPublishers.ofByteArray(body));
        return HTTP.send(request.build(), HttpResponse.BodyHandlers.ofString());
    }

    private static String abbreviate(String body) {
        return body == null ? "" : body.length() > 300 ? body.substring(0, 300) + "..." : body;
    }
}
