package id.amk.platform.web;

import id.amk.platform.correlation.CorrelationId;
import org.springframework.context.MessageSource;
import org.springframework.http.HttpStatusCode;
import org.springframework.http.ProblemDetail;

import java.net.URI;
import java.util.Locale;

/** Builds AMK's problem details: a stable type URN, localized title and detail, the correlation id. */
public final class Problems {

    public static final String TYPE_PREFIX = "urn:amk:problem:";

    public static ProblemDetail of(MessageSource messages, Locale locale, HttpStatusCode status, String code, Object... args) {
        ProblemDetail problem = ProblemDetail.forStatus(status);
        problem.setType(URI.create(TYPE_PREFIX + code));
        problem.setTitle(messages.getMessage("problem." + code + ".title", args, code, locale));
        String detail = messages.getMessage("problem." + code + ".detail", args, null, locale);
        if (detail != null) {
            problem.setDetail(detail);
        }
        withCorrelationId(problem);
        return problem;
    }

    public static ProblemDetail withCorrelationId(ProblemDetail problem) {
        String id = CorrelationId.current();
        if (id != null) {
            problem.setProperty("correlationId", id);
        }
        return problem;
    }

    private Problems() {
    }
}
