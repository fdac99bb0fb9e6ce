package id.amk.identity.clients;

import org.springframework.data.annotation.Id;
import org.springframework.data.annotation.Version;
import org.springframework.data.mongodb.core.mapping.Document;

import java.time.Instant;
import java.util.ArrayList;
import java.util.List;

/**
 * An OAuth2 client: a machine client of a ministry or partner system (client credentials, with scopes),
 * or a web client (authorization code with PKCE, for people). Only the secret's hash is kept.
 */
@Document("clients")
public class OAuthClient {

    public enum Kind { MACHINE, WEB }

    @Id
    String clientId;
    Kind kind;
    String secretHash;
    String description;
    List<String> scopes = new ArrayList<>();
    List<String> redirectUris = new ArrayList<>();
    /** Events not yet published ({@code OutboxPublisher}): a disable's {@code AccessRevoked}. */
    List<id.amk.identity.events.PendingEvent> outbox = new ArrayList<>();
    boolean enabled = true;
    Instant createdAt;
    @Version
    Long version;

    public record View(String clientId, Kind kind, String description, List<String> scopes, List<String> redirectUris,
                       boolean enabled, Instant createdAt) {
    }

    public View view() {
        return new View(clientId, kind, description, List.copyOf(scopes), List.copyOf(redirectUris), enabled, createdAt);
    }
}
