package id.amk.identity.agencies;

import org.springframework.data.mongodb.repository.MongoRepository;

public interface Agencies extends MongoRepository<Agency, String> {
}
