package id.amk.identity.clients;

import id.amk.contracts.identity.AccessRevoked;
import id.amk.identity.events.IdentityEvents;
import id.amk.identity.users.Grants;

import id.amk.platform.web.ProblemException;
import org.springframework.http.HttpStatus;
import org.springframework.security.crypto.password.PasswordEncoder;
import org.springframework.stereotype.Service;

import java.security.SecureRandom;
import java.time.Clock;
import java.util.ArrayList;
import java.util.Base64;
import java.util.List;
import java.util.Map;

@Service
public class ClientService {

    private static final SecureRandom RANDOM = new SecureRandom();

    private final OAuthClients clients;
    private final PasswordEncoder passwords;
    private final Clock clock;
    private final IdentityEvents events;
    private final Grants grants;

    public ClientService(OAuthClients clients, PasswordEncoder passwords, Clock clock, IdentityEvents events, Grants grants) {
        this.clients = clients;
        this.passwords = passwords;
        this.clock = clock;
        this.events = events;
        this.grants = grants;
    }

    /** A new client and its secret, which is shown here once and kept only as a hash. */
    public record Registered(OAuthClient.View client, String clientSecret) {
    }

    public Registered register(ClientRequest request) {
        byte[] secret = new byte[32];
        RANDOM.nextBytes(secret);
        String clientSecret = Base64.getUrlEncoder().withoutPadding().encodeToString(secret);
        return new Registered(register(request, clientSecret), clientSecret);
    }

    public OAuthClient.View register(ClientRequest request, String clientSecret) {
        if (request.clientId() == null) {
            throw new ProblemException(HttpStatus.BAD_REQUEST, "validation", Map.of("field", "clientId"));
        }
        if (clients.existsById(request.clientId())) {
            throw new ProblemException(HttpStatus.CONFLICT, "conflict", Map.of("field", "clientId"));
        }
        OAuthClient client = new OAuthClient();
        client.clientId = request.clientId();
        client.kind = request.kind();
        client.secretHash = passwords.encode(clientSecret);
        client.createdAt = clock.instant();
        apply(client, request);
        return clients.insert(client).view();
    }

    public OAuthClient.View change(String clientId, ClientRequest request) {
        OAuthClient client = find(clientId);
        apply(client, request);
        return clients.save(client).view();
    }

    /** Disabling a client ends its grants and revokes its access tokens everywhere ({@link AccessRevoked}). */
    public OAuthClient.View setEnabled(String clientId, boolean enabled) {
        OAuthClient client = find(clientId);
        if (client.enabled && !enabled) {
            client.outbox.add(events.of(clientId, new AccessRevoked(clientId, AccessRevoked.Kind.CLIENT,
                    AccessRevoked.Reason.DISABLED, clock.instant())));
        }
        client.enabled = enabled;
        OAuthClient.View view = clients.save(client).view();
        if (!enabled) {
            grants.endAllOf(clientId);
        }
        return view;
    }

    public List<OAuthClient.View> list() {
        return clients.findAll().stream().map(OAuthClient::view).toList();
    }

    private static void apply(OAuthClient client, ClientRequest request) {
        List<String> unknown = request.scopes().stream().filter(s -> !AmkScopes.ALL.contains(s)).toList();
        if (!unknown.isEmpty()) {
            throw new ProblemException(HttpStatus.BAD_REQUEST, "validation", Map.of("field", "scopes"));
        }
        if (request.kind() == OAuthClient.Kind.WEB && request.redirectUris().isEmpty()) {
            throw new ProblemException(HttpStatus.BAD_REQUEST, "validation", Map.of("field", "redirectUris"));
        }
        client.description = request.description();
        client.scopes = new ArrayList<>(request.scopes());
        client.redirectUris = new ArrayList<>(new java.util.LinkedHashSet<>(request.redirectUris()));
    }

    private OAuthClient find(String clientId) {
        return clients.findById(clientId).orElseThrow(() -> new ProblemException(HttpStatus.NOT_FOUND, "not-found", Map.of()));
    }
}
