package id.amk.identity.keys;

import com.nimbusds.jose.JOSEException;
import com.nimbusds.jose.jwk.JWK;
import com.nimbusds.jose.jwk.JWKSelector;
import com.nimbusds.jose.jwk.JWKSet;
import com.nimbusds.jose.jwk.RSAKey;
import com.nimbusds.jose.jwk.gen.RSAKeyGenerator;
import com.nimbusds.jose.jwk.source.JWKSource;
import com.nimbusds.jose.proc.SecurityContext;
import id.amk.platform.privacy.MasterKey;
import org.bson.Document;
import org.springframework.data.domain.Sort;
import org.springframework.data.mongodb.core.MongoTemplate;
import org.springframework.data.mongodb.core.query.Criteria;
import org.springframework.data.mongodb.core.query.Query;
import org.springframework.data.mongodb.core.query.Update;

import java.nio.charset.StandardCharsets;
import java.text.ParseException;
import java.time.Clock;
import java.time.Duration;
import java.time.Instant;
import java.util.ArrayList;
import java.util.Base64;
import java.util.Date;
import java.util.List;
import java.util.UUID;

/**
 * The token signing keys, in identity-service's own database so that a restart invalidates no token. The
 * newest key signs. After a rotation the previous keys stay published in the JWKS for as long as a token
 * they signed can live (the access-token lifetime), so services keep accepting those tokens; then they
 * are no longer published. Other instances pick a rotation up within {@link #RELOAD_AFTER}.
 * The private keys are stored wrapped by the {@link MasterKey} ({@code AMK_MASTER_KEY}, bound to their key id): a copy
 * of the database cannot sign a token. Keys an earlier version stored in clear are wrapped at the next load.
 */
public class SigningKeys implements JWKSource<SecurityContext> {

    static final String COLLECTION = "signing_keys";
    static final Duration RELOAD_AFTER = Duration.ofSeconds(30);

    private final MongoTemplate mongo;
    private final Clock clock;
    private final Duration tokenLifetime;
    private final MasterKey master;
    private volatile List<StoredKey> keys = List.of();
    private volatile Instant loadedAt = Instant.MIN;

    public record StoredKey(JWK jwk, Instant createdAt) {
    }

    public record KeyInfo(String keyId, Instant createdAt, boolean signing, boolean published) {
    }

    public SigningKeys(MongoTemplate mongo, Clock clock, Duration tokenLifetime, MasterKey master) {
        this.master = master;
        this.mongo = mongo;
        this.clock = clock;
        this.tokenLifetime = tokenLifetime;
    }

    /** Loads the stored keys, creating the first one on a fresh database. */
    public synchronized void load() {
        wrapClearKeys();
        List<StoredKey> stored = read();
        if (stored.isEmpty()) {
            insertNewKey();
            stored = read();
        }
        keys = stored;
        loadedAt = clock.instant();
    }

    /** A new signing key; the previous ones stay published until their tokens have expired. */
    public synchronized String rotate() {
        String keyId = insertNewKey();
        load();
        return keyId;
    }

    public String signingKeyId() {
        return current().get(0).jwk().getKeyID();
    }

    public List<KeyInfo> describe() {
        List<StoredKey> all = current();
        List<KeyInfo> info = new ArrayList<>();
        for (int i = 0; i < all.size(); i++) {
            info.add(new KeyInfo(all.get(i).jwk().getKeyID(), all.get(i).createdAt(), i == 0, published(all, i)));
        }
        return info;
    }

    /** The keys that may sign or verify now: the newest, and the previous ones whose tokens may still live. */
    @Override
    public List<JWK> get(JWKSelector selector, SecurityContext context) {
        List<StoredKey> all = current();
        List<JWK> published = new ArrayList<>();
        for (int i = 0; i < all.size(); i++) {
            if (published(all, i)) {
                published.add(all.get(i).jwk());
            }
        }
        return selector.select(new JWKSet(published));
    }

    /** A key is published while it signs, or until its successor has signed for longer than a token lives. */
    private boolean published(List<StoredKey> newestFirst, int index) {
        return index == 0 || newestFirst.get(index - 1).createdAt().plus(tokenLifetime).plusSeconds(60).isAfter(clock.instant());
    }

    private List<StoredKey> current() {
        if (loadedAt.plus(RELOAD_AFTER).isBefore(clock.instant())) {
            load();
        }
        return keys;
    }

    private List<StoredKey> read() {
        return mongo.find(new Query().with(Sort.by(Sort.Direction.DESC, "createdAt")), Document.class, COLLECTION).stream()
                .filter(d -> d.getString("sealedJwk") != null)
                .map(d -> new StoredKey(parse(new String(master.unwrap(Base64.getDecoder().decode(d.getString("sealedJwk")),
                        CONTEXT + d.getString("_id")), StandardCharsets.UTF_8)), d.get("createdAt", Date.class).toInstant()))
                .toList();
    }

    private String insertNewKey() {
        RSAKey key;
        try {
            key = new RSAKeyGenerator(2048).keyID(UUID.randomUUID().toString()).generate();
        } catch (JOSEException e) {
            throw new IllegalStateException("cannot generate a signing key", e);
        }
        mongo.insert(new Document("_id", key.getKeyID()).append("sealedJwk", sealed(key.getKeyID(), key.toJSONString()))
                .append("createdAt", Date.from(clock.instant())), COLLECTION);
        return key.getKeyID();
    }

    private static final String CONTEXT = "amk-signing-key:";

    private String sealed(String keyId, String jwk) {
        return Base64.getEncoder().encodeToString(master.wrap(jwk.getBytes(StandardCharsets.UTF_8), CONTEXT + keyId));
    }

    /** A key stored in clear by an earlier version is wrapped, and its clear copy removed. */
    private void wrapClearKeys() {
        for (Document clear : mongo.find(Query.query(Criteria.where("jwk").exists(true)), Document.class, COLLECTION)) {
            mongo.updateFirst(Query.query(Criteria.where("_id").is(clear.getString("_id"))),
                    new Update().set("sealedJwk", sealed(clear.getString("_id"), clear.getString("jwk"))).unset("jwk"), COLLECTION);
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
