package id.amk.gateway.edge;

import org.springframework.beans.factory.annotation.Value;
import org.springframework.core.Ordered;
import org.springframework.core.annotation.Order;
import org.springframework.http.HttpStatus;
import org.springframework.stereotype.Component;
import org.springframework.util.unit.DataSize;
import org.springframework.web.server.ServerWebExchange;
import org.springframework.web.server.WebFilter;
import org.springframework.web.server.WebFilterChain;
import reactor.core.publisher.Mono;

import java.util.Map;

/** Refuses a request body larger than the limit before it reaches a service: 413 problem+json. */
@Component
@Order(Ordered.HIGHEST_PRECEDENCE + 1)
public class RequestSizeFilter implements WebFilter {

    private final DataSize limit;
    private final EdgeProblems problems;

    public RequestSizeFilter(@Value("${amk.gateway.max-request-size:1MB}") DataSize limit, EdgeProblems problems) {
        this.limit = limit;
        this.problems = problems;
    }

    @Override
    public Mono<Void> filter(ServerWebExchange exchange, WebFilterChain chain) {
        long length = exchange.getRequest().getHeaders().getContentLength();
        if (length > limit.toBytes()) {
            return problems.write(exchange, HttpStatus.PAYLOAD_TOO_LARGE, "too-large", Map.of("maxBytes", limit.toBytes()));
        }
        return chain.filter(exchange);
    }
}
