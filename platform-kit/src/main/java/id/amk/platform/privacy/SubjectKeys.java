package id.amk.platform.privacy;

import com.google.crypto.tink.Aead;
import com.google.crypto.tink.KeysetHandle;
import com.google.crypto.tink.RegistryConfiguration;
import com.google.crypto.tink.TinkProtoKeysetFormat;
import org.bson.Document;
import org.springframework.data.mongodb.core.MongoTemplate;
import org.springframework.data.mongodb.core.query.Criteria;
import org.springframework.data.mongodb.core.query.Query;
import org.springframework.data.mongodb.core.query.Update;

import java.nio.charset.StandardCharsets;
import java.security.GeneralSecurityException;
import java.util.Base64;
import java.util.Optional;

/**
 * Crypto-shredding, the one mechanism of every service: one AES-256-GCM key per data subject (a case, a report), kept
 * as a Google Tink keyset wrapped by the {@link MasterKey} (so the database holds no key in clear); personal data is
 * sealed with the subject's key and the subject id as associated data, so a sealed value cannot be moved to another
 * subject. Forgetting the key makes every copy unreadable — in the event store, in views, in backups. A forgotten subject
 * keeps a tombstone (no key) so that nothing is ever sealed for it again: a fresh key would make its old ciphertexts look
 * tampered with (AES-GCM tag mismatch) instead of erased. Keys stored in clear by earlier versions ({@code key}) are
 * wrapped when the vault opens; their ciphertexts have the same form ({@code iv || ct || tag}) and stay readable.
 */
public class SubjectKeys {

    private final MongoTemplate mongo;
    private final String collection;
    private final MasterKey master;

    public SubjectKeys(MongoTemplate mongo, String collection, MasterKey master) {
        this.mongo = mongo;
        this.collection = collection;
        this.master = master;
        wrapClearKeys();
    }

    public String collection() {
        return collection;
    }

    /** Base64 of iv + cipher text + tag; the subject's key is created on first use. */
    public String seal(String subjectId, byte[] plain) {
        Aead key = keyOf(subjectId).orElseGet(() -> newKey(subjectId));
        if (key == null) {
            throw new SubjectForgotten();
        }
        try {
            return Base64.getEncoder().encodeToString(key.encrypt(plain, subjectId.getBytes(StandardCharsets.UTF_8)));
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
                return key.decrypt(Base64.getDecoder().decode(cipherText), subjectId.getBytes(StandardCharsets.UTF_8));
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
                new Update().unset("key").unset("keyset").set("forgotten", true), collection);
    }

    private Optional<Aead> keyOf(String subjectId) {
        Document stored = mongo.findById(subjectId, Document.class, collection);
        if (stored == null || stored.getString("keyset") == null) {
            return Optional.empty();
        }
        try {
            KeysetHandle keyset = TinkProtoKeysetFormat.parseEncryptedKeyset(Base64.getDecoder().decode(stored.getString("keyset")),
                    master.aead(), subjectId.getBytes(StandardCharsets.UTF_8));
            return Optional.of(keyset.getPrimitive(RegistryConfiguration.get(), Aead.class));
        } catch (GeneralSecurityException e) {
            throw new IllegalStateException("a subject key cannot be unwrapped with this AMK_MASTER_KEY", e);
        }
    }

    /** Null when the subject was forgotten (a tombstone): nothing may be sealed for it. */
    private Aead newKey(String subjectId) {
        try {
            KeysetHandle keyset = KeysetHandle.generateNew(MasterKey.PARAMETERS);
            mongo.insert(new Document("_id", subjectId).append("keyset", wrapped(keyset, subjectId)), collection);
            return keyset.getPrimitive(RegistryConfiguration.get(), Aead.class);
        } catch (GeneralSecurityException e) {
            throw new IllegalStateException(e);
        } catch (org.springframework.dao.DuplicateKeyException raced) {
            // another thread created the subject's key first (use that one), or the subject was forgotten (none)
            return keyOf(subjectId).orElse(null);
        }
    }

    private String wrapped(KeysetHandle keyset, String subjectId) throws GeneralSecurityException {
        return Base64.getEncoder().encodeToString(TinkProtoKeysetFormat.serializeEncryptedKeyset(keyset, master.aead(),
                subjectId.getBytes(StandardCharsets.UTF_8)));
    }

    /** Keys an earlier version kept in clear are wrapped by the master key, and the clear copy removed. */
    private void wrapClearKeys() {
        for (Document clear : mongo.find(Query.query(Criteria.where("key").exists(true)), Document.class, collection)) {
            String subjectId = clear.getString("_id");
            try {
                String keyset = wrapped(MasterKey.handle(Base64.getDecoder().decode(clear.getString("key"))), subjectId);
                mongo.updateFirst(Query.query(Criteria.where("_id").is(subjectId).and("key").is(clear.getString("key"))),
                        new Update().set("keyset", keyset).unset("key"), collection);
            } catch (GeneralSecurityException e) {
                throw new IllegalStateException("cannot wrap a subject key", e);
            }
        }
    }
}
