package id.amk.platform.axon;

import id.amk.platform.web.Problems;
import org.axonframework.modelling.command.AggregateNotFoundException;
import org.axonframework.modelling.command.ConcurrencyException;
import org.axonframework.modelling.command.ConflictingAggregateVersionException;
import org.springframework.context.MessageSource;
import org.springframework.context.i18n.LocaleContextHolder;
import org.springframework.core.Ordered;
import org.springframework.core.annotation.Order;
import org.springframework.http.HttpStatus;
import org.springframework.http.MediaType;
import org.springframework.http.ProblemDetail;
import org.springframework.http.ResponseEntity;
import org.springframework.web.bind.annotation.ExceptionHandler;
import org.springframework.web.bind.annotation.RestControllerAdvice;

/** What an aggregate's repository refuses, as problem+json: a stale If-Match (412), an id taken (409), no such aggregate (404). */
@RestControllerAdvice
@Order(Ordered.HIGHEST_PRECEDENCE)
public class AxonProblemHandler {

    private final MessageSource messages;

    public AxonProblemHandler(MessageSource messages) {
        this.messages = messages;
    }

    @ExceptionHandler(ConflictingAggregateVersionException.class)
    ResponseEntity<ProblemDetail> stale() {
        return respond(HttpStatus.PRECONDITION_FAILED, "stale-version");
    }

    /** Creating an aggregate whose id exists, e.g. a report's case registered again. */
    @ExceptionHandler(ConcurrencyException.class)
    ResponseEntity<ProblemDetail> exists() {
        return respond(HttpStatus.CONFLICT, "conflict");
    }

    @ExceptionHandler(AggregateNotFoundException.class)
    ResponseEntity<ProblemDetail> missing() {
        return respond(HttpStatus.NOT_FOUND, "not-found");
    }

    private ResponseEntity<ProblemDetail> respond(HttpStatus status, String code) {
        ProblemDetail problem = Problems.withCorrelationId(Problems.of(messages, LocaleContextHolder.getLocale(), status, code));
        return ResponseEntity.status(status).contentType(MediaType.APPLICATION_PROBLEM_JSON).body(problem);
    }
}
