package id.amk.identity.config;

import org.springframework.boot.context.properties.ConfigurationProperties;

import java.time.Duration;
import java.util.List;

/**
 * Identity settings. Clients and users listed here are seeded at start-up (the dev profile's demo
 * accounts); secrets and passwords come from the environment anywhere else, and the published demo
 * values are refused outside dev (platform-kit's DemoSecretGuard).
 */
@ConfigurationProperties("amk.identity")
public record IdentityProperties(String issuer, Duration accessTokenTtl, List<Client> clients, List<User> users) {

    public IdentityProperties {
        accessTokenTtl = accessTokenTtl == null ? Duration.ofMinutes(15) : accessTokenTtl;
        clients = clients == null ? List.of() : clients;
        users = users == null ? List.of() : users;
    }

    /** An OAuth2 client: a machine client (client_credentials) when it has a secret, else a public web client (code + PKCE). */
    public record Client(String id, String secret, List<String> scopes, List<String> redirectUris) {
        public Client {
            scopes = scopes == null ? List.of() : scopes;
            redirectUris = redirectUris == null ? List.of() : redirectUris;
        }
    }

    /** A person: roles of DESIGN.md, Kemendagri region codes (a worker's regency, a supervisor's province), agency for partners. */
    public record User(String username, String password, String displayName, List<String> roles, List<String> regions, String agency) {
        public User {
            roles = roles == null ? List.of() : roles;
            regions = regions == null ? List.of() : regions;
        }
    }
}
