package id.amk.platform.test;

import java.io.IOException;
import java.net.CookieManager;
import java.net.URI;
import java.net.URLEncoder;
import java.net.http.HttpClient;
import java.net.http.HttpRequest;
import java.net.http.HttpResponse;
import java.nio.charset.StandardCharsets;
import java.security.MessageDigest;
import java.security.NoSuchAlgorithmException;
import java.util.Base64;
import java.util.Map;
import java.util.regex.Matcher;
import java.util.regex.Pattern;
import java.util.stream.Collectors;

/**
 * A person's browser for the authorization-code flow with PKCE against identity-service (directly or
 * through the gateway), as the dev profile's web client {@code amk-web}: keeps cookies, follows no
 * redirect by itself (the test reads each Location), submits the sign-in form with its CSRF token.
 */
public final class OidcBrowser {

    public static final String CLIENT = "amk-web";
    public static final String CLIENT_SECRET = "demo-web-secret";
    public static final String REDIRECT = "http://localhost:8080/login/oauth2/code/amk-web";

    private final HttpClient http = HttpClient.newBuilder().cookieHandler(new CookieManager())
            .followRedirects(HttpClient.Redirect.NEVER).build();
    private final String base;
    public final String verifier = "verifier-" + java.util.UUID.randomUUID() + "-" + java.util.UUID.randomUUID();

    public OidcBrowser(int port) {
        this.base = "http://localhost:" + port;
    }

    /**
     * Starts the flow and signs in; returns the final redirect (to the client with a code, back to /login, or to
     * /password when the user must set their own password first).
     */
    public URI signIn(String username, String password) throws Exception {
        HttpResponse<String> authorize = get(base + "/oauth2/authorize?" + form(Map.of("response_type", "code", "client_id", CLIENT,
                "redirect_uri", REDIRECT, "scope", "openid profile", "state", "s1",
                "code_challenge", challenge(), "code_challenge_method", "S256")), "text/html");
        URI login = location(authorize);
        HttpResponse<String> page = get(login.toString(), "text/html");
        String csrf = field(page.body(), "_csrf");
        HttpResponse<String> submitted = http.send(HttpRequest.newBuilder(URI.create(base + "/login"))
                .header("Content-Type", "application/x-www-form-urlencoded")
                .POST(HttpRequest.BodyPublishers.ofString(form(Map.of("username", username, "password", password, "_csrf", csrf))))
                .build(), HttpResponse.BodyHandlers.ofString());
        URI next = location(submitted);
        if (next.getPath().equals("/login") || next.getPath().equals("/password")) {
            return next;
        }
        return location(get(next.toString(), "text/html"));
    }

    /** The whole flow: sign in, then exchange the code (with the PKCE verifier) for tokens. */
    public HttpResponse<String> signInForTokens(String username, String password) throws Exception {
        URI callback = signIn(username, password);
        return token(Map.of("grant_type", "authorization_code", "code", String.valueOf(query(callback, "code")),
                "redirect_uri", REDIRECT, "code_verifier", verifier));
    }

    /** Fills the form of one of identity-service's pages ({@code path}, CSRF field included) and posts it; no redirect followed. */
    public HttpResponse<String> fill(String path, Map<String, String> fields) throws IOException, InterruptedException {
        String csrf = field(get(base + path, "text/html").body(), "_csrf");
        Map<String, String> all = new java.util.HashMap<>(fields);
        all.put("_csrf", csrf);
        return http.send(HttpRequest.newBuilder(URI.create(base + path)).header("Content-Type", "application/x-www-form-urlencoded")
                .POST(HttpRequest.BodyPublishers.ofString(form(all))).build(), HttpResponse.BodyHandlers.ofString());
    }

    /** Follows a redirect answer once; answers where the next answer redirects to. */
    public URI follow(HttpResponse<String> redirect) throws IOException, InterruptedException {
        return location(get(location(redirect).toString(), "text/html"));
    }

    public HttpResponse<String> get(String url, String accept) throws IOException, InterruptedException {
        return http.send(HttpRequest.newBuilder(URI.create(url)).header("Accept", accept).GET().build(), HttpResponse.BodyHandlers.ofString());
    }

    public HttpResponse<String> token(Map<String, String> parameters) throws IOException, InterruptedException {
        String basic = Base64.getEncoder().encodeToString((CLIENT + ":" + CLIENT_SECRET).getBytes(StandardCharsets.UTF_8));
        return http.send(HttpRequest.newBuilder(URI.create(base + "/oauth2/token")).header("Authorization", "Basic " + basic)
                .header("Content-Type", "application/x-www-form-urlencoded")
                .POST(HttpRequest.BodyPublishers.ofString(form(parameters))).build(), HttpResponse.BodyHandlers.ofString());
    }

    public static String query(URI uri, String name) {
        Matcher m = Pattern.compile("(?:^|&)" + name + "=([^&]*)").matcher(uri.getRawQuery() == null ? "" : uri.getRawQuery());
        return m.find() ? java.net.URLDecoder.decode(m.group(1), StandardCharsets.UTF_8) : null;
    }

    private String challenge() throws NoSuchAlgorithmException {
        byte[] hash = MessageDigest.getInstance("SHA-256").digest(verifier.getBytes(StandardCharsets.US_ASCII));
        return Base64.getUrlEncoder().withoutPadding().encodeToString(hash);
    }

    private URI location(HttpResponse<String> response) {
        String location = response.headers().firstValue("Location")
                .orElseThrow(() -> new AssertionError("expected a redirect, got " + response.statusCode()));
        return URI.create(base).resolve(location);
    }

    private static String field(String html, String name) {
        Matcher m = Pattern.compile("name=\"" + name + "\" value=\"([^\"]*)\"").matcher(html);
        if (!m.find()) {
            throw new AssertionError("no " + name + " field in the page");
        }
        return m.group(1);
    }

    public static String form(Map<String, String> parameters) {
        return parameters.entrySet().stream()
                .map(e -> URLEncoder.encode(e.getKey(), StandardCharsets.UTF_8) + "=" + URLEncoder.encode(e.getValue(), StandardCharsets.UTF_8))
                .collect(Collectors.joining("&"));
    }
}
