package id.amk.platform.privacy;

import org.junit.jupiter.api.Test;
import org.springframework.mock.env.MockEnvironment;

import static org.assertj.core.api.Assertions.assertThat;
import static org.assertj.core.api.Assertions.assertThatThrownBy;

class MasterKeyTest {

    @Test
    void a_service_outside_dev_without_a_master_key_refuses_to_start_naming_the_variable() {
        MockEnvironment production = new MockEnvironment();
        assertThatThrownBy(() -> new PrivacyAutoConfiguration().masterKey(production)).hasMessageContaining("AMK_MASTER_KEY");
        production.setProperty("amk.privacy.master-key", "c2hvcnQ=");
        assertThatThrownBy(() -> new PrivacyAutoConfiguration().masterKey(production)).hasMessageContaining("32 bytes");
    }

    @Test
    void the_dev_profile_falls_back_to_the_published_demo_key_and_what_is_wrapped_is_bound_to_its_context() {
        MockEnvironment dev = new MockEnvironment();
        dev.setActiveProfiles("dev");
        MasterKey demo = new PrivacyAutoConfiguration().masterKey(dev);
        byte[] wrapped = demo.wrap("a key".getBytes(), "subject-1");
        assertThat(new String(demo.unwrap(wrapped, "subject-1"))).isEqualTo("a key");
        assertThatThrownBy(() -> demo.unwrap(wrapped, "subject-2")).hasMessageContaining("AMK_MASTER_KEY");
    }
}
