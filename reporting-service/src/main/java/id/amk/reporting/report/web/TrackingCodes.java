package id.amk.reporting.report.web;

import com.github.benmanes.caffeine.cache.Cache;
import com.github.benmanes.caffeine.cache.Caffeine;
import id.amk.platform.web.ProblemException;
import id.amk.reporting.report.api.ReportTypes.ReportStatus;
import id.amk.reporting.report.query.ReportView;
import io.github.bucket4j.Bandwidth;
import io.github.bucket4j.Bucket;
import org.bson.Document;
import org.springframework.beans.factory.annotation.Value;
import org.springframework.context.MessageSource;
import org.springframework.context.i18n.LocaleContextHolder;
import org.springframework.data.mongodb.core.MongoTemplate;
import org.springframework.data.mongodb.core.query.Criteria;
import org.springframework.data.mongodb.core.query.Query;
import org.springframework.http.HttpStatus;
import org.springframework.stereotype.Component;

import java.nio.charset.StandardCharsets;
import java.security.MessageDigest;
import java.security.NoSuchAlgorithmException;
import java.security.SecureRandom;
import java.time.Duration;
import java.time.Instant;
import java.util.HexFormat;
import java.util.Map;
import java.util.Locale;

/**
 * The reporter's tracking codes: {@code LS-} and 12 characters of a 32-letter alphabet without look-alikes (60 bits
 * from a SecureRandom, so codes cannot be guessed or enumerated); only their SHA-256 is stored. A look-up answers the
 * status and nothing else, the same "unknown code" for a code that never existed and a mistyped one, and each code
 * can be looked up a limited number of times per period (on top of the gateway's limit per address).
 */
@Component
class TrackingCodes {

    /** What the reporter sees: the status and when it changed, in their language; nothing about the child. */
    record Tracking(ReportStatus status, String statusText, Instant updatedAt) {
    }

    private static final SecureRandom RANDOM = new SecureRandom();
    private static final String ALPHABET = "ABCDEFGHJKLMNPQRSTUVWXYZ23456789";
    private static final int LENGTH = 12;

    private final MongoTemplate mongo;
    private final MessageSource messages;
    private final Cache<String, Bucket> lookups = Caffeine.newBuilder().maximumSize(100_000).expireAfterAccess(Duration.ofHours(1)).build();
    private final long lookupsPerCode;
    private final Duration period;

    TrackingCodes(MongoTemplate mongo, MessageSource messages,
                  @Value("${amk.reports.tracking.lookups-per-code:20}") long lookupsPerCode,
                  @Value("${amk.reports.tracking.period:1h}") Duration period) {
        this.mongo = mongo;
        this.messages = messages;
        this.lookupsPerCode = lookupsPerCode;
        this.period = period;
    }

    String newCode() {
        StringBuilder code = new StringBuilder("LS-");
        for (int i = 0; i < LENGTH; i++) {
            code.append(ALPHABET.charAt(RANDOM.nextInt(ALPHABET.length())));
        }
        return code.toString();
    }

    String hash(String trackingCode) {
        try {
            return HexFormat.of().formatHex(MessageDigest.getInstance("SHA-256").digest(trackingCode.getBytes(StandardCharsets.UTF_8)));
        } catch (NoSuchAlgorithmException e) {
            throw new IllegalStateException(e);
        }
    }

    Tracking track(String trackingCode) {
        String normalized = trackingCode == null ? "" : trackingCode.trim().toUpperCase(Locale.ROOT).replace(" ", "");
        if (!normalized.startsWith("LS-") && !normalized.isEmpty()) {
            normalized = "LS-" + normalized;
        }
        String hash = hash(normalized);
        if (!lookups.get(hash, k -> Bucket.builder().addLimit(Bandwidth.builder().capacity(lookupsPerCode)
                .refillGreedy(lookupsPerCode, period).build()).build()).tryConsume(1)) {
            throw new ProblemException(HttpStatus.TOO_MANY_REQUESTS, "rate-limited", Map.of());
        }
        Document report = normalized.length() > 40 ? null
                : mongo.findOne(Query.query(Criteria.where("trackingHash").is(hash)), Document.class, ReportView.COLLECTION);
        if (report == null) {
            throw new ProblemException(HttpStatus.NOT_FOUND, "report.tracking-unknown", Map.of());
        }
        ReportStatus status = ReportStatus.valueOf(report.getString("status"));
        return new Tracking(status, messages.getMessage("report.status." + status.name(), null, status.name(), LocaleContextHolder.getLocale()),
                report.getDate("updatedAt").toInstant());
    }
}
