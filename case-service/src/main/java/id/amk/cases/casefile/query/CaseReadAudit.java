package id.amk.cases.casefile.query;

import id.amk.platform.correlation.CorrelationId;
import org.bson.Document;
import org.springframework.data.mongodb.core.MongoTemplate;
import org.springframework.stereotype.Component;

import java.time.Clock;
import java.util.Date;
import java.util.List;
import java.util.UUID;

/** Who read which case, when and what (detail, history, asOf): appended, never changed or removed. */
@Component
public class CaseReadAudit {

    static final String COLLECTION = "case_read_audit";

    private final MongoTemplate mongo;
    private final Clock clock;

    public CaseReadAudit(MongoTemplate mongo, Clock clock) {
        this.mongo = mongo;
        this.clock = clock;
    }

    public void record(String caseId, String reader, List<String> roles, String what) {
        mongo.insert(new Document("_id", UUID.randomUUID().toString()).append("caseId", caseId).append("reader", reader)
                .append("roles", roles).append("what", what).append("at", Date.from(clock.instant()))
                .append("correlationId", CorrelationId.current()), COLLECTION);
    }
}
