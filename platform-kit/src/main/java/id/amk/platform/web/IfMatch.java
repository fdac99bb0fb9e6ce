package id.amk.platform.web;

import org.springframework.http.HttpStatus;

import java.util.Map;
import java.util.Optional;
import java.util.regex.Matcher;
import java.util.regex.Pattern;

/** The aggregate version a client saw, from its If-Match header ({@code "3"}, {@code W/"3"} or {@code 3}). */
public final class IfMatch {

    private static final Pattern VERSION = Pattern.compile("^(W/)?\"?(\\d{1,18})\"?$");

    /** Empty without the header; an unreadable one cannot match any version (412). */
    public static Optional<Long> version(String header) {
        if (header == null) {
            return Optional.empty();
        }
        Matcher matcher = VERSION.matcher(header.trim());
        if (!matcher.matches()) {
            throw new ProblemException(HttpStatus.PRECONDITION_FAILED, "stale-version", Map.of());
        }
        return Optional.of(Long.parseLong(matcher.group(2)));
    }

    /** The ETag of a version. */
    public static String etag(long version) {
        return "\"" + version + "\"";
    }

    private IfMatch() {
    }
}
