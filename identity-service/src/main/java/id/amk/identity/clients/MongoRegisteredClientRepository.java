package id.amk.identity.clients;

import id.amk.identity.config.IdentityProperties;
import org.springframework.security.oauth2.core.AuthorizationGrantType;
import org.springframework.security.oauth2.core.ClientAuthenticationMethod;
import org.springframework.security.oauth2.core.oidc.OidcScopes;
import org.springframework.security.oauth2.server.authorization.client.RegisteredClient;
import org.springframework.security.oauth2.server.authorization.client.RegisteredClientRepository;
import org.springframework.security.oauth2.server.authorization.settings.ClientSettings;
import org.springframework.security.oauth2.server.authorization.settings.TokenSettings;
import org.springframework.stereotype.Component;


/** Spring Authorization Server's view of the clients in Mongo; a disabled client does not exist for it. */
@Component
class MongoRegisteredClientRepository implements RegisteredClientRepository {

    private final OAuthClients clients;
    private final IdentityProperties properties;

    MongoRegisteredClientRepository(OAuthClients clients, IdentityProperties properties) {
        this.clients = clients;
        this.properties = properties;
    }

    @Override
    public void save(RegisteredClient registeredClient) {
        throw new UnsupportedOperationException("clients are registered through /api/clients");
    }

    @Override
    public RegisteredClient findById(String id) {
        return findByClientId(id);
    }

    @Override
    public RegisteredClient findByClientId(String clientId) {
        return clients.findById(clientId).filter(c -> c.enabled).map(this::toRegisteredClient).orElse(null);
    }

    private RegisteredClient toRegisteredClient(OAuthClient client) {
        RegisteredClient.Builder builder = RegisteredClient.withId(client.clientId)
                .clientId(client.clientId)
                .clientSecret(client.secretHash)
                .clientIdIssuedAt(client.createdAt)
                .clientAuthenticationMethod(ClientAuthenticationMethod.CLIENT_SECRET_BASIC)
                .clientAuthenticationMethod(ClientAuthenticationMethod.CLIENT_SECRET_POST)
                .scopes(scopes -> scopes.addAll(client.scopes))
                // the refresh token is kept, not rotated, when used: the web client is confidential (its back end holds a secret,
                // which OAuth 2.1 accepts in place of rotation), and the app's parallel calls may refresh at the same moment;
                // with rotation the second refresh was refused and the worker signed out (seen in the browser tests)
                .tokenSettings(TokenSettings.builder().accessTokenTimeToLive(properties.accessTokenTtl())
                        .refreshTokenTimeToLive(properties.refreshTokenTtl()).reuseRefreshTokens(true).build());
        if (client.kind == OAuthClient.Kind.MACHINE) {
            builder.authorizationGrantType(AuthorizationGrantType.CLIENT_CREDENTIALS);
        } else {
            // the web client's back end (BFF) keeps the secret; PKCE as well, as OAuth 2.1 asks
            builder.authorizationGrantType(AuthorizationGrantType.AUTHORIZATION_CODE)
                    .authorizationGrantType(AuthorizationGrantType.REFRESH_TOKEN)
                    .redirectUris(uris -> uris.addAll(client.redirectUris))
                    // after signing out (OIDC RP-initiated logout), back to the app at the origin it signed in from
                    .postLogoutRedirectUris(uris -> client.redirectUris.stream().map(MongoRegisteredClientRepository::origin)
                            .forEach(origin -> uris.add(origin + "/")))
                    .scope(OidcScopes.OPENID).scope(OidcScopes.PROFILE)
                    .clientSettings(ClientSettings.builder().requireProofKey(true).requireAuthorizationConsent(false).build());
        }
        return builder.build();
    }

    private static String origin(String uri) {
        java.net.URI parsed = java.net.URI.create(uri);
        return parsed.getScheme() + "://" + parsed.getRawAuthority();
    }
}
