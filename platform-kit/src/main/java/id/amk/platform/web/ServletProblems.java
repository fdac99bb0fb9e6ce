package id.amk.platform.web;

import com.fasterxml.jackson.databind.ObjectMapper;
import jakarta.servlet.http.HttpServletRequest;
import jakarta.servlet.http.HttpServletResponse;
import org.springframework.context.MessageSource;
import org.springframework.http.HttpStatus;
import org.springframework.http.MediaType;
import org.springframework.http.ProblemDetail;

import java.io.IOException;
import java.net.URI;
import java.util.Locale;

/**
 * Writes a problem+json answer straight to the servlet response, for the refusals made outside Spring MVC's exception
 * handling: the security filters, the request firewall, the container's error dispatch and Tomcat itself.
 */
public class ServletProblems {

    private final MessageSource messages;
    private final ObjectMapper json;

    public ServletProblems(MessageSource messages, ObjectMapper json) {
        this.messages = messages;
        this.json = json;
    }

    public void write(HttpServletRequest request, HttpServletResponse response, HttpStatus status, String code) throws IOException {
        Locale locale = localeOf(request);
        ProblemDetail problem = Problems.of(messages, locale, status, code);
        String path = pathOf(request);
        if (path != null) {
            problem.setInstance(URI.create(path));
        }
        if (response.isCommitted()) {
            return;
        }
        response.resetBuffer();
        response.setStatus(status.value());
        response.setContentType(MediaType.APPLICATION_PROBLEM_JSON_VALUE);
        response.setCharacterEncoding("UTF-8");
        json.writeValue(response.getOutputStream(), problem);
    }

    /** The problem code AMK gives a bare HTTP status the web server or the container produced. */
    public static String codeFor(int status) {
        return switch (status) {
            case 401 -> "unauthenticated";
            case 403 -> "forbidden";
            case 404 -> "not-found";
            case 405 -> "method-not-allowed";
            case 406 -> "not-acceptable";
            case 408 -> "request-timeout";
            case 413 -> "too-large";
            case 414 -> "uri-too-long";
            case 415 -> "unsupported-media-type";
            case 431 -> "headers-too-large";
            case 503 -> "unavailable";
            default -> status >= 500 ? "internal" : "bad-request";
        };
    }

    /** A request whose headers could not be read has no Accept-Language: it is answered in the default language. */
    private static Locale localeOf(HttpServletRequest request) {
        try {
            return request.getLocale();
        } catch (RuntimeException unreadable) {
            return Locale.ENGLISH;
        }
    }

    /** Only a path that is a valid URI reference is echoed; a malformed one (the reason for the 400) is left out. */
    private static String pathOf(HttpServletRequest request) {
        try {
            Object original = request.getAttribute(jakarta.servlet.RequestDispatcher.ERROR_REQUEST_URI);
            String path = original instanceof String s ? s : request.getRequestURI();
            return path == null ? null : URI.create(path).getRawPath();
        } catch (RuntimeException malformed) {
            return null;
        }
    }
}
