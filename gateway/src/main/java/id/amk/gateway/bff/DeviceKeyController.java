package id.amk.gateway.bff;

import org.springframework.http.CacheControl;
import org.springframework.http.ResponseEntity;
import org.springframework.security.core.annotation.AuthenticationPrincipal;
import org.springframework.security.oauth2.core.oidc.user.OidcUser;
import org.springframework.web.bind.annotation.GetMapping;
import org.springframework.web.bind.annotation.RestController;

import javax.crypto.Mac;
import javax.crypto.spec.SecretKeySpec;
import java.nio.charset.StandardCharsets;
import java.security.GeneralSecurityException;
import java.util.Base64;
import java.util.Map;

/**
 * {@code GET /bff/device-key}: the signed-in person's key for what the app keeps on the device for field work
 * (cases, actions waiting to be sent), so that a copied browser profile alone does not reveal a child's name. The
 * key is derived, not stored: HMAC-SHA256 of the person's subject under the gateway's secret, the same on every
 * sign-in (what was kept yesterday opens today) and different for everyone. Only a signed-in session gets it
 * (the web chain), never cached.
 */
@RestController
class DeviceKeyController {

    static final String PATH = "/bff/device-key";
    private static final String PURPOSE = "amk/field-device-key/v1:";

    private final SecretKeySpec secret;

    DeviceKeyController(WebClientProperties properties) {
        if (properties.deviceKeySecret() == null || properties.deviceKeySecret().isBlank()) {
            throw new IllegalStateException("amk.gateway.web-client.device-key-secret is not set (AMK_DEVICE_KEY_SECRET): "
                    + "the web app's field mode needs it to protect the data it keeps on workers' devices");
        }
        secret = new SecretKeySpec(properties.deviceKeySecret().getBytes(StandardCharsets.UTF_8), "HmacSHA256");
    }

    @GetMapping(PATH)
    ResponseEntity<Map<String, String>> deviceKey(@AuthenticationPrincipal OidcUser user) {
        // signed in: the web chain answers everyone else 401 problem+json with where to sign in
        return ResponseEntity.ok().cacheControl(CacheControl.noStore())
                .body(Map.of("key", keyOf(user.getSubject()), "algorithm", "AES-GCM-256"));
    }

    /** The person's 256-bit key, base64url without padding. */
    String keyOf(String subject) {
        try {
            Mac mac = Mac.getInstance("HmacSHA256");
            mac.init(secret);
            byte[] key = mac.doFinal((PURPOSE + subject).getBytes(StandardCharsets.UTF_8));
            return Base64.getUrlEncoder().withoutPadding().encodeToString(key);
        } catch (GeneralSecurityException e) {
            throw new IllegalStateException("HmacSHA256 unavailable", e);
        }
    }
}
