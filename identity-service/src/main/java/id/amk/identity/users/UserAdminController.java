package id.amk.identity.users;

import io.swagger.v3.oas.annotations.Operation;
import jakarta.validation.Valid;
import org.springframework.http.HttpStatus;
import org.springframework.web.bind.annotation.GetMapping;
import org.springframework.web.bind.annotation.PathVariable;
import org.springframework.web.bind.annotation.PostMapping;
import org.springframework.web.bind.annotation.PutMapping;
import org.springframework.web.bind.annotation.RequestBody;
import org.springframework.web.bind.annotation.RequestMapping;
import org.springframework.web.bind.annotation.ResponseStatus;
import org.springframework.web.bind.annotation.RestController;

import java.util.List;

/** /api/users: ADMIN only (the security chain). */
@RestController
@RequestMapping("/api/users")
class UserAdminController {

    private final UserService users;

    UserAdminController(UserService users) {
        this.users = users;
    }

    @PostMapping
    @ResponseStatus(HttpStatus.CREATED)
    @Operation(summary = "Register a user; the generated first password is in this answer only")
    UserService.Registered register(@Valid @RequestBody UserRequest request) {
        return users.register(request);
    }

    @GetMapping
    List<UserView> list() {
        return users.list();
    }

    @GetMapping("/{userId}")
    UserView get(@PathVariable String userId) {
        return users.get(userId);
    }

    @PutMapping("/{userId}")
    UserView change(@PathVariable String userId, @Valid @RequestBody UserRequest request) {
        return users.change(userId, request);
    }

    /** Anyone's account but the caller's own: an administrator cannot lock themselves (and possibly everyone) out. */
    @PostMapping("/{userId}/disable")
    UserView disable(@PathVariable String userId, java.security.Principal caller) {
        if (caller != null && users.get(userId).username().equals(caller.getName())) {
            throw new id.amk.platform.web.ProblemException(HttpStatus.CONFLICT, "user.self-disable", java.util.Map.of());
        }
        return users.setEnabled(userId, false);
    }

    /** A temporary password, in this answer only; the user sets their own at the next sign-in, their grants end now. */
    @PostMapping("/{userId}/password-reset")
    @Operation(summary = "Reset a user's password: a temporary one, shown once; the user must set their own at sign-in")
    UserService.PasswordReset resetPassword(@PathVariable String userId) {
        return users.resetPassword(userId);
    }

    @PostMapping("/{userId}/enable")
    UserView enable(@PathVariable String userId) {
        return users.setEnabled(userId, true);
    }
}
