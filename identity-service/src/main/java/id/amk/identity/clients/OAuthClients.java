package id.amk.identity.clients;

import org.springframework.data.mongodb.repository.MongoRepository;

public interface OAuthClients extends MongoRepository<OAuthClient, String> {
}
