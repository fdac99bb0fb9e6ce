package id.amk.cases.privacy;

import com.fasterxml.jackson.core.JsonProcessingException;
import com.fasterxml.jackson.databind.ObjectMapper;
import id.amk.cases.casefile.api.Child;
import id.amk.cases.casefile.api.SealedChild;
import id.amk.cases.casefile.api.SealedText;
import id.amk.cases.casefile.command.ChildVault;
import org.bson.Document;
import org.springframework.data.mongodb.core.MongoTemplate;
import org.springframework.data.mongodb.core.query.Criteria;
import org.springframework.data.mongodb.core.query.Query;
import org.springframework.stereotype.Component;

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
 * One AES-256 key per case in {@code child_keys}; the child's data and the workers' notes are sealed with AES-GCM (random 96-bit nonce,
 * the case id as associated data, so a sealed child cannot be moved to another case). Production keeps these
 * keys in a separate, access-controlled database or a KMS; here they sit in case-service's own database.
 */
@Component
class MongoChildVault implements ChildVault {

    static final String COLLECTION = "child_keys";
    private static final SecureRandom RANDOM = new SecureRandom();

    private final MongoTemplate mongo;
    private final ObjectMapper json;

    MongoChildVault(MongoTemplate mongo, ObjectMapper json) {
        this.mongo = mongo;
        this.json = json;
    }

    @Override
    public SealedChild seal(String caseId, Child child) {
        try {
            return new SealedChild(encrypt(caseId, json.writeValueAsBytes(child)));
        } catch (JsonProcessingException e) {
            throw new IllegalStateException("cannot seal a child's data", e);
        }
    }

    @Override
    public Optional<Child> open(String caseId, SealedChild sealed) {
        return sealed == null ? Optional.empty() : decrypt(caseId, sealed.cipherText()).map(bytes -> {
            try {
                return json.readValue(bytes, Child.class);
            } catch (java.io.IOException e) {
                throw new IllegalStateException("cannot read a child's data", e);
            }
        });
    }

    @Override
    public SealedText sealText(String caseId, String text) {
        return text == null ? null : new SealedText(encrypt(caseId, text.getBytes(StandardCharsets.UTF_8)));
    }

    @Override
    public Optional<String> openText(String caseId, SealedText sealed) {
        return sealed == null ? Optional.empty() : decrypt(caseId, sealed.cipherText()).map(b -> new String(b, StandardCharsets.UTF_8));
    }

    private String encrypt(String caseId, byte[] plain) {
        try {
            SecretKey key = keyOf(caseId).orElseGet(() -> newKey(caseId));
            byte[] nonce = new byte[12];
            RANDOM.nextBytes(nonce);
            Cipher cipher = Cipher.getInstance("AES/GCM/NoPadding");
            cipher.init(Cipher.ENCRYPT_MODE, key, new GCMParameterSpec(128, nonce));
            cipher.updateAAD(caseId.getBytes(StandardCharsets.UTF_8));
            byte[] sealed = cipher.doFinal(plain);
            return Base64.getEncoder().encodeToString(ByteBuffer.allocate(12 + sealed.length).put(nonce).put(sealed).array());
        } catch (GeneralSecurityException e) {
            throw new IllegalStateException("cannot seal a case's personal data", e);
        }
    }

    private Optional<byte[]> decrypt(String caseId, String cipherText) {
        return keyOf(caseId).map(key -> {
            try {
                ByteBuffer bytes = ByteBuffer.wrap(Base64.getDecoder().decode(cipherText));
                byte[] nonce = new byte[12];
                bytes.get(nonce);
                byte[] sealed = new byte[bytes.remaining()];
                bytes.get(sealed);
                Cipher cipher = Cipher.getInstance("AES/GCM/NoPadding");
                cipher.init(Cipher.DECRYPT_MODE, key, new GCMParameterSpec(128, nonce));
                cipher.updateAAD(caseId.getBytes(StandardCharsets.UTF_8));
                return cipher.doFinal(sealed);
            } catch (GeneralSecurityException e) {
                throw new IllegalStateException("cannot open a case's personal data", e);
            }
        });
    }

    @Override
    public void forget(String caseId) {
        mongo.remove(Query.query(Criteria.where("_id").is(caseId)), COLLECTION);
    }

    private Optional<SecretKey> keyOf(String caseId) {
        Document stored = mongo.findById(caseId, Document.class, COLLECTION);
        return Optional.ofNullable(stored).map(d -> new SecretKeySpec(Base64.getDecoder().decode(d.getString("key")), "AES"));
    }

    private SecretKey newKey(String caseId) {
        try {
            KeyGenerator generator = KeyGenerator.getInstance("AES");
            generator.init(256, RANDOM);
            SecretKey key = generator.generateKey();
            mongo.insert(new Document("_id", caseId).append("key", Base64.getEncoder().encodeToString(key.getEncoded())), COLLECTION);
            return key;
        } catch (GeneralSecurityException e) {
            throw new IllegalStateException(e);
        }
    }
}
