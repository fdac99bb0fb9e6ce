package id.amk.identity.authorization;

import com.nimbusds.jose.JOSEException;
import com.nimbusds.jose.jwk.JWK;
import com.nimbusds.jose.jwk.JWKSet;
import com.nimbusds.jose.jwk.RSAKey;
import com.nimbusds.jose.jwk.gen.RSAKeyGenerator;
import com.nimbusds.jose.jwk.source.JWKSource;
import com.nimbusds.jose.proc.SecurityContext;
import org.bson.Document;
import org.springframework.data.domain.Sort;
import org.springframework.data.mongodb.core.MongoTemplate;
import org.springframework.data.mongodb.core.query.Query;

import java.text.ParseException;
import java.time.Instant;
import java.util.List;
import java.util.UUID;

/**
 * The token signing keys, kept in identity-service's own database so that a restart does not invalidate
 * the tokens already issued. The newest key signs; all stored keys are published in the JWKS.
 * (Rotation and encryption of the stored private keys: the identity issue.)
 */
public class SigningKeys implements JWKSource<SecurityContext> {

    static final String COLLECTION = "signing_keys";

    private final MongoTemplate mongo;
    private volatile JWKSet keys;

    public SigningKeys(MongoTemplate mongo) {
        this.mongo = mongo;
    }

    /** Loads the stored keys, creating the first one on a fresh database. */
    public synchronized void load() {
        List<Document> stored = mongo.find(new Query().with(Sort.by(Sort.Direction.DESC, "createdAt")), Document.class, COLLECTION);
        if (stored.isEmpty()) {
            RSAKey key = generate();
            mongo.insert(new Document("_id", key.getKeyID()).append("jwk", key.toJSONString()).append("createdAt", Instant.now()), COLLECTION);
            stored = List.of(new Document("jwk", key.toJSONString()));
        }
        keys = new JWKSet(stored.stream().map(d -> parse(d.getString("jwk"))).toList());
    }

    @Override
    public List<JWK> get(com.nimbusds.jose.jwk.JWKSelector selector, SecurityContext context) {
        return selector.select(keys);
    }

    public String activeKeyId() {
        return keys.getKeys().get(0).getKeyID();
    }

    private static RSAKey generate() {
        try {
            return new RSAKeyGenerator(2048).keyID(UUID.randomUUID().toString()).generate();
        } catch (JOSEException e) {
            throw new IllegalStateException("cannot generate a signing key", e);
        }
    }

    private static JWK parse(String json) {
        try {
            return JWK.parse(json);
        } catch (ParseException e) {
            throw new IllegalStateException("a stored signing key is unreadable", e);
        }
    }
}
