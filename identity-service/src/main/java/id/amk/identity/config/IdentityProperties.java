package id.amk.identity.config;

import org.springframework.boot.context.properties.ConfigurationProperties;

import java.time.Duration;
import java.util.List;

/**
 * Identity settings. The agencies, clients and users listed here are seeded at start-up when missing (the
 * dev profile's demo accounts); the published demo secrets are refused outside dev (platform-kit's
 * DemoSecretGuard). Everything else is administered through /api/agencies, /api/clients and /api/users.
 */
@ConfigurationProperties("amk.identity")
public record IdentityProperties(String issuer, Duration accessTokenTtl, Duration refreshTokenTtl, List<Agency> agencies, List<Client> clients, List<User> users) {

    public IdentityProperties {
        accessTokenTtl = accessTokenTtl == null ? Duration.ofMinutes(15) : accessTokenTtl;
        // a day in the field: a worker offline from dawn to dusk is still signed in when the signal comes back
        refreshTokenTtl = refreshTokenTtl == null ? Duration.ofHours(14) : refreshTokenTtl;
        agencies = agencies == null ? List.of() : agencies;
        clients = clients == null ? List.of() : clients;
        users = users == null ? List.of() : users;
    }

    public record Agency(String id, String name, String type, List<String> regions) {
    }

    /** A web client (authorization code + PKCE) when it has redirect URIs, else a machine client (client credentials). */
    public record Client(String id, String secret, List<String> scopes, List<String> redirectUris) {
        public Client {
            scopes = scopes == null ? List.of() : scopes;
            redirectUris = redirectUris == null ? List.of() : redirectUris;
        }
    }

    public record User(String username, String password, String displayName, List<String> roles, List<String> regions, String agency,
                       String email, String phone) {
        public User {
            roles = roles == null ? List.of() : roles;
            regions = regions == null ? List.of() : regions;
        }
    }
}
