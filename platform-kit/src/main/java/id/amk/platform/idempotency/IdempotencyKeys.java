package id.amk.platform.idempotency;

import org.bson.Document;
import org.bson.types.Binary;
import org.springframework.dao.DuplicateKeyException;
import org.springframework.data.domain.Sort;
import org.springframework.data.mongodb.core.FindAndModifyOptions;
import org.springframework.data.mongodb.core.MongoTemplate;
import org.springframework.data.mongodb.core.index.Index;
import org.springframework.data.mongodb.core.query.Criteria;
import org.springframework.data.mongodb.core.query.Query;
import org.springframework.data.mongodb.core.query.Update;

import java.time.Clock;
import java.time.Duration;
import java.time.Instant;
import java.util.Date;

/**
 * The Idempotency-Keys a service has seen, in its own database, one document per caller and key: claimed by a unique
 * insert (so two instances sharing the database agree on who acts), held by a lease while the request runs (a lease that
 * runs out means the instance died: another attempt may take over), then holding the sealed answer until it expires
 * (a TTL index removes it; an expired one is treated as absent before that).
 */
public class IdempotencyKeys {

    static final String COLLECTION = "idempotency_keys";

    /** What a claim found. */
    sealed interface Claim {
        /** The caller may act: a new key, or one whose earlier attempt died ({@code retake}: it may have acted). */
        record Acquired(boolean retake) implements Claim {
        }

        /** The answer of the first request with this key, sealed. */
        record Answered(byte[] sealedAnswer) implements Claim {
        }

        /** Another request with the same key but not the same request. */
        record Mismatch() implements Claim {
        }

        /** The first request with this key is still being answered. */
        record Busy() implements Claim {
        }
    }

    private final MongoTemplate mongo;
    private final Duration keep;
    private final Duration lease;
    private final Clock clock;

    public IdempotencyKeys(MongoTemplate mongo, Duration keep, Duration lease, Clock clock) {
        this.mongo = mongo;
        this.keep = keep;
        this.lease = lease;
        this.clock = clock;
        mongo.indexOps(COLLECTION).ensureIndex(new Index("expiresAt", Sort.Direction.ASC).expire(Duration.ZERO).named("expiry"));
    }

    Claim claim(String id, String fingerprint) {
        for (int attempt = 0; ; attempt++) {
            Instant now = clock.instant();
            try {
                mongo.insert(new Document("_id", id).append("fingerprint", fingerprint).append("state", "ACTING")
                        .append("leaseUntil", Date.from(now.plus(lease))).append("createdAt", Date.from(now))
                        .append("expiresAt", Date.from(now.plus(keep))), COLLECTION);
                return new Claim.Acquired(false);
            } catch (DuplicateKeyException taken) {
                // someone has the key: read what they left
            }
            Document found = mongo.findById(id, Document.class, COLLECTION);
            if (found == null) {
                continue; // removed in between
            }
            if (found.getDate("expiresAt").toInstant().isBefore(now)) {
                mongo.remove(Query.query(Criteria.where("_id").is(id).and("expiresAt").is(found.getDate("expiresAt"))), COLLECTION);
                continue;
            }
            if (!fingerprint.equals(found.getString("fingerprint"))) {
                return new Claim.Mismatch();
            }
            if ("ANSWERED".equals(found.getString("state"))) {
                return new Claim.Answered(found.get("answer", Binary.class).getData());
            }
            if (found.getDate("leaseUntil").toInstant().isAfter(now)) {
                return new Claim.Busy();
            }
            // the attempt holding it died: take it over, unless another retry just did
            Document taken = mongo.findAndModify(Query.query(Criteria.where("_id").is(id).and("state").is("ACTING")
                            .and("leaseUntil").is(found.getDate("leaseUntil"))),
                    Update.update("leaseUntil", Date.from(now.plus(lease))), FindAndModifyOptions.options().returnNew(true),
                    Document.class, COLLECTION);
            if (taken != null) {
                return new Claim.Acquired(true);
            }
            if (attempt > 10) {
                return new Claim.Busy();
            }
        }
    }

    void answer(String id, byte[] sealedAnswer) {
        mongo.updateFirst(Query.query(Criteria.where("_id").is(id)),
                Update.update("state", "ANSWERED").set("answer", new Binary(sealedAnswer)).unset("leaseUntil"), COLLECTION);
    }

    /**
     * Ends the lease at once: the request failed without an answer worth repeating (a 5xx), perhaps after it acted, so
     * the next retry takes over as a retake (and looks in the event store before acting again).
     */
    void abandon(String id) {
        mongo.updateFirst(Query.query(Criteria.where("_id").is(id).and("state").is("ACTING")),
                Update.update("leaseUntil", new Date(0)), COLLECTION);
    }
}
