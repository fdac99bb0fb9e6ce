package id.amk.platform.test;

import com.fasterxml.jackson.databind.JsonNode;
import com.fasterxml.jackson.databind.ObjectMapper;

import java.io.IOException;
import java.io.UncheckedIOException;
import java.net.URI;
import java.net.http.HttpClient;
import java.net.http.HttpRequest;
import java.net.http.HttpResponse;
import java.util.Map;

/** Real HTTP calls to a service or the gateway, as a client sends them: a bearer token, a language, an optional If-Match. */
public final class ApiClient {

    private static final ObjectMapper JSON = new ObjectMapper();
    private static final HttpClient HTTP = HttpClient.newHttpClient();

    private final String base;

    public ApiClient(int port) {
        this.base = "http://localhost:" + port;
    }

    public HttpResponse<String> send(String method, String path, String token, String ifMatch, String body) throws Exception {
        return send(method, path, token, ifMatch, body, "en");
    }

    public HttpResponse<String> send(String method, String path, String token, String ifMatch, String body, String language)
            throws Exception {
        return send(method, path, token, ifMatch, body, language, "application/json");
    }

    /** A request with a body of another type (a CSV file, say). */
    public HttpResponse<String> send(String method, String path, String token, String ifMatch, String body, String language,
                                     String contentType) throws Exception {
        return send(method, path, token, ifMatch, body, Map.of("Accept-Language", language, "Content-Type", contentType));
    }

    /** A JSON request with headers of its own (an Idempotency-Key, say). */
    public HttpResponse<String> send(String method, String path, String token, String ifMatch, String body, Map<String, String> headers)
            throws Exception {
        Map<String, String> all = new java.util.HashMap<>(Map.of("Accept-Language", "en", "Content-Type", "application/json"));
        all.putAll(headers);
        HttpRequest.Builder request = HttpRequest.newBuilder(URI.create(base + path));
        all.forEach(request::header);
        if (token != null) {
            request.header("Authorization", "Bearer " + token);
        }
        if (ifMatch != null) {
            request.header("If-Match", ifMatch);
        }
        request.method(method, body == null ? HttpRequest.BodyPublishers.noBody() : HttpRequest.BodyPublishers.ofString(body));
        return HTTP.send(request.build(), HttpResponse.BodyHandlers.ofString());
    }

    public static JsonNode json(HttpResponse<String> response) {
        try {
            return JSON.readTree(response.body());
        } catch (IOException e) {
            throw new UncheckedIOException("not JSON: " + response.body(), e);
        }
    }
}
