package id.amk.platform.privacy;

import org.bson.Document;
import org.springframework.data.mongodb.core.MongoTemplate;
import org.springframework.data.mongodb.core.query.Criteria;
import org.springframework.data.mongodb.core.query.Query;
import org.springframework.data.mongodb.core.query.Update;

import javax.crypto.Cipher;
import javax.crypto.KeyGenerator;
import javax.crypto.SecretKey;
import javax.crypto.spec.GCMParameterSpec;
import javax.crypto.spec.SecretKeySpec;
import java.nio.ByteBuffer;
import java.nio.charset.StandardCharsets;
import java.security.GeneralSecurityException;
import java.security.SecureRandom;
import java.util.Base64;
import java.util.Optional;

/**
 * Crypto-shredding: one AES-256 key per data subject (a case) in a Mongo collection; personal data is sealed
 * with AES-GCM (random 96-bit nonce, the subject id as associated data, so a sealed value cannot be moved to
 * another subject). Forgetting the key makes every copy unreadable — in the event store, in views, in backups.
 * A forgotten subject keeps a tombstone (no key) so that nothing is ever sealed for it again: a fresh key would
 * make its old ciphertexts look tampered with (AES-GCM tag mismatch) instead of erased.
 * Production keeps these keys in a separate, access-controlled database or a KMS; here each service keeps them
 * in its own database.
 */
public class SubjectKeys {

    private static final SecureRandom RANDOM = new SecureRandom();

    private final MongoTemplate mongo;
    private final String collection;

    public SubjectKeys(MongoTemplate mongo, String collection) {
        this.mongo = mongo;
        this.collection = collection;
    }

    public String collection() {
        return collection;
    }

    /** Base64 of nonce + cipher text + tag; the subject's key is created on first use. */
    public String seal(String subjectId, byte[] plain) {
        try {
            SecretKey key = keyOf(subjectId).orElseGet(() -> newKey(subjectId));
            if (key == null) {
                throw new SubjectForgotten();
            }
            byte[] nonce = new byte[12];
            RANDOM.nextBytes(nonce);
            Cipher cipher = Cipher.getInstance("AES/GCM/NoPadding");
            cipher.init(Cipher.ENCRYPT_MODE, key, new GCMParameterSpec(128, nonce));
            cipher.updateAAD(subjectId.getBytes(StandardCharsets.UTF_8));
            byte[] sealed = cipher.doFinal(plain);
            return Base64.getEncoder().encodeToString(ByteBuffer.allocate(12 + sealed.length).put(nonce).put(sealed).array());
        } catch (GeneralSecurityException e) {
            throw new IllegalStateException("cannot seal personal data", e);
        }
    }

    public String sealText(String subjectId, String text) {
        return text == null ? null : seal(subjectId, text.getBytes(StandardCharsets.UTF_8));
    }

    /** Empty once the subject's key has been forgotten. */
    public Optional<byte[]> open(String subjectId, String cipherText) {
        if (cipherText == null) {
            return Optional.empty();
        }
        return keyOf(subjectId).map(key -> {
            try {
                ByteBuffer bytes = ByteBuffer.wrap(Base64.getDecoder().decode(cipherText));
                byte[] nonce = new byte[12];
                bytes.get(nonce);
                byte[] sealed = new byte[bytes.remaining()];
                bytes.get(sealed);
                Cipher cipher = Cipher.getInstance("AES/GCM/NoPadding");
                cipher.init(Cipher.DECRYPT_MODE, key, new GCMParameterSpec(128, nonce));
                cipher.updateAAD(subjectId.getBytes(StandardCharsets.UTF_8));
                return cipher.doFinal(sealed);
            } catch (GeneralSecurityException e) {
                throw new IllegalStateException("cannot open personal data", e);
            }
        });
    }

    public Optional<String> openText(String subjectId, String cipherText) {
        return open(subjectId, cipherText).map(b -> new String(b, StandardCharsets.UTF_8));
    }

    /** The key is gone for good; a tombstone stays, so the subject never gets a new one. */
    public void forget(String subjectId) {
        mongo.upsert(Query.query(Criteria.where("_id").is(subjectId)),
                new Update().unset("key").set("forgotten", true), collection);
    }

    private Optional<SecretKey> keyOf(String subjectId) {
        Document stored = mongo.findById(subjectId, Document.class, collection);
        return Optional.ofNullable(stored).map(d -> d.getString("key"))
                .map(key -> new SecretKeySpec(Base64.getDecoder().decode(key), "AES"));
    }

    /** Null when the subject was forgotten (a tombstone): nothing may be sealed for it. */

    private SecretKey newKey(String subjectId) {
        try {
            KeyGenerator generator = KeyGenerator.getInstance("AES");
            generator.init(256, RANDOM);
            SecretKey key = generator.generateKey();
            mongo.insert(new Document("_id", subjectId).append("key", Base64.getEncoder().encodeToString(key.getEncoded())), collection);
            return key;
        } catch (GeneralSecurityException e) {
            throw new IllegalStateException(e);
        } catch (org.springframework.dao.DuplicateKeyException raced) {
            // another thread created the subject's key first (use that one), or the subject was forgotten (none)
            return keyOf(subjectId).orElse(null);
        }
    }
}
