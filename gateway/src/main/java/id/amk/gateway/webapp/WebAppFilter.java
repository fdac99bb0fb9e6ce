package id.amk.gateway.webapp;

import org.springframework.http.HttpHeaders;
import org.springframework.http.HttpMethod;
import org.springframework.http.MediaType;
import org.springframework.stereotype.Component;
import org.springframework.web.server.ServerWebExchange;
import org.springframework.web.server.WebFilter;
import org.springframework.web.server.WebFilterChain;
import reactor.core.publisher.Mono;

import java.util.List;

/**
 * Serves the web app (built from {@code web/}, packaged as static files): a page address of the app
 * ({@code /cases/…}, {@code /reports}, …) is answered with its {@code index.html}, which the app's router then
 * reads; the app's files get a Content-Security-Policy without inline script or style, and caching that fits them
 * (hashed assets for a year, the shell and the service worker never from a stale cache).
 */
@Component
class WebAppFilter implements WebFilter {

    static final String CSP = String.join("; ", "default-src 'self'", "script-src 'self'", "style-src 'self'", "img-src 'self' data:",
            "font-src 'self'", "connect-src 'self'", "manifest-src 'self'", "worker-src 'self'", "object-src 'none'", "base-uri 'self'",
            "frame-ancestors 'none'", "form-action 'self'");

    /** Everything the gateway routes or answers itself; the rest is the app. */
    private static final List<String> NOT_THE_APP = List.of("/api/", "/oauth2/", "/login", "/logout", "/password", "/connect/", "/.well-known/",
            "/userinfo", "/actuator", "/bff/", "/swagger-ui", "/v3/", "/openapi/", "/webjars/", "/fallback/", "/error");

    @Override
    public Mono<Void> filter(ServerWebExchange exchange, WebFilterChain chain) {
        String path = exchange.getRequest().getPath().pathWithinApplication().value();
        HttpMethod method = exchange.getRequest().getMethod();
        if (!(HttpMethod.GET.equals(method) || HttpMethod.HEAD.equals(method)) || NOT_THE_APP.stream().anyMatch(path::startsWith)) {
            return chain.filter(exchange);
        }
        HttpHeaders headers = exchange.getResponse().getHeaders();
        headers.set("Content-Security-Policy", CSP);
                        if (path.startsWith("/assets/")) {
            headers.setCacheControl("public, max-age=31536000, immutable"); // names carry their content hash
            return chain.filter(exchange);
        }
        headers.setCacheControl("no-cache");
        boolean file = path.substring(path.lastIndexOf('/') + 1).contains(".");
        if (file) {
            return chain.filter(exchange);
        }
        // an address inside the app: the shell, whose router shows the screen
        exchange.getResponse().getHeaders().setContentType(MediaType.TEXT_HTML);
        return chain.filter(exchange.mutate().request(r -> r.path("/index.html")).build());
    }
}
