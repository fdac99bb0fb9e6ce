package id.amk.platform.privacy;

import com.mongodb.client.MongoClients;
import de.bwaldvogel.mongo.MongoServer;
import de.bwaldvogel.mongo.backend.memory.MemoryBackend;
import org.junit.jupiter.api.AfterAll;
import org.junit.jupiter.api.BeforeAll;
import org.junit.jupiter.api.Test;
import org.springframework.data.mongodb.core.MongoTemplate;

import static org.assertj.core.api.Assertions.assertThat;
import static org.assertj.core.api.Assertions.assertThatThrownBy;

class SubjectKeysTest {

    private static MongoServer server;
    private static MongoTemplate mongo;
    private static SubjectKeys keys;
    private static final MasterKey MASTER = MasterKey.fromBase64(randomKey());

    @BeforeAll
    static void start() {
        server = new MongoServer(new MemoryBackend());
        var address = server.bind();
        mongo = new MongoTemplate(MongoClients.create("mongodb://" + address.getHostString() + ":" + address.getPort()), "keys");
        keys = new SubjectKeys(mongo, "subject_keys", MASTER);
    }

    @AfterAll
    static void stop() {
        server.shutdownNow();
    }

    @Test
    void sealed_data_open_until_the_subject_is_forgotten_and_nothing_is_sealed_for_it_afterwards() {
        String sealed = keys.sealText("case-1", "Siti Aminah");
        assertThat(keys.openText("case-1", sealed)).contains("Siti Aminah");

        keys.forget("case-1");

        assertThat(keys.openText("case-1", sealed)).isEmpty();
        assertThatThrownBy(() -> keys.sealText("case-1", "a note after the erasure")).isInstanceOf(SubjectForgotten.class);
        assertThat(keys.openText("case-1", sealed)).as("still erased, not a tampered ciphertext").isEmpty();
        assertThat(keys.openText("case-2", keys.sealText("case-2", "Budi"))).contains("Budi");
    }

    @Test
    void the_database_holds_no_key_in_clear_and_another_master_key_opens_nothing() {
        String sealed = keys.sealText("case-3", "Dewi Lestari");
        org.bson.Document stored = mongo.findById("case-3", org.bson.Document.class, "subject_keys");
        assertThat(stored.keySet()).containsExactlyInAnyOrder("_id", "keyset");
        SubjectKeys elsewhere = new SubjectKeys(mongo, "subject_keys", MasterKey.fromBase64(randomKey()));
        assertThatThrownBy(() -> elsewhere.openText("case-3", sealed)).hasMessageContaining("AMK_MASTER_KEY");
        // a wrapped key moved to another subject's record does not unwrap there
        mongo.insert(new org.bson.Document("_id", "case-4").append("keyset", stored.getString("keyset")), "subject_keys");
        assertThatThrownBy(() -> keys.openText("case-4", sealed)).hasMessageContaining("AMK_MASTER_KEY");
    }

    @Test
    void a_key_an_earlier_version_kept_in_clear_is_wrapped_and_its_old_ciphertexts_still_open() throws Exception {
        byte[] raw = new byte[32];
        new java.security.SecureRandom().nextBytes(raw);
        byte[] nonce = new byte[12];
        new java.security.SecureRandom().nextBytes(nonce);
        // exactly what the hand-written vault did: AES/GCM, 96-bit nonce, the subject id as associated data, nonce || ct || tag
        javax.crypto.Cipher cipher = javax.crypto.Cipher.getInstance("AES/GCM/NoPadding");
        cipher.init(javax.crypto.Cipher.ENCRYPT_MODE, new javax.crypto.spec.SecretKeySpec(raw, "AES"), new javax.crypto.spec.GCMParameterSpec(128, nonce));
        cipher.updateAAD("old-case".getBytes(java.nio.charset.StandardCharsets.UTF_8));
        byte[] sealed = cipher.doFinal("Rina Wulandari".getBytes(java.nio.charset.StandardCharsets.UTF_8));
        String old = java.util.Base64.getEncoder().encodeToString(java.nio.ByteBuffer.allocate(12 + sealed.length).put(nonce).put(sealed).array());
        mongo.insert(new org.bson.Document("_id", "old-case").append("key", java.util.Base64.getEncoder().encodeToString(raw)), "legacy_keys");

        SubjectKeys opened = new SubjectKeys(mongo, "legacy_keys", MASTER);

        org.bson.Document stored = mongo.findById("old-case", org.bson.Document.class, "legacy_keys");
        assertThat(stored.containsKey("key")).as("the clear copy is gone").isFalse();
        assertThat(stored.getString("keyset")).isNotBlank();
        assertThat(opened.openText("old-case", old)).contains("Rina Wulandari");
        assertThat(opened.openText("old-case", opened.sealText("old-case", "a later note"))).contains("a later note");
    }

    private static String randomKey() {
        byte[] key = new byte[32];
        new java.security.SecureRandom().nextBytes(key);
        return java.util.Base64.getEncoder().encodeToString(key);
    }
}
