package id.amk.gateway.security;

import id.amk.gateway.edge.EdgeProblems;
import org.springframework.context.annotation.Bean;
import org.springframework.context.annotation.Configuration;
import org.springframework.core.annotation.Order;
import org.springframework.http.HttpMethod;
import org.springframework.http.HttpStatus;
import org.springframework.security.authorization.AuthorizationDecision;
import org.springframework.security.config.annotation.web.reactive.EnableWebFluxSecurity;
import org.springframework.security.config.web.server.ServerHttpSecurity;
import org.springframework.security.oauth2.jwt.Jwt;
import org.springframework.security.oauth2.server.resource.authentication.JwtAuthenticationToken;
import org.springframework.security.web.server.SecurityWebFilterChain;
import org.springframework.security.web.server.ServerAuthenticationEntryPoint;
import org.springframework.security.web.server.authorization.ServerAccessDeniedHandler;

import java.util.List;
import java.util.Map;

/**
 * The edge for machine clients: a request that carries an {@code Authorization} header (a partner's or the
 * ministry's system with a bearer token, or a client authenticating at the token endpoint) is checked here,
 * statelessly: signature against identity-service's keys, expiry, issuer; /api/** needs a valid token, a
 * machine client's token also the scope of the API area. Browsers, which carry a session cookie and no such
 * header, go through {@link WebSessionSecurityConfig} instead.
 */
@Configuration(proxyBeanMethods = false)
@EnableWebFluxSecurity
public class EdgeSecurityConfig {

    static final String[] OPEN = {
            "/oauth2/**", "/.well-known/**", "/login", "/login/**", "/logout", "/userinfo", "/connect/**", "/error",
            "/actuator/health/**", "/actuator/info", "/actuator/prometheus",
            "/swagger-ui.html", "/swagger-ui/**", "/webjars/**", "/v3/api-docs/**", "/openapi/**", "/fallback/**",
            "/api/public/**"};

    @Bean
    @Order(1)
    SecurityWebFilterChain bearer(ServerHttpSecurity http, EdgeProblems problems) {
        ServerAuthenticationEntryPoint unauthenticated = (exchange, e) -> {
            exchange.getResponse().getHeaders().set("WWW-Authenticate", "Bearer");
            return problems.write(exchange, HttpStatus.UNAUTHORIZED, "unauthenticated", Map.of());
        };
        ServerAccessDeniedHandler forbidden = (exchange, e) -> problems.write(exchange, HttpStatus.FORBIDDEN, "forbidden", Map.of());
        return http
                .securityMatcher(BearerRequests.MATCHER)
                .csrf(ServerHttpSecurity.CsrfSpec::disable) // bearer tokens: no ambient credential a forged request could ride on
                .httpBasic(ServerHttpSecurity.HttpBasicSpec::disable)
                .formLogin(ServerHttpSecurity.FormLoginSpec::disable)
                .requestCache(ServerHttpSecurity.RequestCacheSpec::disable)
                .authorizeExchange(exchanges -> exchanges
                        .pathMatchers(HttpMethod.OPTIONS).permitAll() // CORS preflight carries no token
                        .pathMatchers(OPEN).permitAll()
                        .pathMatchers(HttpMethod.GET, "/api/reference/**").permitAll()
                        .pathMatchers("/api/**").access((authentication, context) -> authentication
                                .map(auth -> new AuthorizationDecision(auth.isAuthenticated()
                                        && allowed(auth, context.getExchange().getRequest().getMethod(),
                                        context.getExchange().getRequest().getPath().value())))
                                .defaultIfEmpty(new AuthorizationDecision(false)))
                        .anyExchange().denyAll())
                .oauth2ResourceServer(rs -> rs.jwt(jwt -> { })
                        .authenticationEntryPoint(unauthenticated).accessDeniedHandler(forbidden))
                .exceptionHandling(e -> e.authenticationEntryPoint(unauthenticated).accessDeniedHandler(forbidden))
                .build();
    }

    private static boolean allowed(Object authentication, HttpMethod method, String path) {
        if (!(authentication instanceof JwtAuthenticationToken token)) {
            return false;
        }
        Jwt jwt = token.getToken();
        List<String> roles = jwt.getClaimAsStringList("roles");
        if (roles != null && !roles.isEmpty()) {
            return true; // a person: the service decides by role and region
        }
        return ApiScopes.allows(scopes(jwt), method, path);
    }

    private static List<String> scopes(Jwt jwt) {
        Object scope = jwt.getClaims().get("scope");
        if (scope instanceof String s) {
            return List.of(s.trim().split("\\s+"));
        }
        List<String> list = jwt.getClaimAsStringList("scope");
        return list == null ? List.of() : list;
    }

}
