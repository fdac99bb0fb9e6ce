package id.amk.identity.users;

import id.amk.contracts.identity.AccessRevoked;
import id.amk.contracts.identity.UserChanged;
import id.amk.contracts.identity.UserRegistered;
import id.amk.contracts.reference.Regions;
import id.amk.identity.agencies.Agencies;
import id.amk.identity.events.IdentityEvents;
import id.amk.identity.events.PendingEvent;
import id.amk.platform.web.ProblemException;
import org.springframework.beans.factory.annotation.Value;
import org.springframework.http.HttpStatus;
import org.springframework.security.crypto.password.PasswordEncoder;
import org.springframework.stereotype.Service;

import java.security.SecureRandom;
import java.time.Clock;
import java.time.Duration;
import java.time.Instant;
import java.util.ArrayList;
import java.util.Base64;
import java.util.List;
import java.util.Map;
import java.util.UUID;

/** Users' lifecycle: registration, changes, disabling, and the lockout after repeated failed sign-ins. */
@Service
public class UserService {

    private static final SecureRandom RANDOM = new SecureRandom();

    private final UserAccounts users;
    private final Agencies agencies;
    private final PasswordEncoder passwords;
    private final IdentityEvents events;
    private final Clock clock;
    private final Grants grants;
    private final int maxFailedLogins;
    private final Duration lockDuration;
    private final CommonPasswords commonPasswords;

    public UserService(UserAccounts users, Agencies agencies, PasswordEncoder passwords, IdentityEvents events, Clock clock,
                       Grants grants, @Value("${amk.identity.lockout.max-failed-logins:5}") int maxFailedLogins,
                       @Value("${amk.identity.lockout.duration:15m}") Duration lockDuration, CommonPasswords commonPasswords) {
        this.commonPasswords = commonPasswords;
        this.users = users;
        this.agencies = agencies;
        this.passwords = passwords;
        this.events = events;
        this.clock = clock;
        this.grants = grants;
        this.maxFailedLogins = maxFailedLogins;
        this.lockDuration = lockDuration;
    }

    /** A user created by an admin, with a generated first password that is shown once. */
    public record Registered(UserView user, String initialPassword) {
    }

    public Registered register(UserRequest request) {
        String password = temporaryPassword();
        return new Registered(register(request, password, true), password);
    }

    /** A user whose password is known beforehand (the demo accounts of configuration): no change asked at sign-in. */
    public UserView register(UserRequest request, String password) {
        return register(request, password, false);
    }

    /** A temporary password, shown to the admin once; the user must replace it at their next sign-in. */
    public record PasswordReset(UserView user, String temporaryPassword) {
    }

    /**
     * Replaces the password with a temporary one the user must change at sign-in, unlocks the account, and ends
     * every grant the user holds (refresh tokens stop working at once; access tokens run out within their lifetime).
     */
    public PasswordReset resetPassword(String userId) {
        UserAccount user = find(userId);
        String password = temporaryPassword();
        user.passwordHash = passwords.encode(password);
        user.mustChangePassword = true;
        user.failedLogins = 0;
        user.lockedUntil = null;
        user.outbox.add(revoked(user, AccessRevoked.Reason.PASSWORD_RESET));
        UserView view = UserView.of(users.save(user));
        grants.endAllOf(user.username);
        return new PasswordReset(view, password);
    }

    /**
     * The user sets their own password (after a reset or a first sign-in, or whenever they want): at least 12 characters,
     * not containing the username, not one of the passwords breaches show most often ({@link CommonPasswords}), not the
     * one it replaces. Answers the reason code when refused.
     */
    public java.util.Optional<String> setOwnPassword(String username, String password) {
        UserAccount user = users.findByUsername(username).orElseThrow();
        if (password == null || password.length() < 12) {
            return java.util.Optional.of("password.too-short");
        }
        if (password.length() > 200) {
            return java.util.Optional.of("password.too-long");
        }
        if (password.toLowerCase(java.util.Locale.ROOT).contains(username.toLowerCase(java.util.Locale.ROOT))) {
            return java.util.Optional.of("password.contains-username");
        }
        if (commonPasswords.isCommon(password)) {
            return java.util.Optional.of("password.common");
        }
        if (passwords.matches(password, user.passwordHash)) {
            return java.util.Optional.of("password.unchanged");
        }
        user.passwordHash = passwords.encode(password);
        user.mustChangePassword = false;
        users.save(user);
        return java.util.Optional.empty();
    }

    /**
     * After users changed their password themselves, every sign-in they hold ends (this one too): refresh tokens at once,
     * access tokens everywhere as soon as the {@link AccessRevoked} event arrives. Whoever knew the old password is out.
     */
    public void endSignInsAfterOwnChange(String username) {
        UserAccount user = users.findByUsername(username).orElseThrow();
        user.outbox.add(revoked(user, AccessRevoked.Reason.PASSWORD_CHANGED));
        users.save(user);
        grants.endAllOf(user.username);
    }

