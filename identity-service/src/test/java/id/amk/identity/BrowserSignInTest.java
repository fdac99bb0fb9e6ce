package id.amk.identity;

import com.fasterxml.jackson.databind.JsonNode;
import com.fasterxml.jackson.databind.ObjectMapper;
import com.nimbusds.jwt.SignedJWT;
import id.amk.identity.users.UserRequest;
import id.amk.identity.users.UserService;
import id.amk.platform.test.AmkTest;
import id.amk.platform.test.OidcBrowser;
import org.junit.jupiter.api.Test;
import org.springframework.beans.factory.annotation.Autowired;
import org.springframework.boot.test.context.SpringBootTest;
import org.springframework.boot.test.web.server.LocalServerPort;
import org.springframework.test.context.ActiveProfiles;

import java.net.URI;
import java.net.http.HttpResponse;
import java.util.List;
import java.util.Map;
import java.util.UUID;

import static org.assertj.core.api.Assertions.assertThat;

/** People sign in through the browser flow (authorization code + PKCE) on the bilingual sign-in page. */
@AmkTest
@ActiveProfiles("dev")
@SpringBootTest(webEnvironment = SpringBootTest.WebEnvironment.RANDOM_PORT)
class BrowserSignInTest {

    private static final ObjectMapper JSON = new ObjectMapper();

    @LocalServerPort
    int port;

    @Autowired
    UserService users;

    @Autowired
    org.springframework.data.mongodb.core.MongoTemplate mongo;

    @Autowired
    org.springframework.security.oauth2.server.authorization.client.RegisteredClientRepository clients;

    @Test
    void a_demo_worker_signs_in_and_gets_tokens_with_roles_and_region_then_refreshes_them() throws Exception {
        OidcBrowser browser = new OidcBrowser(port);
        URI callback = browser.signIn("peksos.bandung", "Demo#2026");
        assertThat(callback.toString()).startsWith(OidcBrowser.REDIRECT);
        assertThat(OidcBrowser.query(callback, "state")).isEqualTo("s1");

        HttpResponse<String> tokens = browser.token(Map.of("grant_type", "authorization_code", "code", OidcBrowser.query(callback, "code"),
                "redirect_uri", OidcBrowser.REDIRECT, "code_verifier", browser.verifier));
        assertThat(tokens.statusCode()).as(tokens.body()).isEqualTo(200);
        JsonNode body = JSON.readTree(tokens.body());
        var claims = SignedJWT.parse(body.path("access_token").asText()).getJWTClaimsSet();
        assertThat(claims.getSubject()).isEqualTo("peksos.bandung");
        assertThat(claims.getStringListClaim("roles")).containsExactly("PEKSOS");
        assertThat(claims.getStringListClaim("regions")).containsExactly("32.73");
        assertThat(body.path("id_token").asText()).isNotBlank();

        // what a restarted (or another) identity-service instance knows: the grant is in the database
        var restarted = new id.amk.identity.authorization.MongoAuthorizationService(mongo, clients);
        assertThat(restarted.findByToken(body.path("refresh_token").asText(),
                org.springframework.security.oauth2.server.authorization.OAuth2TokenType.REFRESH_TOKEN)).isNotNull();

        HttpResponse<String> refreshed = browser.token(Map.of("grant_type", "refresh_token", "refresh_token", body.path("refresh_token").asText()));
        assertThat(refreshed.statusCode()).as(refreshed.body()).isEqualTo(200);
        assertThat(SignedJWT.parse(JSON.readTree(refreshed.body()).path("access_token").asText()).getJWTClaimsSet()
                .getStringListClaim("roles")).containsExactly("PEKSOS");
    }

