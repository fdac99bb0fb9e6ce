package id.amk.platform.mongo;

import org.bson.Document;
import org.springframework.boot.actuate.health.AbstractHealthIndicator;
import org.springframework.boot.actuate.health.Health;
import org.springframework.data.mongodb.core.MongoTemplate;

/**
 * Mongo is up when the service's database answers {@code ping}. Replaces Boot's indicator, whose
 * {@code hello} command the embedded mongo-java-server does not know; {@code ping} works on both.
 */
public class MongoPingHealthIndicator extends AbstractHealthIndicator {

    private final MongoTemplate mongo;

    public MongoPingHealthIndicator(MongoTemplate mongo) {
        super("Mongo health check failed");
        this.mongo = mongo;
    }

    @Override
    protected void doHealthCheck(Health.Builder builder) {
        Document result = mongo.executeCommand(new Document("ping", 1));
        builder.status(result.get("ok", Number.class).intValue() == 1 ? org.springframework.boot.actuate.health.Status.UP
                : org.springframework.boot.actuate.health.Status.DOWN).withDetail("database", mongo.getDb().getName());
    }
}
