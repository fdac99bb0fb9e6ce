package id.amk.platform.privacy;

import org.bson.Document;
import org.bson.types.Binary;
import org.springframework.dao.DuplicateKeyException;
import org.springframework.data.mongodb.core.MongoTemplate;

import javax.crypto.Mac;
import javax.crypto.spec.SecretKeySpec;
import java.nio.charset.StandardCharsets;
import java.security.GeneralSecurityException;
import java.security.SecureRandom;
import java.util.Arrays;
import java.util.Base64;

/**
 * Keyed hashes (HMAC-SHA256) of search terms, so a view can be searched by a child's NIK or name without holding either:
 * a stored key is useless without the service's index key, which is kept wrapped by the master key (collection
 * {@code collection}, one document) and created on first start. Equal terms give equal keys; nothing leads back from a
 * key to its term except trying every term with the index key.
 */
public final class BlindIndex {

    private static final String ID = "blind-index";
    private final SecretKeySpec key;
    /** A Mac is not thread-safe and costs a provider look-up to make: one per thread, reused for every term. */
    private final ThreadLocal<Mac> macs;

    public BlindIndex(MongoTemplate mongo, String collection, MasterKey master) {
        this.key = new SecretKeySpec(loadOrCreate(mongo, collection, master), "HmacSHA256");
        this.macs = ThreadLocal.withInitial(this::newMac);
    }

    /** The index key of a term (already normalised by the caller): 128 bits of its HMAC, Base64url. */
    public String of(String term) {
        byte[] digest = macs.get().doFinal(term.getBytes(StandardCharsets.UTF_8)); // doFinal resets the Mac for the next term
        return Base64.getUrlEncoder().withoutPadding().encodeToString(Arrays.copyOf(digest, 16));
    }

    private Mac newMac() {
        try {
            Mac mac = Mac.getInstance("HmacSHA256");
            mac.init(key);
            return mac;
        } catch (GeneralSecurityException e) {
            throw new IllegalStateException("cannot compute a search key", e);
        }
    }

    private static byte[] loadOrCreate(MongoTemplate mongo, String collection, MasterKey master) {
        Document stored = mongo.findById(ID, Document.class, collection);
        if (stored == null) {
            byte[] fresh = new byte[32];
            new SecureRandom().nextBytes(fresh);
            try {
                mongo.insert(new Document("_id", ID).append("wrapped", new Binary(master.wrap(fresh, ID))), collection);
                return fresh;
            } catch (DuplicateKeyException another) {
                // another instance created it first: use theirs
                stored = mongo.findById(ID, Document.class, collection);
            }
        }
        return master.unwrap(stored.get("wrapped", Binary.class).getData(), ID);
    }
}
