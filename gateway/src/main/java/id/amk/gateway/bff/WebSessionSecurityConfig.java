package id.amk.gateway.bff;

import id.amk.gateway.edge.EdgeProblems;
import org.springframework.boot.context.properties.EnableConfigurationProperties;
import org.springframework.context.annotation.Bean;
import org.springframework.context.annotation.Configuration;
import org.springframework.core.annotation.Order;
import org.springframework.http.HttpMethod;
import org.springframework.http.HttpStatus;
import org.springframework.security.config.web.server.ServerHttpSecurity;
import org.springframework.security.oauth2.client.web.DefaultReactiveOAuth2AuthorizedClientManager;
import org.springframework.security.oauth2.client.ReactiveOAuth2AuthorizedClientManager;
import org.springframework.security.oauth2.client.ReactiveOAuth2AuthorizedClientProviderBuilder;
import org.springframework.security.oauth2.client.oidc.web.server.logout.OidcClientInitiatedServerLogoutSuccessHandler;
import org.springframework.security.oauth2.client.registration.ClientRegistration;
import org.springframework.security.oauth2.client.registration.InMemoryReactiveClientRegistrationRepository;
import org.springframework.security.oauth2.client.registration.ReactiveClientRegistrationRepository;
import org.springframework.security.oauth2.client.web.server.DefaultServerOAuth2AuthorizationRequestResolver;
import org.springframework.security.oauth2.client.web.server.ServerOAuth2AuthorizedClientRepository;
import org.springframework.security.oauth2.client.web.server.WebSessionServerOAuth2AuthorizedClientRepository;
import org.springframework.security.oauth2.client.web.OAuth2AuthorizationRequestCustomizers;
import org.springframework.security.oauth2.core.AuthorizationGrantType;
import org.springframework.security.oauth2.core.ClientAuthenticationMethod;
import org.springframework.security.oauth2.core.oidc.IdTokenClaimNames;
import org.springframework.security.web.server.DelegatingServerAuthenticationEntryPoint;
import org.springframework.security.web.server.SecurityWebFilterChain;
import org.springframework.security.web.server.ServerAuthenticationEntryPoint;
import org.springframework.security.web.server.authentication.RedirectServerAuthenticationEntryPoint;
import org.springframework.security.web.server.authentication.logout.DelegatingServerLogoutHandler;
import org.springframework.security.web.server.authentication.logout.SecurityContextServerLogoutHandler;
import org.springframework.security.web.server.authentication.logout.WebSessionServerLogoutHandler;
import org.springframework.security.web.server.csrf.CookieServerCsrfTokenRepository;
import org.springframework.security.web.server.csrf.ServerCsrfTokenRequestAttributeHandler;
import org.springframework.security.web.server.util.matcher.AndServerWebExchangeMatcher;
import org.springframework.security.web.server.util.matcher.NegatedServerWebExchangeMatcher;
import org.springframework.security.web.server.util.matcher.OrServerWebExchangeMatcher;
import org.springframework.security.web.server.util.matcher.PathPatternParserServerWebExchangeMatcher;
import org.springframework.security.web.server.util.matcher.ServerWebExchangeMatcher;
import org.springframework.security.web.server.util.matcher.ServerWebExchangeMatchers;

import java.util.List;
import java.util.Map;

/**
 * The gateway as the browser's back end (BFF): people sign in with the authorization-code flow and PKCE as the
 * client {@code amk-web}; the tokens stay in the server-side session (Spring Session, on MongoDB outside tests)
 * and never reach the browser, which holds only an HttpOnly session cookie; {@code TokenRelay} puts the access
 * token on each /api/** call, refreshing it shortly before it expires. Every write a cookie could carry needs the
 * CSRF token (double-submit cookie, header {@code X-XSRF-TOKEN}), except identity-service's own forms, which
 * check their own. Sign-out revokes the tokens, ends the session here and at identity-service (OIDC RP-initiated
 * logout). Requests with an Authorization header never get here: {@code EdgeSecurityConfig} handles them.
 */
@Configuration(proxyBeanMethods = false)
@EnableConfigurationProperties(WebClientProperties.class)
public class WebSessionSecurityConfig {

    public static final String REGISTRATION = "amk-web";
    public static final String SIGN_IN = "/oauth2/authorization/" + REGISTRATION;
    public static final String SIGN_OUT = "/bff/logout";

