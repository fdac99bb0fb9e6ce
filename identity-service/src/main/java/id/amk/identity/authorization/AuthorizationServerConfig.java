package id.amk.identity.authorization;

import id.amk.identity.config.IdentityProperties;
import id.amk.identity.keys.SigningKeys;
import id.amk.identity.users.UserAccounts;
import id.amk.platform.security.ProblemSecurityHandlers;
import id.amk.platform.security.ResourceServerAutoConfiguration;
import org.springframework.context.annotation.Bean;
import org.springframework.context.annotation.Configuration;
import org.springframework.core.annotation.Order;
import org.springframework.data.mongodb.core.MongoTemplate;
import org.springframework.http.MediaType;
import org.springframework.security.config.Customizer;
import org.springframework.security.config.annotation.web.builders.HttpSecurity;
import org.springframework.security.config.http.SessionCreationPolicy;
import org.springframework.security.crypto.factory.PasswordEncoderFactories;
import org.springframework.security.crypto.password.PasswordEncoder;
import org.springframework.security.oauth2.core.AuthorizationGrantType;
import org.springframework.security.oauth2.core.oidc.endpoint.OidcParameterNames;
import org.springframework.security.oauth2.jwt.JwtDecoder;
import org.springframework.security.oauth2.server.authorization.OAuth2TokenType;
import org.springframework.security.oauth2.server.authorization.client.RegisteredClientRepository;
import org.springframework.security.oauth2.server.authorization.config.annotation.web.configuration.OAuth2AuthorizationServerConfiguration;
import org.springframework.security.oauth2.server.authorization.config.annotation.web.configurers.OAuth2AuthorizationServerConfigurer;
import org.springframework.security.oauth2.server.authorization.settings.AuthorizationServerSettings;
import org.springframework.security.oauth2.server.authorization.token.JwtEncodingContext;
import org.springframework.security.oauth2.server.authorization.token.OAuth2TokenCustomizer;
import org.springframework.security.web.SecurityFilterChain;
import org.springframework.security.web.context.SecurityContextHolderFilter;
import id.amk.identity.login.PasswordChangeController;
import id.amk.identity.users.UserService;
import org.springframework.security.web.authentication.LoginUrlAuthenticationEntryPoint;
import org.springframework.security.web.util.matcher.MediaTypeRequestMatcher;

import java.time.Clock;
import java.util.ArrayList;
import java.util.HashSet;

/**
 * Spring Authorization Server: OAuth2 + OIDC endpoints, the persistent signing keys, clients and users
 * from identity-service's database, and AMK's claims in access tokens (roles, regions, agency).
 */
@Configuration(proxyBeanMethods = false)
public class AuthorizationServerConfig {

    @Bean
    @Order(1)
    SecurityFilterChain authorizationServer(HttpSecurity http) throws Exception {
        OAuth2AuthorizationServerConfigurer authorizationServer = OAuth2AuthorizationServerConfigurer.authorizationServer();
        http.securityMatcher(authorizationServer.getEndpointsMatcher())
                // a person with a temporary password sets their own before the app gets a code
                .addFilterAfter(new PasswordChangeController.Required(), SecurityContextHolderFilter.class)
                .with(authorizationServer, server -> server.oidc(oidc -> oidc.logoutEndpoint(logout -> logout
                        // a sign-out whose id_token_hint is no longer the grant's newest ID token (each refresh issues a new
                        // one, seen in the browser tests) still ends the sign-in session here, and shows the signed-out page
                        .errorResponseHandler((request, response, error) -> {
                            jakarta.servlet.http.HttpSession session = request.getSession(false);
                            if (session != null) {
                                session.invalidate();
                            }
                            org.springframework.security.core.context.SecurityContextHolder.clearContext();
                            response.sendRedirect(request.getContextPath() + "/login?logout");
                        }))))
                .authorizeHttpRequests(auth -> auth.anyRequest().authenticated())
                .exceptionHandling(e -> e.defaultAuthenticationEntryPointFor(new LoginUrlAuthenticationEntryPoint("/login"),
                        new MediaTypeRequestMatcher(MediaType.TEXT_HTML)))
                .oauth2ResourceServer(rs -> rs.jwt(Customizer.withDefaults()));
        return http.build();
    }

    /** The admin API (/api/**): stateless bearer tokens of ADMIN users or of a machine client with identity.admin. */
    @Bean
    @Order(2)
    SecurityFilterChain api(HttpSecurity http, ProblemSecurityHandlers problems) throws Exception {
        return http.securityMatcher("/api/**")
                .csrf(csrf -> csrf.disable())
                .sessionManagement(s -> s.sessionCreationPolicy(SessionCreationPolicy.STATELESS))
                .authorizeHttpRequests(auth -> auth.anyRequest().hasAnyAuthority("ROLE_ADMIN", "SCOPE_identity.admin"))
                .oauth2ResourceServer(rs -> rs.jwt(jwt -> jwt.jwtAuthenticationConverter(new ResourceServerAutoConfiguration.AmkJwtConverter()))
                        .authenticationEntryPoint(problems).accessDeniedHandler(problems))
                .exceptionHandling(e -> e.authenticationEntryPoint(problems).accessDeniedHandler(problems))
                .build();
    }

