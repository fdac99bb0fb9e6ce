package id.amk.gateway.security;

import org.springframework.http.HttpHeaders;
import org.springframework.security.web.server.util.matcher.ServerWebExchangeMatcher;

/**
 * How the gateway tells machine clients from browsers: a machine client speaks for itself in an
 * {@code Authorization} header (a bearer token, or its secret at the token endpoint); a browser carries only
 * the session cookie the gateway gave it.
 */
public final class BearerRequests {

    public static final ServerWebExchangeMatcher MATCHER = exchange ->
            exchange.getRequest().getHeaders().containsKey(HttpHeaders.AUTHORIZATION)
                    ? ServerWebExchangeMatcher.MatchResult.match() : ServerWebExchangeMatcher.MatchResult.notMatch();

    private BearerRequests() {
    }
}
