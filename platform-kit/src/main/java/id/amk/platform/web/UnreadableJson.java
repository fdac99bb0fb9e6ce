package id.amk.platform.web;

import com.fasterxml.jackson.core.JsonParseException;
import com.fasterxml.jackson.core.exc.StreamConstraintsException;
import com.fasterxml.jackson.databind.JsonMappingException;
import org.springframework.http.HttpStatus;

import java.util.List;
import java.util.Map;
import java.util.regex.Matcher;
import java.util.regex.Pattern;

/**
 * What was wrong with JSON that could not be read, told apart so the sender can fix it: a key given twice
 * ({@code duplicate-key}, naming the key: which of its values was meant cannot be guessed), a value that does not fit
 * its field ({@code unreadable-field}: an impossible date, a number out of range, a word where a list belongs; naming
 * the field, never echoing the value, which may be personal), nesting or sizes beyond the parser's limits
 * ({@code json-too-complex}), and anything else that is not JSON ({@code malformed-json}). Always 400: the sender's
 * mistake, never a 500. Request bodies come here through {@link ProblemHandler}; a service that reads JSON itself (a file
 * import) passes its parse failure here too.
 */
public final class UnreadableJson {

    private static final Pattern DUPLICATE_FIELD = Pattern.compile("Duplicate field '([^']{0,100})'");

    public static ProblemException problem(Throwable cause) {
        if (cause instanceof StreamConstraintsException) {
            return new ProblemException(HttpStatus.BAD_REQUEST, "json-too-complex", Map.of());
        }
        if (cause instanceof JsonParseException parse) {
            Matcher duplicate = DUPLICATE_FIELD.matcher(String.valueOf(parse.getOriginalMessage()));
            return duplicate.find()
                    ? new ProblemException(HttpStatus.BAD_REQUEST, "duplicate-key", Map.of("key", duplicate.group(1)))
                    : new ProblemException(HttpStatus.BAD_REQUEST, "malformed-json", Map.of());
        }
        if (cause instanceof JsonMappingException mapping && !mapping.getPath().isEmpty()) {
            return new ProblemException(HttpStatus.BAD_REQUEST, "unreadable-field", Map.of("field", fieldPath(mapping.getPath())));
        }
        return new ProblemException(HttpStatus.BAD_REQUEST, "malformed-json", Map.of());
    }

    /** {@code child.birthDate}, {@code [3].capacity}: where in the body, by the API's field names. */
    private static String fieldPath(List<JsonMappingException.Reference> path) {
        StringBuilder field = new StringBuilder();
        for (JsonMappingException.Reference reference : path) {
            if (reference.getFieldName() != null) {
                field.append(field.isEmpty() ? "" : ".").append(reference.getFieldName());
            } else if (reference.getIndex() >= 0) {
                field.append('[').append(reference.getIndex()).append(']');
            }
        }
        return field.toString();
    }

    private UnreadableJson() {
    }
}
