package id.amk.identity.login;

import id.amk.identity.users.UserService;
import jakarta.servlet.FilterChain;
import jakarta.servlet.ServletException;
import jakarta.servlet.http.HttpServletRequest;
import jakarta.servlet.http.HttpServletResponse;
import jakarta.servlet.http.HttpSession;
import org.springframework.context.MessageSource;
import org.springframework.http.MediaType;
import org.springframework.http.ResponseEntity;
import org.springframework.security.core.Authentication;
import org.springframework.security.web.authentication.SavedRequestAwareAuthenticationSuccessHandler;
import org.springframework.security.web.csrf.CsrfToken;
import org.springframework.security.web.savedrequest.HttpSessionRequestCache;
import org.springframework.security.web.savedrequest.SavedRequest;
import org.springframework.stereotype.Controller;
import org.springframework.web.bind.annotation.GetMapping;
import org.springframework.web.bind.annotation.PostMapping;
import org.springframework.web.bind.annotation.RequestParam;
import org.springframework.web.filter.OncePerRequestFilter;
import org.springframework.web.util.HtmlUtils;

import java.io.IOException;
import java.net.URI;
import java.security.Principal;
import java.util.Locale;
import java.util.Optional;
import java.util.Set;

/**
 * A user whose password an admin set (first sign-in, or a reset) sets their own before going anywhere: the sign-in
 * marks the session, every page but this one sends them here, and the new password lets them on to where they were
 * going (the app's authorization request). A signed-in user may also change their password whenever they want (the
 * app's "Ubah kata sandi"), giving the current one first.
 */
@Controller
public class PasswordChangeController {

    static final String REQUIRED = "amk.password-change-required";

    private final UserService users;
    private final MessageSource messages;
    private final HttpSessionRequestCache requests = new HttpSessionRequestCache();

    PasswordChangeController(UserService users, MessageSource messages) {
        this.users = users;
        this.messages = messages;
    }

    @GetMapping(value = "/password", produces = MediaType.TEXT_HTML_VALUE)
    ResponseEntity<String> form(HttpServletRequest request) {
        return ResponseEntity.ok().contentType(MediaType.TEXT_HTML).body(page(request, null));
    }

    @PostMapping(value = "/password", produces = MediaType.TEXT_HTML_VALUE)
    ResponseEntity<String> change(HttpServletRequest request, HttpServletResponse response, Principal principal,
                                  @RequestParam(defaultValue = "") String current,
                                  @RequestParam(defaultValue = "") String password, @RequestParam(defaultValue = "") String repeat) {
        // a change the user chose (not one a reset required) proves it is them: the session alone may be someone else's
        Optional<String> refused = !required(request) && !users.passwordMatches(principal.getName(), current)
                ? Optional.of("password.wrong-current")
                : password.equals(repeat) ? users.setOwnPassword(principal.getName(), password) : Optional.of("password.mismatch");
        if (refused.isPresent()) {
            return ResponseEntity.badRequest().contentType(MediaType.TEXT_HTML).body(page(request, refused.get()));
        }
        boolean wasRequired = required(request);
        if (!wasRequired) {
            // a change the user chose: whoever knew the old password (another device, a stolen session) is signed out
            users.endSignInsAfterOwnChange(principal.getName());
        }
        HttpSession session = request.getSession(false);
        if (session != null) {
            session.removeAttribute(REQUIRED);
        }
        // a change a reset required lets the user on to where they were going; one they chose ends on this page
        SavedRequest saved = wasRequired ? requests.getRequest(request, response) : null;
        if (saved != null) {
            requests.removeRequest(request, response);
            return ResponseEntity.status(303).location(URI.create(saved.getRedirectUrl())).build();
        }
        return ResponseEntity.ok().contentType(MediaType.TEXT_HTML).body(done(request));
    }

    private static boolean required(HttpServletRequest request) {
        HttpSession session = request.getSession(false);
        return session != null && session.getAttribute(REQUIRED) != null;
    }

    private String page(HttpServletRequest request, String error) {
        Locale locale = LoginPageController.locale(request);
        CsrfToken csrf = (CsrfToken) request.getAttribute(CsrfToken.class.getName());
        String problem = error == null ? "" : "<p class=\"error\" role=\"alert\">" + text(error, locale) + "</p>";
        boolean required = required(request);
        String current = required ? "" : "<label for=\"current\">" + text("password.current", locale)
                + "</label><input id=\"current\" name=\"current\" type=\"password\" autocomplete=\"current-password\" required autofocus>";
        return LoginPageController.page(locale, text(required ? "password.title" : "password.title.own", locale), """
                <p>%s</p>
                %s
                <form method="post" action="password">
                  %s
                  <label for="password">%s</label><input id="password" name="password" type="password" autocomplete="new-password" minlength="12" required autofocus>
                  <label for="repeat">%s</label><input id="repeat" name="repeat" type="password" autocomplete="new-password" minlength="12" required>
                  <input type="hidden" name="%s" value="%s">
                  <button type="submit">%s</button>
                </form>
                %s
                """.formatted(text(required ? "password.intro" : "password.intro.own", locale), problem, current,
                text("password.new", locale), text("password.repeat", locale),
                csrf == null ? "_csrf" : HtmlUtils.htmlEscape(csrf.getParameterName()),
                csrf == null ? "" : HtmlUtils.htmlEscape(csrf.getToken()), text("password.submit", locale),
                // a change the user chose can be left: back to the app (one a reset requires cannot)
                required ? "" : "<p><a href=\"/\">" + text("password.back", locale) + "</a></p>"));
    }

    private String done(HttpServletRequest request) {
        Locale locale = LoginPageController.locale(request);
        return LoginPageController.page(locale, text("password.title", locale),
                "<p class=\"info\" role=\"status\">" + text("password.changed", locale) + "</p><p><a href=\"/\">"
                        + text("password.back", locale) + "</a></p>");
    }

    private String text(String code, Locale locale) {
        return HtmlUtils.htmlEscape(messages.getMessage(code, null, code, locale));
    }

    /** After a person's sign-in: one with a temporary password goes to the change page first. */
    public static class SignedIn extends SavedRequestAwareAuthenticationSuccessHandler {

        private final UserService users;

        public SignedIn(UserService users) {
            this.users = users;
        }

        @Override
        public void onAuthenticationSuccess(HttpServletRequest request, HttpServletResponse response, Authentication authentication)
                throws ServletException, IOException {
            if (users.mustChangePassword(authentication.getName())) {
                request.getSession().setAttribute(REQUIRED, Boolean.TRUE);
                getRedirectStrategy().sendRedirect(request, response, "/password");
                return;
            }
            super.onAuthenticationSuccess(request, response, authentication);
        }
    }

    /** While the session is marked, every page but the change page, sign-out and the open probes leads to the change page. */
    public static class Required extends OncePerRequestFilter {

        private static final Set<String> ALLOWED = Set.of("/password", "/login", "/logout", "/connect/logout");

        @Override
        protected void doFilterInternal(HttpServletRequest request, HttpServletResponse response, FilterChain chain)
                throws ServletException, IOException {
            HttpSession session = request.getSession(false);
            String path = request.getRequestURI().substring(request.getContextPath().length());
            if (session != null && Boolean.TRUE.equals(session.getAttribute(REQUIRED)) && !ALLOWED.contains(path)
                    && !path.startsWith("/actuator")) {
                response.sendRedirect(request.getContextPath() + "/password");
                return;
            }
            chain.doFilter(request, response);
        }
    }
}
