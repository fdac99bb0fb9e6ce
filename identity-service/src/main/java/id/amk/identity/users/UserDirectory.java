package id.amk.identity.users;

import org.springframework.context.event.EventListener;
import org.springframework.security.authentication.UsernamePasswordAuthenticationToken;
import org.springframework.security.authentication.event.AuthenticationFailureBadCredentialsEvent;
import org.springframework.security.authentication.event.AuthenticationSuccessEvent;
import org.springframework.security.core.userdetails.User;
import org.springframework.security.core.userdetails.UserDetails;
import org.springframework.security.core.userdetails.UserDetailsService;
import org.springframework.security.core.userdetails.UsernameNotFoundException;
import org.springframework.stereotype.Component;

import java.time.Clock;

/** Sign-in against the users in Mongo: disabled and locked accounts are refused, failures counted. */
@Component
class UserDirectory implements UserDetailsService {

    private final UserAccounts users;
    private final UserService service;
    private final Clock clock;

    UserDirectory(UserAccounts users, UserService service, Clock clock) {
        this.users = users;
        this.service = service;
        this.clock = clock;
    }

    @Override
    public UserDetails loadUserByUsername(String username) {
        UserAccount user = users.findByUsername(username).orElseThrow(() -> new UsernameNotFoundException("unknown user"));
        return User.withUsername(user.username()).password(user.passwordHash())
                .roles(user.roles().toArray(String[]::new))
                .disabled(!user.enabled())
                .accountLocked(user.lockedAt(clock.instant()))
                .build();
    }

    @EventListener
    void onFailure(AuthenticationFailureBadCredentialsEvent event) {
        service.recordFailedLogin(event.getAuthentication().getName());
    }

    /** Only a person's sign-in resets the count (not every bearer-token call, nor a client's authentication). */
    @EventListener
    void onSuccess(AuthenticationSuccessEvent event) {
        if (event.getAuthentication() instanceof UsernamePasswordAuthenticationToken) {
            service.recordSuccessfulLogin(event.getAuthentication().getName());
        }
    }
}