    @Test
    void a_partner_token_names_the_agency_and_userinfo_answers_for_it() throws Exception {
        OidcBrowser browser = new OidcBrowser(port);
        HttpResponse<String> tokens = browser.signInForTokens("mitra.handayani", "Demo#2026");
        assertThat(tokens.statusCode()).as(tokens.body()).isEqualTo(200);
        String accessToken = JSON.readTree(tokens.body()).path("access_token").asText();
        var claims = SignedJWT.parse(accessToken).getJWTClaimsSet();
        assertThat(claims.getStringClaim("agency")).isEqualTo("sentra-handayani-jakarta");
        assertThat(claims.getStringListClaim("roles")).containsExactly("PARTNER");

        HttpResponse<String> userinfo = java.net.http.HttpClient.newHttpClient().send(java.net.http.HttpRequest.newBuilder(
                URI.create("http://localhost:" + port + "/userinfo")).header("Authorization", "Bearer " + accessToken).GET().build(),
                HttpResponse.BodyHandlers.ofString());
        assertThat(userinfo.statusCode()).isEqualTo(200);
        assertThat(JSON.readTree(userinfo.body()).path("sub").asText()).isEqualTo("mitra.handayani");
    }

    @Test
    void the_flow_without_the_pkce_verifier_gets_no_token() throws Exception {
        OidcBrowser browser = new OidcBrowser(port);
        URI callback = browser.signIn("supervisor.jabar", "Demo#2026");
        HttpResponse<String> tokens = browser.token(Map.of("grant_type", "authorization_code", "code", OidcBrowser.query(callback, "code"),
                "redirect_uri", OidcBrowser.REDIRECT));
        assertThat(tokens.statusCode()).isEqualTo(400);
    }

    @Test
    void an_account_locks_after_five_wrong_passwords_even_for_the_right_one() throws Exception {
        String username = "locktest-" + UUID.randomUUID().toString().substring(0, 8);
        users.register(new UserRequest(username, "Lock Test", List.of("MINISTRY_ANALYST"), List.of(), null), "correct-horse-battery");
        for (int i = 0; i < 5; i++) {
            assertThat(new OidcBrowser(port).signIn(username, "wrong-" + i).getPath()).isEqualTo("/login");
        }
        OidcBrowser browser = new OidcBrowser(port);
        URI refused = browser.signIn(username, "correct-horse-battery");
        assertThat(refused.getPath()).isEqualTo("/login");
        assertThat(browser.get(refused + "&lang=en", "text/html").body()).contains("locked");
        assertThat(users.list().stream().filter(u -> u.username().equals(username)).findFirst().orElseThrow().locked()).isTrue();
    }

    @Test
    void a_disabled_user_cannot_sign_in_and_is_told_no_more_than_a_wrong_password() throws Exception {
        String username = "disabled-" + UUID.randomUUID().toString().substring(0, 8);
        var user = users.register(new UserRequest(username, "Disabled", List.of("MINISTRY_ANALYST"), List.of(), null), "correct-horse-battery");
        assertThat(new OidcBrowser(port).signIn(username, "correct-horse-battery").toString()).startsWith(OidcBrowser.REDIRECT);
        users.setEnabled(user.userId(), false);
        OidcBrowser browser = new OidcBrowser(port);
        URI refused = browser.signIn(username, "correct-horse-battery");
        assertThat(refused.getPath()).isEqualTo("/login");
        assertThat(browser.get(refused + "&lang=en", "text/html").body()).contains("Wrong username or password.");
    }

