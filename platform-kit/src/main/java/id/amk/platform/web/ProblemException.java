package id.amk.platform.web;

import org.springframework.http.HttpStatusCode;

import java.util.Map;

/**
 * A refusal a service expects, answered as one RFC 9457 problem type: {@code urn:amk:problem:<code>}.
 * Title and detail come from the message bundles ({@code problem.<code>.title}, {@code problem.<code>.detail},
 * English and Bahasa Indonesia) with {@code args}; {@code properties} are added to the body (e.g. the field).
 * Never put personal data in args or properties: problems are logged and shown to callers.
 */
public class ProblemException extends RuntimeException {

    private final HttpStatusCode status;
    private final String code;
    private final Map<String, Object> properties;
    private final Object[] args;

    public ProblemException(HttpStatusCode status, String code, Map<String, Object> properties, Object... args) {
        super(code);
        this.status = status;
        this.code = code;
        this.properties = Map.copyOf(properties);
        this.args = args.clone();
    }

    public HttpStatusCode status() {
        return status;
    }

    public String code() {
        return code;
    }

    public Map<String, Object> properties() {
        return properties;
    }

    public Object[] args() {
        return args.clone();
    }
}
