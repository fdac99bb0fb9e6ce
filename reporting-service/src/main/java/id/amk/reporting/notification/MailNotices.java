package id.amk.reporting.notification;

import id.amk.reporting.people.People;
import jakarta.mail.MessagingException;
import jakarta.mail.internet.InternetAddress;
import jakarta.mail.internet.MimeMessage;
import org.bson.Document;
import org.slf4j.Logger;
import org.slf4j.LoggerFactory;
import org.springframework.beans.factory.annotation.Value;
import org.springframework.boot.autoconfigure.condition.ConditionalOnProperty;
import org.springframework.context.MessageSource;
import org.springframework.data.domain.Sort;
import org.springframework.data.mongodb.core.FindAndModifyOptions;
import org.springframework.data.mongodb.core.MongoTemplate;
import org.springframework.data.mongodb.core.index.Index;
import org.springframework.data.mongodb.core.query.Criteria;
import org.springframework.data.mongodb.core.query.Query;
import org.springframework.data.mongodb.core.query.Update;
import org.springframework.mail.MailException;
import org.springframework.mail.javamail.JavaMailSenderImpl;
import org.springframework.scheduling.annotation.Scheduled;
import org.springframework.stereotype.Component;

import java.nio.charset.StandardCharsets;
import java.time.Clock;
import java.time.Duration;
import java.time.Instant;
import java.util.Date;
import java.util.Locale;

/**
 * Every notification also goes out by e-mail to the recipient's work address (from identity-service's events), once:
 * a notification is written {@link #PENDING}, a sender claims it (so two instances never both send it), sends it and
 * marks it {@code SENT}. A sender that died mid-way leaves a claim that runs out and is sent again with the same
 * Message-ID, so a mail client shows it once. The mail carries no personal data of a child — what happened, the case
 * number, and a link into the app — in Bahasa Indonesia and English. Only where an SMTP host is configured
 * ({@code spring.mail.host}); without one, notices stay in the app.
 */
@Component
@ConditionalOnProperty("spring.mail.host")
class MailNotices {

    static final String PENDING = "PENDING";
    private static final String SENDING = "SENDING";
    private static final Logger log = LoggerFactory.getLogger(MailNotices.class);
    private static final Locale INDONESIAN = Locale.forLanguageTag("id");

    private final MongoTemplate mongo;
    private final People people;
    private final JavaMailSenderImpl mail;
    private final MessageSource messages;
    private final Clock clock;
    private final String from;
    private final String appUrl;
    private final Duration claimFor;
    private final Duration maxAge;
    private final int maxAttempts;

    MailNotices(MongoTemplate mongo, People people, JavaMailSenderImpl mail, MessageSource messages, Clock clock,
                @Value("${amk.notifications.mail.from:AMK <noreply@amk.example.org>}") String from,
                @Value("${amk.public-url:http://localhost:8080}") String appUrl,
                @Value("${amk.notifications.mail.claim-for:5m}") Duration claimFor,
                @Value("${amk.notifications.mail.max-age:1d}") Duration maxAge,
                @Value("${amk.notifications.mail.max-attempts:5}") int maxAttempts) {
        this.mongo = mongo;
        this.people = people;
        this.mail = mail;
        this.messages = messages;
        this.clock = clock;
        this.from = from;
        this.appUrl = appUrl.replaceAll("/+$", "");
        this.claimFor = claimFor;
        this.maxAge = maxAge;
        this.maxAttempts = maxAttempts;
        mongo.indexOps(Notifications.COLLECTION).ensureIndex(new Index("mail", Sort.Direction.ASC));
    }

    @Scheduled(fixedDelayString = "${amk.notifications.mail.interval:5s}", initialDelayString = "${amk.notifications.mail.first:5s}")
    void sendPending() {
        Instant now = clock.instant();
        Document notice;
        int sent = 0;
        while (sent < 100 && (notice = claim(now)) != null) {
            sent++;
            deliver(notice, now);
        }
    }

    /** The oldest notice waiting (or whose sender's claim ran out), claimed for this sender. */
    private Document claim(Instant now) {
        Query waiting = Query.query(new Criteria().orOperator(Criteria.where("mail").is(PENDING),
                        Criteria.where("mail").is(SENDING).and("mailClaimedUntil").lt(Date.from(now))))
                .with(Sort.by(Sort.Direction.ASC, "at"));
        return mongo.findAndModify(waiting, new Update().set("mail", SENDING).set("mailClaimedUntil", Date.from(now.plus(claimFor)))
                .inc("mailAttempts", 1), FindAndModifyOptions.options().returnNew(true), Document.class, Notifications.COLLECTION);
    }

    private void deliver(Document notice, Instant now) {
        String id = notice.getString("_id");
        if (notice.getDate("at").toInstant().isBefore(now.minus(maxAge))) {
            finish(id, "EXPIRED");
            return;
        }
        String address = people.email(notice.getString("recipient")).orElse(null);
        if (address == null) {
            finish(id, "NO_ADDRESS");
            return;
        }
        try {
            mail.send(message(notice, address));
            finish(id, "SENT");
        } catch (MailException | MessagingException e) {
            int attempts = notice.get("mailAttempts", Number.class).intValue();
            // the notification's id and kind only: the address and the case stay out of the log
            log.warn("notice {} ({}) not mailed, attempt {}: {}", id, notice.getString("kind"), attempts, e.getClass().getSimpleName());
            mongo.updateFirst(Query.query(Criteria.where("_id").is(id)), new Update().set("mail", attempts >= maxAttempts ? "FAILED" : PENDING)
                    .unset("mailClaimedUntil"), Notifications.COLLECTION);
        }
    }

    private void finish(String id, String outcome) {
        mongo.updateFirst(Query.query(Criteria.where("_id").is(id)), new Update().set("mail", outcome)
                .set("mailedAt", Date.from(clock.instant())).unset("mailClaimedUntil"), Notifications.COLLECTION);
    }

    private MimeMessage message(Document notice, String address) throws MessagingException {
        String messageId = "<" + notice.getString("_id").replaceAll("[^A-Za-z0-9.:-]", "_") + "@amk>";
        MimeMessage message = new MimeMessage(mail.getSession()) {
            @Override
            protected void updateMessageID() throws MessagingException {
                setHeader("Message-ID", messageId);
            }
        };
        String kind = notice.getString("kind");
        Object[] args = {notice.getString("caseNumber") == null ? "" : notice.getString("caseNumber")};
        String indonesian = messages.getMessage("mail.kind." + kind, args, kind, INDONESIAN);
        String english = messages.getMessage("mail.kind." + kind, args, kind, Locale.ENGLISH);
        String link = appUrl + "/notifications";
        message.setFrom(new InternetAddress(from));
        message.setRecipient(jakarta.mail.Message.RecipientType.TO, new InternetAddress(address));
        message.setSubject("[AMK] " + indonesian, StandardCharsets.UTF_8.name());
        message.setText(messages.getMessage("mail.body", new Object[]{indonesian, link}, INDONESIAN) + "\n\n-- \n"
                + messages.getMessage("mail.body", new Object[]{english, link}, Locale.ENGLISH) + "\n", StandardCharsets.UTF_8.name());
        message.setSentDate(Date.from(clock.instant()));
        return message;
    }
}
