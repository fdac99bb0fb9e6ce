package id.amk.identity.login;

import jakarta.servlet.http.HttpServletRequest;
import jakarta.servlet.http.HttpSession;
import org.springframework.context.MessageSource;
import org.springframework.http.MediaType;
import org.springframework.security.authentication.LockedException;
import org.springframework.security.web.WebAttributes;
import org.springframework.security.web.csrf.CsrfToken;
import org.springframework.stereotype.Controller;
import org.springframework.web.bind.annotation.GetMapping;
import org.springframework.web.bind.annotation.ResponseBody;
import org.springframework.web.util.HtmlUtils;

import java.util.Locale;

/**
 * The sign-in page, in Bahasa Indonesia or English (Accept-Language, or {@code ?lang=id|en}). A wrong
 * password and a disabled account read the same, so the page does not tell which accounts exist.
 */
@Controller
class LoginPageController {

    private final MessageSource messages;

    LoginPageController(MessageSource messages) {
        this.messages = messages;
    }

    @GetMapping(value = "/login", produces = MediaType.TEXT_HTML_VALUE)
    @ResponseBody
    String login(HttpServletRequest request) {
        Locale locale = locale(request);
        CsrfToken csrf = (CsrfToken) request.getAttribute(CsrfToken.class.getName());
        String error = "";
        if (request.getParameter("error") != null) {
            HttpSession session = request.getSession(false);
            Object last = session == null ? null : session.getAttribute(WebAttributes.AUTHENTICATION_EXCEPTION);
            error = "<p class=\"error\" role=\"alert\">" + text(last instanceof LockedException ? "login.locked" : "login.failed", locale) + "</p>";
        }
        String loggedOut = request.getParameter("logout") != null ? "<p class=\"info\">" + text("login.loggedOut", locale) + "</p>" : "";
        return page(locale, text("login.title", locale), """
                <p>%s</p>
                %s%s
                <form method="post" action="login">
                  <label for="username">%s</label><input id="username" name="username" autocomplete="username" required autofocus>
                  <label for="password">%s</label><input id="password" name="password" type="password" autocomplete="current-password" required>
                  <input type="hidden" name="%s" value="%s">
                  <button type="submit">%s</button>
                </form>
                """.formatted(text("login.intro", locale), error, loggedOut, text("login.username", locale), text("login.password", locale),
                csrf == null ? "_csrf" : HtmlUtils.htmlEscape(csrf.getParameterName()),
                csrf == null ? "" : HtmlUtils.htmlEscape(csrf.getToken()), text("login.submit", locale)));
    }

    /** Accept-Language, or {@code ?lang=id|en}. */
    static Locale locale(HttpServletRequest request) {
        String lang = request.getParameter("lang");
        return "id".equals(lang) ? Locale.forLanguageTag("id") : "en".equals(lang) ? Locale.ENGLISH : request.getLocale();
    }

    /** One of identity-service's own pages (sign-in, password change): {@code title} escaped already, {@code body} HTML. */
    static String page(Locale locale, String title, String body) {
        return """
                <!DOCTYPE html>
                <html lang="%s">
                <head><meta charset="utf-8"><meta name="viewport" content="width=device-width, initial-scale=1">
                <title>%s</title>
                <style>body{font-family:system-ui,sans-serif;max-width:24rem;margin:4rem auto;padding:0 1rem}
                label,input,button{display:block;width:100%%;box-sizing:border-box}input{margin:.25rem 0 1rem;padding:.5rem}
                button{padding:.6rem}.error{color:#a00}.info{color:#060}</style></head>
                <body>
                <h1>%s</h1>
                %s
                <p><a href="?lang=id">Bahasa Indonesia</a> · <a href="?lang=en">English</a></p>
                </body></html>
                """.formatted(locale.getLanguage(), title, title, body);
    }

    private String text(String code, Locale locale) {
        return HtmlUtils.htmlEscape(messages.getMessage(code, null, code, locale));
    }
}
