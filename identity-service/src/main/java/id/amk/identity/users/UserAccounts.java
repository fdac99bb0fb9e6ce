package id.amk.identity.users;

import org.springframework.data.mongodb.repository.MongoRepository;

import java.util.Optional;

public interface UserAccounts extends MongoRepository<UserAccount, String> {

    Optional<UserAccount> findByUsername(String username);
}
