package id.amk.platform.correlation;

import org.slf4j.MDC;

import java.util.UUID;
import java.util.regex.Pattern;

/**
 * The id that ties together everything one request caused: the HTTP call (X-Request-Id), the Axon
 * commands and events (metadata {@value #METADATA_KEY}), the Kafka events (CloudEvents extension
 * {@value #CLOUDEVENT_EXTENSION}) and every log line (MDC {@value #MDC_KEY}).
 */
public final class CorrelationId {

    public static final String HTTP_HEADER = "X-Request-Id";
    public static final String MDC_KEY = "correlationId";
    public static final String METADATA_KEY = "correlationId";
    public static final String CLOUDEVENT_EXTENSION = "correlationid";

    /** What a caller may send: short and harmless in a log line or a header. */
    private static final Pattern ACCEPTABLE = Pattern.compile("[A-Za-z0-9._:-]{1,100}");

    public static String current() {
        return MDC.get(MDC_KEY);
    }

    /** The caller's id when it is acceptable, else a new one. */
    public static String acceptOrCreate(String candidate) {
        return candidate != null && ACCEPTABLE.matcher(candidate).matches() ? candidate : UUID.randomUUID().toString();
    }

    private CorrelationId() {
    }
}
