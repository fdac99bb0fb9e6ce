package id.amk.gateway.bff;

import org.slf4j.Logger;
import org.slf4j.LoggerFactory;
import org.springframework.http.MediaType;
import org.springframework.security.core.Authentication;
import org.springframework.security.oauth2.client.OAuth2AuthorizedClient;
import org.springframework.security.oauth2.client.web.server.ServerOAuth2AuthorizedClientRepository;
import org.springframework.security.oauth2.core.AbstractOAuth2Token;
import org.springframework.security.web.server.WebFilterExchange;
import org.springframework.security.web.server.authentication.logout.ServerLogoutHandler;
import org.springframework.stereotype.Component;
import org.springframework.web.reactive.function.BodyInserters;
import org.springframework.web.reactive.function.client.WebClient;
import reactor.core.publisher.Flux;
import reactor.core.publisher.Mono;

import java.time.Duration;

/**
 * On sign-out, the session's tokens are revoked at identity-service (RFC 7009): revoking the refresh token ends
 * the whole grant there, so neither token can be used again, even if a copy had been taken. A revocation that
 * fails is logged and does not keep the person signed in: the session ends regardless.
 */
@Component
class TokenRevocation implements ServerLogoutHandler {

    private static final Logger log = LoggerFactory.getLogger(TokenRevocation.class);

    private final ServerOAuth2AuthorizedClientRepository clients;
    private final WebClient http;
    private final WebClientProperties properties;

    TokenRevocation(ServerOAuth2AuthorizedClientRepository clients, WebClient.Builder http, WebClientProperties properties) {
        this.clients = clients;
        this.http = http.build();
        this.properties = properties;
    }

    @Override
    public Mono<Void> logout(WebFilterExchange exchange, Authentication authentication) {
        if (authentication == null) {
            return Mono.empty();
        }
        return clients.<OAuth2AuthorizedClient>loadAuthorizedClient(WebSessionSecurityConfig.REGISTRATION, authentication, exchange.getExchange())
                .flatMap(client -> Flux.concat(revoke(client.getRefreshToken(), "refresh_token"), revoke(client.getAccessToken(), "access_token"))
                        .then(clients.removeAuthorizedClient(WebSessionSecurityConfig.REGISTRATION, authentication, exchange.getExchange())));
    }

    private Mono<Void> revoke(AbstractOAuth2Token token, String hint) {
        if (token == null) {
            return Mono.empty();
        }
        return http.post().uri(properties.identityServiceUrl() + "/oauth2/revoke")
                .headers(h -> h.setBasicAuth(properties.clientId(), properties.clientSecret() == null ? "" : properties.clientSecret()))
                .contentType(MediaType.APPLICATION_FORM_URLENCODED)
                .body(BodyInserters.fromFormData("token", token.getTokenValue()).with("token_type_hint", hint))
                .retrieve().toBodilessEntity().timeout(Duration.ofSeconds(5)).then()
                .onErrorResume(e -> {
                    log.warn("Could not revoke the {} at sign-out: {}", hint, e.toString());
                    return Mono.empty();
                });
    }
}
