package id.amk.gateway.bff;

import org.springframework.security.core.annotation.AuthenticationPrincipal;
import org.springframework.security.oauth2.core.oidc.user.OidcUser;
import org.springframework.web.bind.annotation.GetMapping;
import org.springframework.web.bind.annotation.RestController;

import java.util.LinkedHashMap;
import java.util.List;
import java.util.Map;

/**
 * {@code GET /bff/session}: who is signed in, for the web app to choose its screens (the services decide what the
 * person may do). Never a token: those stay in the session. Where to sign in and out is said too.
 */
@RestController
class SessionController {

    @GetMapping("/bff/session")
    Map<String, Object> session(@AuthenticationPrincipal OidcUser user) {
        Map<String, Object> session = new LinkedHashMap<>();
        session.put("authenticated", user != null);
        session.put("signIn", WebSessionSecurityConfig.SIGN_IN);
        session.put("signOut", WebSessionSecurityConfig.SIGN_OUT);
        if (user != null) {
            session.put("username", user.getSubject());
            session.put("name", user.getFullName() != null ? user.getFullName() : user.getSubject());
            session.put("roles", list(user.getClaimAsStringList("roles")));
            session.put("regions", list(user.getClaimAsStringList("regions")));
            session.put("agency", user.getClaimAsString("agency"));
        }
        return session;
    }

    private static List<String> list(List<String> values) {
        return values == null ? List.of() : values;
    }
}
