package id.amk.gateway.edge;

import com.github.benmanes.caffeine.cache.Cache;
import com.github.benmanes.caffeine.cache.Caffeine;
import io.github.bucket4j.Bandwidth;
import io.github.bucket4j.Bucket;
import io.github.bucket4j.ConsumptionProbe;
import org.springframework.beans.factory.annotation.Value;
import org.springframework.cloud.gateway.filter.GatewayFilterChain;
import org.springframework.cloud.gateway.filter.GlobalFilter;
import org.springframework.core.Ordered;
import org.springframework.http.HttpStatus;
import org.springframework.security.oauth2.server.resource.authentication.JwtAuthenticationToken;
import org.springframework.stereotype.Component;
import org.springframework.web.server.ServerWebExchange;
import reactor.core.publisher.Mono;

import java.net.InetSocketAddress;
import java.time.Duration;
import java.util.Map;
import java.util.concurrent.TimeUnit;
import java.util.concurrent.atomic.AtomicInteger;

/**
 * A token bucket per caller: per user or machine client (token subject), per address for calls without
 * a token (the token endpoint); the public Lapor Sosial API also per address, with far smaller buckets. Over the limit: 429 problem+json with Retry-After. Buckets live in this
 * gateway instance (one instance per region here; a shared store is needed once it scales out).
 * <p>
 * Besides the rate, each caller has a number of requests in flight at once ({@code amk.gateway.rate-limit.in-flight}):
 * a burst of hundreds of concurrent calls from one caller is answered 429 beyond it at once, instead of queueing in
 * front of the services, where it would slow everybody down and trip the circuit breakers for everyone.
 */
@Component
public class RateLimitFilter implements GlobalFilter, Ordered {

    private final Cache<String, Bucket> buckets = Caffeine.newBuilder().maximumSize(100_000)
            .expireAfterAccess(Duration.ofMinutes(10)).build();
    private final Cache<String, Bucket> publicBuckets = Caffeine.newBuilder().maximumSize(100_000)
            .expireAfterAccess(Duration.ofHours(2)).build();
    private final long capacity;
    private final Duration period;
    private final Cache<String, AtomicInteger> inFlight = Caffeine.newBuilder().maximumSize(100_000)
            .expireAfterAccess(Duration.ofMinutes(10)).build();
    private final int maxInFlight;
    private final Bandwidth publicReports;
    private final Bandwidth publicTracking;
    private final EdgeProblems problems;

    public RateLimitFilter(@Value("${amk.gateway.rate-limit.capacity:200}") long capacity,
                           @Value("${amk.gateway.rate-limit.period:10s}") Duration period,
                           @Value("${amk.gateway.rate-limit.public-reports:10}") long publicReports,
                           @Value("${amk.gateway.rate-limit.public-reports-period:1h}") Duration publicReportsPeriod,
                           @Value("${amk.gateway.rate-limit.public-tracking:30}") long publicTracking,
                           @Value("${amk.gateway.rate-limit.public-tracking-period:10m}") Duration publicTrackingPeriod,
                           @Value("${amk.gateway.rate-limit.in-flight:16}") int maxInFlight,
                           EdgeProblems problems) {
        this.maxInFlight = maxInFlight;
        this.capacity = capacity;
        this.period = period;
        this.publicReports = Bandwidth.builder().capacity(publicReports).refillGreedy(publicReports, publicReportsPeriod).build();
        this.publicTracking = Bandwidth.builder().capacity(publicTracking).refillGreedy(publicTracking, publicTrackingPeriod).build();
        this.problems = problems;
    }

    @Override
    public Mono<Void> filter(ServerWebExchange exchange, GatewayFilterChain chain) {
        String path = exchange.getRequest().getPath().value();
        if (path.startsWith("/api/public/")) {
            // anyone may report without an account: each address gets a few reports an hour and some look-ups
            boolean tracking = path.endsWith("/tracking");
            Bucket bucket = publicBuckets.get((tracking ? "tracking:" : "reports:") + address(exchange),
                    k -> Bucket.builder().addLimit(tracking ? publicTracking : publicReports).build());
            ConsumptionProbe probe = bucket.tryConsumeAndReturnRemaining(1);
            // its own, far smaller allowance instead of the caller's general one
            return probe.isConsumed() ? chain.filter(exchange) : refuse(exchange, probe);
        }
        return exchange.getPrincipal()
                .map(principal -> principal instanceof JwtAuthenticationToken jwt ? "subject:" + jwt.getToken().getSubject() : "name:" + principal.getName())
                .defaultIfEmpty(address(exchange))
                .flatMap(caller -> {
                    AtomicInteger running = inFlight.get(caller, k -> new AtomicInteger());
                    if (running.incrementAndGet() > maxInFlight) {
                        running.decrementAndGet();
                        exchange.getResponse().getHeaders().set("Retry-After", "1");
                        return problems.write(exchange, HttpStatus.TOO_MANY_REQUESTS, "too-many-at-once",
                                Map.of("retryAfterSeconds", 1, "inFlight", maxInFlight));
                    }
                    ConsumptionProbe probe = buckets.get(caller, k -> newBucket()).tryConsumeAndReturnRemaining(1);
                    if (!probe.isConsumed()) {
                        running.decrementAndGet();
                        return refuse(exchange, probe);
                    }
                    return chain.filter(exchange).doFinally(signal -> running.decrementAndGet());
                });
    }

    private Mono<Void> refuse(ServerWebExchange exchange, ConsumptionProbe probe) {
        long retryAfter = Math.max(1, TimeUnit.NANOSECONDS.toSeconds(probe.getNanosToWaitForRefill()) + 1);
        exchange.getResponse().getHeaders().set("Retry-After", Long.toString(retryAfter));
        return problems.write(exchange, HttpStatus.TOO_MANY_REQUESTS, "rate-limited", Map.of("retryAfterSeconds", retryAfter));
    }

    private Bucket newBucket() {
        return Bucket.builder().addLimit(Bandwidth.builder().capacity(capacity).refillGreedy(capacity, period).build()).build();
    }

    private static String address(ServerWebExchange exchange) {
        InetSocketAddress remote = exchange.getRequest().getRemoteAddress();
        return "address:" + (remote == null ? "unknown" : remote.getAddress().getHostAddress());
    }

    @Override
    public int getOrder() {
        return Ordered.HIGHEST_PRECEDENCE + 10;
    }
}