    /** Everything else: the sign-in page for people, open probes and API documentation. */
    @Bean
    @Order(3)
    SecurityFilterChain login(HttpSecurity http, UserService users) throws Exception {
        return http
                .addFilterAfter(new PasswordChangeController.Required(), SecurityContextHolderFilter.class)
                // the page with any query (?error, ?lang=id); formLogin's own permitAll matches exact URLs only
                .authorizeHttpRequests(auth -> auth.requestMatchers(ResourceServerAutoConfiguration.OPEN_PATHS).permitAll()
                        .requestMatchers("/login").permitAll()
                        .anyRequest().authenticated())
                .formLogin(form -> form.loginPage("/login").successHandler(new PasswordChangeController.SignedIn(users)).permitAll())
                .build();
    }

    @Bean
    Clock clock() {
        return Clock.systemUTC();
    }

    @Bean
    SigningKeys signingKeys(MongoTemplate mongo, Clock clock, IdentityProperties properties, id.amk.platform.privacy.MasterKey master) {
        SigningKeys keys = new SigningKeys(mongo, clock, properties.accessTokenTtl(), master);
        keys.load();
        return keys;
    }

    @Bean
    MongoAuthorizationService authorizationService(MongoTemplate mongo, RegisteredClientRepository clients) {
        return new MongoAuthorizationService(mongo, clients);
    }

    @Bean
    JwtDecoder jwtDecoder(SigningKeys keys, id.amk.platform.security.RevokedAccess revoked) {
        // identity's own API (users, clients) refuses revoked tokens like every other service
        org.springframework.security.oauth2.jwt.NimbusJwtDecoder decoder =
                (org.springframework.security.oauth2.jwt.NimbusJwtDecoder) OAuth2AuthorizationServerConfiguration.jwtDecoder(keys);
        decoder.setJwtValidator(new org.springframework.security.oauth2.core.DelegatingOAuth2TokenValidator<>(
                org.springframework.security.oauth2.jwt.JwtValidators.createDefault(), revoked));
        return decoder;
    }

    @Bean
    AuthorizationServerSettings authorizationServerSettings(IdentityProperties properties) {
        AuthorizationServerSettings.Builder settings = AuthorizationServerSettings.builder();
        if (properties.issuer() != null && !properties.issuer().isBlank()) {
            settings.issuer(properties.issuer());
        }
        return settings.build();
    }

    @Bean
    PasswordEncoder passwordEncoder() {
        return PasswordEncoderFactories.createDelegatingPasswordEncoder();
    }

    /**
     * Signed with the newest key (named in the header, since older keys stay published); a person's token
     * carries their roles, region codes and agency; a machine client asking for no scope gets its registered
     * scopes (RFC 6749 3.3 lets the server apply a default).
     */
    @Bean
    OAuth2TokenCustomizer<JwtEncodingContext> amkClaims(UserAccounts users, SigningKeys keys) {
        return context -> {
            context.getJwsHeader().keyId(keys.signingKeyId());
            if (OidcParameterNames.ID_TOKEN.equals(context.getTokenType().getValue())) {
                // for the web app's back end, to choose the screens; the services authorize by the access token
                users.findByUsername(context.getPrincipal().getName()).ifPresent(user -> {
                    context.getClaims().claim("name", user.displayName()).claim("roles", new ArrayList<>(user.roles()))
                            .claim("regions", new ArrayList<>(user.regions()));
                    if (user.agency() != null) {
                        context.getClaims().claim("agency", user.agency());
                    }
                });
                return;
            }
            if (!OAuth2TokenType.ACCESS_TOKEN.equals(context.getTokenType())) {
                return;
            }
            // iat has whole seconds: the millisecond tells a token issued just after a revocation (the account enabled
            // again in the same second) from one issued just before it (RevokedAccess)
            java.time.Instant issuedAt = context.getClaims().build().getIssuedAt();
            if (issuedAt != null) {
                // a string: the stored authorization's JSON allowlist takes no Long
                context.getClaims().claim(id.amk.platform.security.RevokedAccess.ISSUED_AT_MILLIS, Long.toString(issuedAt.toEpochMilli()));
            }
            if (AuthorizationGrantType.CLIENT_CREDENTIALS.equals(context.getAuthorizationGrantType())) {
                if (context.getAuthorizedScopes().isEmpty()) {
                    context.getClaims().claim("scope", new HashSet<>(context.getRegisteredClient().getScopes()));
                }
                return;
            }
            users.findByUsername(context.getPrincipal().getName()).ifPresent(user -> {
                // mutable JDK collections: the stored grant keeps the claims, and its JSON allowlist knows these
                context.getClaims().claim("roles", new ArrayList<>(user.roles())).claim("regions", new ArrayList<>(user.regions()))
                        .claim("uid", user.userId());
                if (user.agency() != null) {
                    context.getClaims().claim("agency", user.agency());
                }
            });
        };
    }
}
