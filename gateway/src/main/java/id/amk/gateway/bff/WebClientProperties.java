package id.amk.gateway.bff;

import org.springframework.boot.context.properties.ConfigurationProperties;

import java.time.Duration;

/**
 * The gateway as the web app's back end: the OAuth2 client it signs people in with ({@code amk-web} at
 * identity-service), where identity-service is reached from the browser ({@code issuer}, the public
 * address) and from the gateway itself ({@code identityServiceUrl}), and how early an access token is
 * refreshed before it expires. {@code deviceKeySecret} derives each person's key for the data the app keeps on
 * the device for field work ({@link DeviceKeyController}).
 */
@ConfigurationProperties("amk.gateway.web-client")
public record WebClientProperties(String clientId, String clientSecret, String issuer, String identityServiceUrl,
                                  Duration refreshBeforeExpiry, boolean secureCookies, String deviceKeySecret) {

    public WebClientProperties {
        clientId = clientId == null ? "amk-web" : clientId;
        refreshBeforeExpiry = refreshBeforeExpiry == null ? Duration.ofSeconds(30) : refreshBeforeExpiry;
    }
}
