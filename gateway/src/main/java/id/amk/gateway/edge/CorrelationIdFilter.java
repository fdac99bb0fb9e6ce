package id.amk.gateway.edge;

import org.springframework.core.Ordered;
import org.springframework.core.annotation.Order;
import org.springframework.stereotype.Component;
import org.springframework.web.server.ServerWebExchange;
import org.springframework.web.server.WebFilter;
import org.springframework.web.server.WebFilterChain;
import reactor.core.publisher.Mono;

import java.security.SecureRandom;
import java.util.HexFormat;
import java.util.UUID;
import java.util.regex.Pattern;

/**
 * Every request leaves the gateway with an X-Request-Id (the caller's when it is harmless, else a new
 * one), which the services log under and put on the events the request causes, and with a W3C
 * {@code traceparent} (the caller's when valid, else a new trace); the caller gets the id back, also on
 * the gateway's own refusals. A WebFilter, so it runs before security and every route.
 */
@Component
@Order(Ordered.HIGHEST_PRECEDENCE)
public class CorrelationIdFilter implements WebFilter {

    public static final String HEADER = "X-Request-Id";
    static final String TRACEPARENT = "traceparent";
    private static final Pattern ACCEPTABLE = Pattern.compile("[A-Za-z0-9._:-]{1,100}");
    private static final Pattern VALID_TRACEPARENT = Pattern.compile("00-(?!0{32})[0-9a-f]{32}-(?!0{16})[0-9a-f]{16}-[0-9a-f]{2}");
    private static final SecureRandom RANDOM = new SecureRandom();

    @Override
    public Mono<Void> filter(ServerWebExchange exchange, WebFilterChain chain) {
        String given = exchange.getRequest().getHeaders().getFirst(HEADER);
        String id = given != null && ACCEPTABLE.matcher(given).matches() ? given : UUID.randomUUID().toString();
        String parent = exchange.getRequest().getHeaders().getFirst(TRACEPARENT);
        String traceparent = parent != null && VALID_TRACEPARENT.matcher(parent).matches() ? parent : newTraceparent();
        exchange.getResponse().getHeaders().set(HEADER, id);
        return chain.filter(exchange.mutate().request(r -> r.headers(h -> {
            h.set(HEADER, id);
            h.set(TRACEPARENT, traceparent);
        })).build());
    }

    private static String newTraceparent() {
        byte[] trace = new byte[16];
        byte[] span = new byte[8];
        RANDOM.nextBytes(trace);
        RANDOM.nextBytes(span);
        return "00-" + HexFormat.of().formatHex(trace) + "-" + HexFormat.of().formatHex(span) + "-01";
    }
}
