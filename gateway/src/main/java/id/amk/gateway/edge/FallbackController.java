package id.amk.gateway.edge;

import org.springframework.cloud.gateway.support.ServerWebExchangeUtils;
import org.springframework.http.HttpStatus;
import org.springframework.web.bind.annotation.RequestMapping;
import org.springframework.web.bind.annotation.RestController;
import org.springframework.web.server.ServerWebExchange;
import reactor.core.publisher.Mono;

import java.util.Map;

/** Where a route's circuit breaker sends a call its service cannot answer: 503 problem+json, never a hang. */
@RestController
class FallbackController {

    private static final org.slf4j.Logger log = org.slf4j.LoggerFactory.getLogger(FallbackController.class);

    private final EdgeProblems problems;

    FallbackController(EdgeProblems problems) {
        this.problems = problems;
    }

    @RequestMapping("/fallback/unavailable")
    Mono<Void> unavailable(ServerWebExchange exchange) {
        // why the route gave up (circuit open, timeout, connection refused): for whoever reads the logs, never for the caller
        Throwable cause = exchange.getAttribute(ServerWebExchangeUtils.CIRCUITBREAKER_EXECUTION_EXCEPTION_ATTR);
        log.warn("Route unavailable for {}: {}", exchange.getRequest().getPath(), cause == null ? "unknown" : cause.toString());
        exchange.getResponse().getHeaders().set("Retry-After", "5");
        return problems.write(exchange, HttpStatus.SERVICE_UNAVAILABLE, "unavailable", Map.of());
    }
}