    /** Lapor Sosial for people without an account: routed without the session's token, so no CSRF token either. */
    static final String PUBLIC_API = "/api/public/**";
    /** Regions, clusters and ATENSI components: public knowledge, also for the public report form. */
    static final String REFERENCE_API = "/api/reference/**";

    /** identity-service's pages and endpoints, proxied: they protect their own forms. */
    private static final String[] IDENTITY_FORMS = {"/login", "/login/**", "/logout", "/password", "/oauth2/**", "/connect/**"};

    @Bean
    @Order(2)
    SecurityWebFilterChain browser(ServerHttpSecurity http, EdgeProblems problems, ReactiveClientRegistrationRepository registrations,
                                   TokenRevocation revocation, WebClientProperties properties) {
        // neither a session nor a token: a person signs in (the app follows "signIn"), a machine client sends a bearer token
        ServerAuthenticationEntryPoint apiUnauthenticated = (exchange, e) -> {
            exchange.getResponse().getHeaders().set("WWW-Authenticate", "Bearer");
            return problems.write(exchange, HttpStatus.UNAUTHORIZED, "unauthenticated", Map.of("signIn", SIGN_IN));
        };
        DelegatingServerAuthenticationEntryPoint entryPoint = new DelegatingServerAuthenticationEntryPoint(List.of(
                new DelegatingServerAuthenticationEntryPoint.DelegateEntry(ServerWebExchangeMatchers.pathMatchers("/api/**", "/bff/**"),
                        apiUnauthenticated)));
        entryPoint.setDefaultEntryPoint(new RedirectServerAuthenticationEntryPoint(SIGN_IN));

        DefaultServerOAuth2AuthorizationRequestResolver withPkce = new DefaultServerOAuth2AuthorizationRequestResolver(registrations);
        withPkce.setAuthorizationRequestCustomizer(OAuth2AuthorizationRequestCustomizers.withPkce());

        OidcClientInitiatedServerLogoutSuccessHandler endAtIdentity = new OidcClientInitiatedServerLogoutSuccessHandler(registrations);
        endAtIdentity.setPostLogoutRedirectUri("{baseUrl}/");

        CookieServerCsrfTokenRepository csrfTokens = CookieServerCsrfTokenRepository.withHttpOnlyFalse();
        csrfTokens.setCookieCustomizer(cookie -> cookie.sameSite("Lax").secure(properties.secureCookies()));
        ServerCsrfTokenRequestAttributeHandler csrfHandler = new ServerCsrfTokenRequestAttributeHandler();

        return http
                .securityMatcher(new NegatedServerWebExchangeMatcher(id.amk.gateway.security.BearerRequests.MATCHER))
                .csrf(csrf -> csrf.csrfTokenRepository(csrfTokens).csrfTokenRequestHandler(csrfHandler)
                        .requireCsrfProtectionMatcher(cookieAuthenticatedWrites())
                        .accessDeniedHandler((exchange, denied) -> problems.write(exchange, HttpStatus.FORBIDDEN, "csrf", Map.of())))
                .httpBasic(ServerHttpSecurity.HttpBasicSpec::disable)
                .formLogin(ServerHttpSecurity.FormLoginSpec::disable)
                // not "no-referrer": the browser would then send "Origin: null" with identity-service's sign-in form, which
                // identity-service rightly refuses as a cross-origin post; same-origin tells it nothing beyond the gateway
                .headers(headers -> headers.referrerPolicy(referrer -> referrer.policy(
                        org.springframework.security.web.server.header.ReferrerPolicyServerHttpHeadersWriter.ReferrerPolicy.SAME_ORIGIN)))
                .authorizeExchange(exchanges -> exchanges
                        .pathMatchers(HttpMethod.OPTIONS).permitAll()
                        .pathMatchers("/actuator/health/**", "/actuator/info", "/actuator/prometheus").permitAll()
                        .pathMatchers("/actuator/**").denyAll()
                        .pathMatchers(PUBLIC_API).permitAll()
                        .pathMatchers(HttpMethod.GET, REFERENCE_API).permitAll()
                        .pathMatchers("/api/**", SIGN_OUT, DeviceKeyController.PATH).authenticated()
                        // the app's files, the session probe, identity-service's pages, OIDC discovery, API documents
                        .anyExchange().permitAll())
                .oauth2Login(login -> login.authorizationRequestResolver(withPkce))
                .logout(logout -> logout.logoutUrl(SIGN_OUT)
                        .logoutHandler(new DelegatingServerLogoutHandler(revocation, new SecurityContextServerLogoutHandler(),
                                new WebSessionServerLogoutHandler()))
                        .logoutSuccessHandler(endAtIdentity))
                .exceptionHandling(e -> e.authenticationEntryPoint(entryPoint)
                        .accessDeniedHandler((exchange, denied) -> problems.write(exchange, HttpStatus.FORBIDDEN, "forbidden", Map.of())))
                .build();
    }

