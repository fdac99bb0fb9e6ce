package id.amk.platform.security;

import com.fasterxml.jackson.databind.ObjectMapper;
import org.springframework.boot.autoconfigure.AutoConfiguration;
import org.springframework.boot.autoconfigure.condition.ConditionalOnMissingBean;
import org.springframework.boot.autoconfigure.condition.ConditionalOnWebApplication;
import org.springframework.boot.autoconfigure.security.oauth2.resource.servlet.OAuth2ResourceServerAutoConfiguration;
import org.springframework.boot.autoconfigure.security.servlet.SecurityAutoConfiguration;
import org.springframework.context.MessageSource;
import org.springframework.context.annotation.Bean;
import org.springframework.core.convert.converter.Converter;
import org.springframework.core.env.Environment;
import org.springframework.security.authentication.AbstractAuthenticationToken;
import org.springframework.security.config.annotation.method.configuration.EnableMethodSecurity;
import org.springframework.security.config.annotation.web.builders.HttpSecurity;
import org.springframework.security.config.http.SessionCreationPolicy;
import org.springframework.security.core.GrantedAuthority;
import org.springframework.security.core.authority.SimpleGrantedAuthority;
import org.springframework.security.oauth2.jwt.Jwt;
import org.springframework.security.oauth2.server.resource.authentication.JwtAuthenticationToken;
import org.springframework.security.web.SecurityFilterChain;

import org.springframework.boot.autoconfigure.kafka.KafkaProperties;

import java.time.Clock;
import java.time.Duration;
import java.util.ArrayList;
import java.util.Collection;
import java.util.List;

/**
 * Every service validates tokens itself (defense in depth behind the gateway): a stateless resource
 * server on identity-service's JWKS and issuer; roles become ROLE_*, scopes SCOPE_*. Health probes,
 * metrics, the OpenAPI document and the paths a service names in {@code amk.security.public-paths} are open;
 * everything else needs a valid token — and one identity-service has not revoked since it was issued ({@link RevokedAccess}).
 */
@AutoConfiguration(before = {SecurityAutoConfiguration.class, OAuth2ResourceServerAutoConfiguration.class})
@ConditionalOnWebApplication(type = ConditionalOnWebApplication.Type.SERVLET)
@EnableMethodSecurity
public class ResourceServerAutoConfiguration {

    public static final String[] OPEN_PATHS = {
            "/actuator/health/**", "/actuator/info", "/actuator/prometheus",
            "/v3/api-docs/**", "/swagger-ui/**", "/swagger-ui.html", "/error"};

    /** Whose tokens were revoked; as a bean, Spring Boot adds it to the validators of the service's JWT decoder. */
    @Bean
    RevokedAccess revokedAccess() {
        return new RevokedAccess();
    }

    /** Health {@code revocations}, part of readiness: the revocations of the last {@code lookback} have been read. */
    @Bean(name = "revocations")
    RevocationFeed revocationFeed(RevokedAccess revoked, KafkaProperties kafka, Environment environment) {
        return new RevocationFeed(revoked, kafka.buildConsumerProperties(null),
                environment.getProperty("amk.security.revocation.lookback", Duration.class, Duration.ofHours(24)), Clock.systemUTC());
    }

    @Bean
    ProblemSecurityHandlers problemSecurityHandlers(MessageSource messages, ObjectMapper json) {
        return new ProblemSecurityHandlers(messages, json);
    }

    @Bean
    @ConditionalOnMissingBean(SecurityFilterChain.class)
    SecurityFilterChain amkResourceServer(HttpSecurity http, ProblemSecurityHandlers problems, Environment environment) throws Exception {
        // a service's pages for people without an account (Lapor Sosial's public form): named in amk.security.public-paths
        String[] publicPaths = environment.getProperty("amk.security.public-paths", String[].class, new String[0]);
        return http
                .csrf(csrf -> csrf.disable()) // bearer tokens only, no cookies: nothing for CSRF to ride on
                .sessionManagement(s -> s.sessionCreationPolicy(SessionCreationPolicy.STATELESS))
                .authorizeHttpRequests(auth -> auth.requestMatchers(OPEN_PATHS).permitAll().requestMatchers(publicPaths).permitAll().anyRequest().authenticated())
                .oauth2ResourceServer(rs -> rs
                        .jwt(jwt -> jwt.jwtAuthenticationConverter(new AmkJwtConverter()))
                        .authenticationEntryPoint(problems)
                        .accessDeniedHandler(problems))
                .exceptionHandling(e -> e.authenticationEntryPoint(problems).accessDeniedHandler(problems))
                .build();
    }

    /** roles claim -> ROLE_*, scope claim -> SCOPE_*, principal name = subject. */
    public static class AmkJwtConverter implements Converter<Jwt, AbstractAuthenticationToken> {
        @Override
        public AbstractAuthenticationToken convert(Jwt jwt) {
            AmkCaller caller = AmkCaller.from(jwt);
            Collection<GrantedAuthority> authorities = new ArrayList<>();
            caller.roles().forEach(r -> authorities.add(new SimpleGrantedAuthority("ROLE_" + r)));
            caller.scopes().forEach(s -> authorities.add(new SimpleGrantedAuthority("SCOPE_" + s)));
            return new JwtAuthenticationToken(jwt, List.copyOf(authorities), jwt.getSubject());
        }
    }
}
