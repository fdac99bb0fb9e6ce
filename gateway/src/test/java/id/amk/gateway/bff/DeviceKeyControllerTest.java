package id.amk.gateway.bff;

import org.junit.jupiter.api.Test;

import java.time.Duration;
import java.util.Base64;

import static org.assertj.core.api.Assertions.assertThat;
import static org.assertj.core.api.Assertions.assertThatThrownBy;

class DeviceKeyControllerTest {

    private static DeviceKeyController withSecret(String secret) {
        return new DeviceKeyController(new WebClientProperties("amk-web", "s", "http://i", "http://i", Duration.ofSeconds(30), false, secret));
    }

    @Test
    void a_person_gets_the_same_256_bit_key_on_every_sign_in_and_nobody_else_gets_it() {
        DeviceKeyController keys = withSecret("one-secret");
        String worker = keys.keyOf("peksos.bandung");

        assertThat(Base64.getUrlDecoder().decode(worker)).hasSize(32);
        assertThat(keys.keyOf("peksos.bandung")).isEqualTo(worker);
        assertThat(withSecret("one-secret").keyOf("peksos.bandung")).as("another gateway instance").isEqualTo(worker);
        assertThat(keys.keyOf("peksos.bandung.timur")).isNotEqualTo(worker);
        assertThat(withSecret("another-secret").keyOf("peksos.bandung")).isNotEqualTo(worker);
    }

    @Test
    void the_gateway_does_not_start_without_the_secret() {
        assertThatThrownBy(() -> withSecret(" ")).hasMessageContaining("AMK_DEVICE_KEY_SECRET");
    }
}
