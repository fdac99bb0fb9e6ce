package id.amk.identity.authorization;

import org.springframework.security.oauth2.server.authorization.client.RegisteredClient;
import org.springframework.security.oauth2.server.authorization.client.RegisteredClientRepository;

import java.util.List;
import java.util.Map;
import java.util.concurrent.ConcurrentHashMap;

/** The OAuth2 clients seeded from configuration (possibly none, unlike Spring's in-memory repository). */
class ConfiguredClients implements RegisteredClientRepository {

    private final Map<String, RegisteredClient> byId = new ConcurrentHashMap<>();

    ConfiguredClients(List<RegisteredClient> clients) {
        clients.forEach(this::save);
    }

    @Override
    public void save(RegisteredClient client) {
        byId.put(client.getId(), client);
    }

    @Override
    public RegisteredClient findById(String id) {
        return byId.get(id);
    }

    @Override
    public RegisteredClient findByClientId(String clientId) {
        return byId.values().stream().filter(c -> c.getClientId().equals(clientId)).findFirst().orElse(null);
    }
}