    @Test
    void a_user_registered_by_an_admin_sets_their_own_password_at_the_first_sign_in_before_the_app_gets_a_code() throws Exception {
        String username = "firstsignin-" + UUID.randomUUID().toString().substring(0, 8);
        var registered = users.register(new UserRequest(username, "First Sign-in", List.of("MINISTRY_ANALYST"), List.of(), null));
        OidcBrowser browser = new OidcBrowser(port);
        URI asked = browser.signIn(username, registered.initialPassword());
        assertThat(asked.getPath()).isEqualTo("/password");
        // nowhere else to go meanwhile
        assertThat(browser.get("http://localhost:" + port + "/", "text/html").headers().firstValue("Location").orElse(""))
                .endsWith("/password");
        HttpResponse<String> tooShort = browser.fill("/password?lang=id", Map.of("password", "pendek", "repeat", "pendek"));
        assertThat(tooShort.statusCode()).isEqualTo(400);
        assertThat(tooShort.body()).contains("sekurang-kurangnya 12 karakter");
        assertThat(browser.fill("/password", Map.of("password", registered.initialPassword(), "repeat", registered.initialPassword()))
                .statusCode()).isEqualTo(400);
        // long enough, but among the passwords breaches show most often, as they are and with digits around them
        for (String common : List.of("qazwsxedcrfv", "QWERTY123456", "sunshine2026!!!!", "!!iloveyou2026")) {
            HttpResponse<String> leaked = browser.fill("/password?lang=en", Map.of("password", common, "repeat", common));
            assertThat(leaked.statusCode()).as(common).isEqualTo(400);
            assertThat(leaked.body()).as(common).contains("leaked most often");
        }
        HttpResponse<String> saved = browser.fill("/password", Map.of("password", "Kuat-Sekali-2026!", "repeat", "Kuat-Sekali-2026!"));
        assertThat(saved.statusCode()).isEqualTo(303);
        URI callback = browser.follow(saved);
        assertThat(callback.toString()).startsWith(OidcBrowser.REDIRECT);
        assertThat(browser.token(Map.of("grant_type", "authorization_code", "code", OidcBrowser.query(callback, "code"),
                "redirect_uri", OidcBrowser.REDIRECT, "code_verifier", browser.verifier)).statusCode()).isEqualTo(200);
        // the new password is the password now, and asks for nothing more
        assertThat(new OidcBrowser(port).signIn(username, "Kuat-Sekali-2026!").toString()).startsWith(OidcBrowser.REDIRECT);
    }

    @Test
    void a_signed_in_user_changes_their_password_whenever_they_want_after_giving_the_current_one() throws Exception {
        String username = "ownchange-" + UUID.randomUUID().toString().substring(0, 8);
        users.register(new UserRequest(username, "Own Change", List.of("MINISTRY_ANALYST"), List.of(), null), "Awal-Yang-Panjang-2026");
        // signed in on another device too: that sign-in ends with the change
        OidcBrowser otherDevice = new OidcBrowser(port);
        String otherRefresh = JSON.readTree(otherDevice.signInForTokens(username, "Awal-Yang-Panjang-2026").body()).path("refresh_token").asText();
        OidcBrowser browser = new OidcBrowser(port);
        assertThat(browser.signIn(username, "Awal-Yang-Panjang-2026").toString()).startsWith(OidcBrowser.REDIRECT);
        HttpResponse<String> form = browser.get("http://localhost:" + port + "/password?lang=id", "text/html");
        assertThat(form.body()).contains("Ubah kata sandi", "Kata sandi sekarang");
        HttpResponse<String> withoutCurrent = browser.fill("/password?lang=id", Map.of("current", "tebakan-saja",
                "password", "Baru-Dan-Panjang-2027", "repeat", "Baru-Dan-Panjang-2027"));
        assertThat(withoutCurrent.statusCode()).isEqualTo(400);
        assertThat(withoutCurrent.body()).contains("Kata sandi sekarang tidak benar.");
        HttpResponse<String> changed = browser.fill("/password?lang=id", Map.of("current", "Awal-Yang-Panjang-2026",
                "password", "Baru-Dan-Panjang-2027", "repeat", "Baru-Dan-Panjang-2027"));
        assertThat(changed.statusCode()).isEqualTo(200);
        assertThat(changed.body()).contains("Anda dikeluarkan dari semua perangkat");
        assertThat(otherDevice.token(Map.of("grant_type", "refresh_token", "refresh_token", otherRefresh)).statusCode()).isEqualTo(400);
        assertThat(new OidcBrowser(port).signIn(username, "Baru-Dan-Panjang-2027").toString()).startsWith(OidcBrowser.REDIRECT);
        assertThat(new OidcBrowser(port).signIn(username, "Awal-Yang-Panjang-2026").toString()).doesNotStartWith(OidcBrowser.REDIRECT);
    }

