package id.amk.identity.users;

import id.amk.identity.events.PendingEvent;
import org.springframework.data.annotation.Id;
import org.springframework.data.annotation.Version;
import org.springframework.data.mongodb.core.mapping.Document;

import java.time.Instant;
import java.util.ArrayList;
import java.util.List;

/** A person who signs in: a worker, supervisor, analyst, admin or partner agency user. */
@Document("users")
public class UserAccount {

    @Id
    String userId;
    String username;
    String passwordHash;
    String displayName;
    List<String> roles = new ArrayList<>();
    List<String> regions = new ArrayList<>();
    String agency;
    String email;
    String phone;
    boolean enabled = true;
    /** Set by an admin's registration or password reset: the password is temporary, the user sets their own at sign-in. */
    boolean mustChangePassword;
    int failedLogins;
    Instant lockedUntil;
    Instant createdAt;
    @Version
    Long version;
    List<PendingEvent> outbox = new ArrayList<>();

    public String userId() {
        return userId;
    }

    public String username() {
        return username;
    }

    public String passwordHash() {
        return passwordHash;
    }

    public String displayName() {
        return displayName;
    }

    public List<String> roles() {
        return List.copyOf(roles);
    }

    public List<String> regions() {
        return List.copyOf(regions);
    }

    public String agency() {
        return agency;
    }

    public boolean mustChangePassword() {
        return mustChangePassword;
    }

    public String email() {
        return email;
    }

    public String phone() {
        return phone;
    }

    public boolean enabled() {
        return enabled;
    }

    public boolean lockedAt(Instant now) {
        return lockedUntil != null && lockedUntil.isAfter(now);
    }

    public Instant createdAt() {
        return createdAt;
    }
}
