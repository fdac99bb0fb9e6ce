package id.amk.platform.web;

import org.slf4j.Logger;
import org.slf4j.LoggerFactory;
import org.springframework.context.MessageSource;
import org.springframework.dao.OptimisticLockingFailureException;
import org.springframework.context.i18n.LocaleContextHolder;
import org.springframework.http.HttpHeaders;
import org.springframework.http.HttpStatus;
import org.springframework.http.HttpStatusCode;
import org.springframework.http.ProblemDetail;
import org.springframework.http.ResponseEntity;
import org.springframework.lang.Nullable;
import org.springframework.security.access.AccessDeniedException;
import org.springframework.security.core.AuthenticationException;
import org.springframework.http.converter.HttpMessageNotReadableException;
import org.springframework.web.bind.MethodArgumentNotValidException;
import org.springframework.web.bind.annotation.ExceptionHandler;
import org.springframework.web.bind.annotation.RestControllerAdvice;
import org.springframework.web.context.request.WebRequest;
import org.springframework.web.servlet.mvc.method.annotation.ResponseEntityExceptionHandler;

import java.util.List;
import java.util.Map;

/**
 * Every error a service answers is RFC 9457 problem+json, in the caller's language (English or Bahasa
 * Indonesia, from Accept-Language), with the correlation id: never a stack trace, never a bare 500 page.
 */
@RestControllerAdvice
public class ProblemHandler extends ResponseEntityExceptionHandler {

    private static final Logger log = LoggerFactory.getLogger(ProblemHandler.class);

    private final MessageSource messages;

    public ProblemHandler(MessageSource messages) {
        this.messages = messages;
        setMessageSource(messages);
    }

    @ExceptionHandler(ProblemException.class)
    ResponseEntity<Object> handleProblem(ProblemException ex, WebRequest request) {
        ProblemDetail body = Problems.of(messages, LocaleContextHolder.getLocale(), ex.status(), ex.code(), ex.args());
        ex.properties().forEach(body::setProperty);
        return handleExceptionInternal(ex, body, new HttpHeaders(), ex.status(), request);
    }

    /** A domain rule refused the command: 400, 409 or 404 by its kind, naming the field. */
    @ExceptionHandler(RuleViolation.class)
    ResponseEntity<Object> handleRule(RuleViolation ex, WebRequest request) {
        HttpStatus status = switch (ex.kind()) {
            case STATE -> HttpStatus.CONFLICT;
            case MISSING -> HttpStatus.NOT_FOUND;
            default -> HttpStatus.BAD_REQUEST;
        };
        ProblemDetail body = Problems.of(messages, LocaleContextHolder.getLocale(), status, ex.code());
        if (ex.field() != null) {
            body.setProperty("field", ex.field());
        }
        return handleExceptionInternal(ex, body, new HttpHeaders(), status, request);
    }

    /** Method security refusals: rethrown so Spring Security answers them (401/403 problem+json). */
    @ExceptionHandler({AccessDeniedException.class, AuthenticationException.class})
    void securityRefusal(RuntimeException ex) {
        throw ex;
    }

    /** Two writers changed the same record at once: the later one is told to reload and retry. */
    @ExceptionHandler(OptimisticLockingFailureException.class)
    ResponseEntity<Object> handleConcurrentChange(OptimisticLockingFailureException ex, WebRequest request) {
        ProblemDetail body = Problems.of(messages, LocaleContextHolder.getLocale(), HttpStatus.CONFLICT, "concurrent-change");
        return handleExceptionInternal(ex, body, new HttpHeaders(), HttpStatus.CONFLICT, request);
    }

    @ExceptionHandler(Exception.class)
    ResponseEntity<Object> handleUnexpected(Exception ex, WebRequest request) {
        // the stack trace goes to the log under the correlation id, the caller gets only that id
        log.error("Unexpected error answering a request", ex);
        ProblemDetail body = Problems.of(messages, LocaleContextHolder.getLocale(), HttpStatus.INTERNAL_SERVER_ERROR, "internal");
        return handleExceptionInternal(ex, body, new HttpHeaders(), HttpStatus.INTERNAL_SERVER_ERROR, request);
    }

    @Override
    protected ResponseEntity<Object> handleMethodArgumentNotValid(MethodArgumentNotValidException ex, HttpHeaders headers,
                                                                  HttpStatusCode status, WebRequest request) {
        ProblemDetail body = Problems.of(messages, LocaleContextHolder.getLocale(), HttpStatus.BAD_REQUEST, "validation");
        List<Map<String, String>> errors = ex.getBindingResult().getFieldErrors().stream()
                .map(e -> Map.of("field", e.getField(),
                        "message", messages.getMessage(e, LocaleContextHolder.getLocale())))
                .toList();
        body.setProperty("errors", errors);
        return handleExceptionInternal(ex, body, headers, status, request);
    }

    /** A body Jackson cannot read: 400 with what was wrong ({@link UnreadableJson}). */
    @Override
    protected ResponseEntity<Object> handleHttpMessageNotReadable(HttpMessageNotReadableException ex, HttpHeaders headers,
                                                                  HttpStatusCode status, WebRequest request) {
        ProblemException problem = UnreadableJson.problem(ex.getMostSpecificCause());
        ProblemDetail body = Problems.of(messages, LocaleContextHolder.getLocale(), problem.status(), problem.code());
        problem.properties().forEach(body::setProperty);
        return handleExceptionInternal(ex, body, headers, problem.status(), request);
    }

    @Override
    protected ResponseEntity<Object> createResponseEntity(@Nullable Object body, HttpHeaders headers,
                                                          HttpStatusCode statusCode, WebRequest request) {
        if (body instanceof ProblemDetail problem) {
            Problems.withCorrelationId(problem);
            if (problem.getType() == null || "about:blank".equals(problem.getType().toString())) {
                // Spring MVC's own refusals (405, 415, unreadable body, ...) get AMK's stable types too
                problem.setType(java.net.URI.create(Problems.TYPE_PREFIX + ServletProblems.codeFor(statusCode.value())));
            }
        }
        return super.createResponseEntity(body, headers, statusCode, request);
    }
}