    public boolean passwordMatches(String username, String password) {
        return users.findByUsername(username).map(user -> passwords.matches(password, user.passwordHash)).orElse(false);
    }

    public boolean mustChangePassword(String username) {
        return users.findByUsername(username).map(UserAccount::mustChangePassword).orElse(false);
    }

    private String temporaryPassword() {
        return Base64.getUrlEncoder().withoutPadding().encodeToString(randomBytes(18));
    }

    private UserView register(UserRequest request, String password, boolean mustChange) {
        checkScope(request);
        if (users.findByUsername(request.username()).isPresent()) {
            throw new ProblemException(HttpStatus.CONFLICT, "conflict", Map.of("field", "username"));
        }
        UserAccount user = new UserAccount();
        user.userId = UUID.randomUUID().toString();
        user.username = request.username();
        user.passwordHash = passwords.encode(password);
        user.mustChangePassword = mustChange;
        apply(user, request);
        user.createdAt = clock.instant();
        user.outbox.add(events.of(user.userId, new UserRegistered(user.userId, user.username, user.displayName, user.roles(),
                user.regions(), user.agency, true, user.createdAt, user.email, user.phone)));
        return UserView.of(users.insert(user));
    }

    public UserView change(String userId, UserRequest request) {
        checkScope(request);
        UserAccount user = find(userId);
        apply(user, request);
        return changed(user);
    }

    /**
     * Disabling also ends every grant the user holds: a refresh after the disable is refused at once, and every service
     * refuses the user's access tokens as soon as the {@link AccessRevoked} event reaches it.
     */
    public UserView setEnabled(String userId, boolean enabled) {
        UserAccount user = find(userId);
        if (user.enabled && !enabled) {
            user.outbox.add(revoked(user, AccessRevoked.Reason.DISABLED));
        }
        user.enabled = enabled;
        if (enabled) {
            user.failedLogins = 0;
            user.lockedUntil = null;
        }
        UserView view = changed(user);
        if (!enabled) {
            grants.endAllOf(user.username);
        }
        return view;
    }

    public List<UserView> list() {
        return users.findAll().stream().map(UserView::of).toList();
    }

    public UserView get(String userId) {
        return UserView.of(find(userId));
    }

    /** A failed sign-in; the account locks for a while after too many in a row. */
    public void recordFailedLogin(String username) {
        users.findByUsername(username).ifPresent(user -> {
            user.failedLogins++;
            if (user.failedLogins >= maxFailedLogins) {
                user.lockedUntil = clock.instant().plus(lockDuration);
                user.failedLogins = 0;
            }
            users.save(user);
        });
    }

    public void recordSuccessfulLogin(String username) {
        users.findByUsername(username).filter(u -> u.failedLogins > 0).ifPresent(user -> {
            user.failedLogins = 0;
            users.save(user);
        });
    }

    private UserView changed(UserAccount user) {
        Instant now = clock.instant();
        user.outbox.add(events.of(user.userId, new UserChanged(user.userId, user.username, user.displayName, user.roles(),
                user.regions(), user.agency, user.enabled, now, user.email, user.phone)));
        return UserView.of(users.save(user));
    }

    private PendingEvent revoked(UserAccount user, AccessRevoked.Reason reason) {
        return events.of(user.userId, new AccessRevoked(user.username, AccessRevoked.Kind.USER, reason, clock.instant()));
    }

    private void apply(UserAccount user, UserRequest request) {
        user.displayName = request.displayName();
        user.roles = new ArrayList<>(request.roles());
        user.regions = new ArrayList<>(request.regions());
        user.agency = request.agency();
        user.email = request.email();
        user.phone = request.phone();
    }

    /** Region and agency scope per role (DESIGN.md: a worker's regency, a supervisor's province, a partner's agency). */
    private void checkScope(UserRequest request) {
        List<String> roles = request.roles();
        // the same reference data every service checks regions against (contracts): no 99.99 workers
        if (request.regions().stream().anyMatch(region -> !Regions.reference().known(region))) {
            throw invalid("regions", "unknown-region");
        }
        if (roles.contains("PEKSOS") && (request.regions().size() != 1 || !request.regions().get(0).contains("."))) {
            throw invalid("regions", "peksos-regency");
        }
        if (roles.contains("SUPERVISOR") && (request.regions().size() != 1 || request.regions().get(0).contains("."))) {
            throw invalid("regions", "supervisor-province");
        }
        if (roles.contains("PARTNER") && (request.agency() == null || agencies.findById(request.agency()).isEmpty())) {
            throw invalid("agency", "partner-agency");
        }
    }

    private static ProblemException invalid(String field, String rule) {
        return new ProblemException(HttpStatus.BAD_REQUEST, "validation", Map.of("field", field, "rule", rule));
    }

    private UserAccount find(String userId) {
        return users.findById(userId).orElseThrow(() -> new ProblemException(HttpStatus.NOT_FOUND, "not-found", Map.of()));
    }

    private static byte[] randomBytes(int n) {
        byte[] bytes = new byte[n];
        RANDOM.nextBytes(bytes);
        return bytes;
    }
}