    @Test
    void a_password_reset_and_a_disable_end_the_refresh_tokens_at_once() throws Exception {
        String reset = "reset-" + UUID.randomUUID().toString().substring(0, 8);
        String disabled = "gone-" + UUID.randomUUID().toString().substring(0, 8);
        var resetUser = users.register(new UserRequest(reset, "Reset", List.of("MINISTRY_ANALYST"), List.of(), null), "correct-horse-battery");
        var disabledUser = users.register(new UserRequest(disabled, "Gone", List.of("MINISTRY_ANALYST"), List.of(), null), "correct-horse-battery");
        OidcBrowser first = new OidcBrowser(port);
        String refreshReset = JSON.readTree(first.signInForTokens(reset, "correct-horse-battery").body()).path("refresh_token").asText();
        OidcBrowser second = new OidcBrowser(port);
        String refreshDisabled = JSON.readTree(second.signInForTokens(disabled, "correct-horse-battery").body()).path("refresh_token").asText();

        var temporary = users.resetPassword(resetUser.userId());
        users.setEnabled(disabledUser.userId(), false);
        assertThat(first.token(Map.of("grant_type", "refresh_token", "refresh_token", refreshReset)).statusCode()).isEqualTo(400);
        assertThat(second.token(Map.of("grant_type", "refresh_token", "refresh_token", refreshDisabled)).statusCode()).isEqualTo(400);
        // the old password no longer signs in; the temporary one leads to setting one's own
        assertThat(new OidcBrowser(port).signIn(reset, "correct-horse-battery").getPath()).isEqualTo("/login");
        assertThat(new OidcBrowser(port).signIn(reset, temporary.temporaryPassword()).getPath()).isEqualTo("/password");
    }

    @Test
    void the_sign_in_page_speaks_bahasa_indonesia_and_english() throws Exception {
        OidcBrowser browser = new OidcBrowser(port);
        assertThat(browser.get("http://localhost:" + port + "/login?lang=id", "text/html").body())
                .contains("Masuk ke AMK", "Kata sandi", "<html lang=\"id\">");
        assertThat(browser.get("http://localhost:" + port + "/login?lang=en", "text/html").body())
                .contains("Sign in to AMK", "Password");
    }

    @Test
    void an_administrator_cannot_disable_their_own_account() throws Exception {
        OidcBrowser browser = new OidcBrowser(port);
        String token = JSON.readTree(browser.signInForTokens("admin", "Demo#2026").body()).path("access_token").asText();
        java.net.http.HttpClient http = java.net.http.HttpClient.newHttpClient();
        JsonNode users = JSON.readTree(http.send(java.net.http.HttpRequest.newBuilder(URI.create("http://localhost:" + port + "/api/users"))
                .header("Authorization", "Bearer " + token).GET().build(), java.net.http.HttpResponse.BodyHandlers.ofString()).body());
        String self = null;
        for (JsonNode u : users) {
            if ("admin".equals(u.path("username").asText())) {
                self = u.path("userId").asText();
            }
        }
        HttpResponse<String> refused = http.send(java.net.http.HttpRequest.newBuilder(URI.create("http://localhost:" + port + "/api/users/" + self
                        + "/disable")).header("Authorization", "Bearer " + token).header("Accept-Language", "id")
                .POST(java.net.http.HttpRequest.BodyPublishers.noBody()).build(), java.net.http.HttpResponse.BodyHandlers.ofString());
        assertThat(refused.statusCode()).as(refused.body()).isEqualTo(409);
        assertThat(refused.body()).contains("urn:amk:problem:user.self-disable", "Akun Anda sendiri");
    }
}
