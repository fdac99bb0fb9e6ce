package id.amk.reporting.notification;

import com.mongodb.MongoBulkWriteException;
import org.bson.Document;
import org.springframework.beans.factory.annotation.Value;
import org.springframework.dao.DuplicateKeyException;
import org.springframework.data.domain.Sort;
import org.springframework.data.mongodb.core.MongoTemplate;
import org.springframework.data.mongodb.core.query.Criteria;
import org.springframework.data.mongodb.core.query.Query;
import org.springframework.data.mongodb.core.query.Update;
import org.springframework.stereotype.Component;

import java.time.Clock;
import java.time.Duration;
import java.time.Instant;
import java.util.Collection;
import java.util.Date;
import java.util.LinkedHashSet;
import java.util.List;
import java.util.Set;

/**
 * People's notifications ("my items"), one home for all of them: each is what happened ({@link Kind}), to whom, and
 * the ids to open (case, report, referral) with the case number — never a child's name or any other personal data, so
 * a notification can be shown on a locked phone or put in an e-mail. Its id is the source event's id and the recipient,
 * so an event that arrives twice notifies once (and is e-mailed once, {@link MailNotices}). Events older than {@code amk.notifications.max-age} (a projection
 * catching up after a reset) notify nobody.
 */
@Component
public class Notifications {

    public enum Kind {
        CASE_ASSIGNED, DEADLINE_SOON, DEADLINE_MISSED, REPORT_NEW, REPORT_TRIAGE_OVERDUE, REFERRAL_NEW, REFERRAL_ANSWERED, REFERRAL_ESCALATED,
        THREAD_MESSAGE
    }

    /** What a notification points at: ids and the case number only. */
    public record Refs(String caseId, String caseNumber, String reportId, String referralId, String status) {
        public static Refs ofCase(String caseId, String caseNumber) {
            return new Refs(caseId, caseNumber, null, null, null);
        }
    }

    static final String COLLECTION = "notifications";

    private final MongoTemplate mongo;
    private final Clock clock;
    private final Duration maxAge;

    Notifications(MongoTemplate mongo, Clock clock, @Value("${amk.notifications.max-age:7d}") Duration maxAge) {
        this.mongo = mongo;
        this.clock = clock;
        this.maxAge = maxAge;
    }

    /** Notifies each recipient (but {@code except}, who did it) once per source event. */
    public void notify(String sourceId, Instant at, Collection<String> recipients, String except, Kind kind, Refs refs) {
        if (at != null && at.isBefore(clock.instant().minus(maxAge))) {
            return;
        }
        Set<String> to = new LinkedHashSet<>(recipients);
        to.removeIf(r -> r == null || r.isBlank());
        if (except != null) {
            to.remove(except);
        }
        for (String recipient : to) {
            Document notification = new Document("_id", sourceId + ":" + recipient).append("recipient", recipient).append("kind", kind.name())
                    .append("caseId", refs.caseId()).append("caseNumber", refs.caseNumber()).append("reportId", refs.reportId())
                    .append("referralId", refs.referralId()).append("status", refs.status())
                    .append("at", Date.from(at == null ? clock.instant() : at)).append("read", false)
                    .append("mail", MailNotices.PENDING);
            try {
                mongo.insert(notification, COLLECTION);
            } catch (DuplicateKeyException | MongoBulkWriteException e) {
                // delivered already: a redelivered event, or a second instance that saw it too
            }
        }
    }

    public List<Document> of(String recipient, boolean unreadOnly, int limit) {
        Criteria mine = Criteria.where("recipient").is(recipient);
        if (unreadOnly) {
            mine = mine.and("read").is(false);
        }
        return mongo.find(Query.query(mine).with(Sort.by(Sort.Direction.DESC, "at")).limit(limit), Document.class, COLLECTION);
    }

    public long unread(String recipient) {
        return mongo.count(Query.query(Criteria.where("recipient").is(recipient).and("read").is(false)), COLLECTION);
    }

    /** Marks one of the recipient's own notifications read; false when there is none with that id for them. */
    public boolean markRead(String recipient, String id) {
        return mongo.updateFirst(Query.query(Criteria.where("_id").is(id).and("recipient").is(recipient)),
                new Update().set("read", true).set("readAt", Date.from(clock.instant())), COLLECTION).getMatchedCount() == 1;
    }

    public void markAllRead(String recipient) {
        mongo.updateMulti(Query.query(Criteria.where("recipient").is(recipient).and("read").is(false)),
                new Update().set("read", true).set("readAt", Date.from(clock.instant())), COLLECTION);
    }
}
