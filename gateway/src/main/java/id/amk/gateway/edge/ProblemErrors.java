package id.amk.gateway.edge;

import org.slf4j.Logger;
import org.slf4j.LoggerFactory;
import org.springframework.boot.web.reactive.error.ErrorWebExceptionHandler;
import org.springframework.core.annotation.Order;
import org.springframework.http.HttpStatus;
import org.springframework.http.HttpStatusCode;
import org.springframework.stereotype.Component;
import org.springframework.web.server.ResponseStatusException;
import org.springframework.web.server.ServerWebExchange;
import reactor.core.publisher.Mono;

import java.util.Map;

/**
 * Whatever WebFlux or Spring Cloud Gateway raise while handling a request (no route: 404, a method a route does not
 * take: 405, a backend that times out: 504, anything unexpected: 500) is answered as AMK problem+json, in place of
 * Spring Boot's JSON error page; the stack trace goes to the log under the correlation id, never to the caller.
 */
@Component
@Order(-2) // before Spring Boot's DefaultErrorWebExceptionHandler (-1)
class ProblemErrors implements ErrorWebExceptionHandler {

    private static final Logger log = LoggerFactory.getLogger(ProblemErrors.class);

    private final EdgeProblems problems;

    ProblemErrors(EdgeProblems problems) {
        this.problems = problems;
    }

    @Override
    public Mono<Void> handle(ServerWebExchange exchange, Throwable error) {
        if (exchange.getResponse().isCommitted()) {
            return Mono.error(error);
        }
        HttpStatusCode code = error instanceof ResponseStatusException status ? status.getStatusCode() : HttpStatus.INTERNAL_SERVER_ERROR;
        HttpStatus status = HttpStatus.resolve(code.value()) != null ? HttpStatus.resolve(code.value()) : HttpStatus.INTERNAL_SERVER_ERROR;
        if (status.is5xxServerError()) {
            log.error("Error answering {} {}", exchange.getRequest().getMethod(), exchange.getRequest().getPath(), error);
        }
        exchange.getResponse().getHeaders().remove("Content-Type");
        return problems.write(exchange, status, codeFor(status), Map.of());
    }

    static String codeFor(HttpStatus status) {
        return switch (status) {
            case UNAUTHORIZED -> "unauthenticated";
            case FORBIDDEN -> "forbidden";
            case NOT_FOUND -> "not-found";
            case METHOD_NOT_ALLOWED -> "method-not-allowed";
            case PAYLOAD_TOO_LARGE -> "too-large";
            case UNSUPPORTED_MEDIA_TYPE -> "unsupported-media-type";
            case TOO_MANY_REQUESTS -> "rate-limited";
            case SERVICE_UNAVAILABLE, BAD_GATEWAY, GATEWAY_TIMEOUT -> "unavailable";
            default -> status.is5xxServerError() ? "internal" : "bad-request";
        };
    }
}