    /** Writes to the APIs and the sign-out; identity-service's forms carry their own CSRF token; the public API uses no session. */
    private static ServerWebExchangeMatcher cookieAuthenticatedWrites() {
        ServerWebExchangeMatcher writes = new OrServerWebExchangeMatcher(
                ServerWebExchangeMatchers.pathMatchers(HttpMethod.POST, "/**"), ServerWebExchangeMatchers.pathMatchers(HttpMethod.PUT, "/**"),
                ServerWebExchangeMatchers.pathMatchers(HttpMethod.PATCH, "/**"), ServerWebExchangeMatchers.pathMatchers(HttpMethod.DELETE, "/**"));
        ServerWebExchangeMatcher identityForms = new OrServerWebExchangeMatcher(java.util.stream.Stream.concat(
                java.util.Arrays.stream(IDENTITY_FORMS), java.util.stream.Stream.of(PUBLIC_API))
                .<ServerWebExchangeMatcher>map(PathPatternParserServerWebExchangeMatcher::new).toList());
        return new AndServerWebExchangeMatcher(writes, new NegatedServerWebExchangeMatcher(identityForms));
    }

    /**
     * {@code amk-web} as identity-service knows it. The browser is sent to the public issuer (the gateway's
     * address); the gateway itself reaches identity-service directly for tokens and keys. No discovery at start,
     * so the gateway starts whether identity-service is up or not.
     */
    @Bean
    ReactiveClientRegistrationRepository clientRegistrations(WebClientProperties properties) {
        String issuer = properties.issuer();
        String identity = properties.identityServiceUrl();
        ClientRegistration amkWeb = ClientRegistration.withRegistrationId(REGISTRATION)
                .clientId(properties.clientId())
                .clientSecret(properties.clientSecret() == null ? "" : properties.clientSecret())
                .clientAuthenticationMethod(ClientAuthenticationMethod.CLIENT_SECRET_BASIC)
                .authorizationGrantType(AuthorizationGrantType.AUTHORIZATION_CODE)
                .redirectUri("{baseUrl}/login/oauth2/code/{registrationId}")
                .scope("openid", "profile")
                .authorizationUri(issuer + "/oauth2/authorize")
                .tokenUri(identity + "/oauth2/token")
                .jwkSetUri(identity + "/oauth2/jwks")
                .issuerUri(issuer)
                .userNameAttributeName(IdTokenClaimNames.SUB)
                .providerConfigurationMetadata(Map.of("end_session_endpoint", issuer + "/connect/logout",
                        "revocation_endpoint", identity + "/oauth2/revoke"))
                .clientName("AMK")
                .build();
        return new InMemoryReactiveClientRegistrationRepository(amkWeb);
    }

    /** The tokens live in the web session, so they survive a gateway restart with the session store. */
    @Bean
    ServerOAuth2AuthorizedClientRepository authorizedClients() {
        return new WebSessionServerOAuth2AuthorizedClientRepository();
    }

    /** Used by TokenRelay: refreshes the access token shortly before it expires, so a working day needs one sign-in. */
    @Bean
    ReactiveOAuth2AuthorizedClientManager authorizedClientManager(ReactiveClientRegistrationRepository registrations,
                                                                  ServerOAuth2AuthorizedClientRepository clients,
                                                                  WebClientProperties properties) {
        DefaultReactiveOAuth2AuthorizedClientManager manager = new DefaultReactiveOAuth2AuthorizedClientManager(registrations, clients);
        manager.setAuthorizedClientProvider(ReactiveOAuth2AuthorizedClientProviderBuilder.builder()
                .authorizationCode()
                .refreshToken(refresh -> refresh.clockSkew(properties.refreshBeforeExpiry()))
                .build());
        return manager;
    }
}
