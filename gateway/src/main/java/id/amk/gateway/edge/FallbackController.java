package id.amk.gateway.edge;

import org.springframework.http.HttpStatus;
import org.springframework.web.bind.annotation.RequestMapping;
import org.springframework.web.bind.annotation.RestController;
import org.springframework.web.server.ServerWebExchange;
import reactor.core.publisher.Mono;

import java.util.Map;

/** Where a route's circuit breaker sends a call its service cannot answer: 503 problem+json, never a hang. */
@RestController
class FallbackController {

    private final EdgeProblems problems;

    FallbackController(EdgeProblems problems) {
        this.problems = problems;
    }

    @RequestMapping("/fallback/unavailable")
    Mono<Void> unavailable(ServerWebExchange exchange) {
        exchange.getResponse().getHeaders().set("Retry-After", "5");
        return problems.write(exchange, HttpStatus.SERVICE_UNAVAILABLE, "unavailable", Map.of());
    }
}
