package id.amk.identity.users;

import java.time.Instant;
import java.util.List;

/** A user as the admin API shows it: never the password hash. */
public record UserView(String userId, String username, String displayName, List<String> roles, List<String> regions,
                       String agency, String email, String phone, boolean enabled, boolean locked, Instant createdAt) {

    static UserView of(UserAccount user) {
        return new UserView(user.userId(), user.username(), user.displayName(), user.roles(), user.regions(), user.agency(),
                user.email(), user.phone(), user.enabled(), user.lockedAt(Instant.now()), user.createdAt());
    }
}
