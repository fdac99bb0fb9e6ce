package id.amk.platform.audit;

import id.amk.platform.correlation.CorrelationId;
import id.amk.platform.security.AmkCaller;
import org.bson.Document;
import org.springframework.dao.DuplicateKeyException;
import org.springframework.data.domain.Sort;
import org.springframework.data.mongodb.core.MongoTemplate;
import org.springframework.data.mongodb.core.query.Criteria;
import org.springframework.data.mongodb.core.query.Query;

import java.nio.charset.StandardCharsets;
import java.security.MessageDigest;
import java.security.NoSuchAlgorithmException;
import java.time.Clock;
import java.time.Instant;
import java.util.ArrayList;
import java.util.Date;
import java.util.HexFormat;
import java.util.List;

/**
 * Who read personal data, when, what and why — never the data read: one append-only, tamper-evident log per service
 * ({@code read_audit}). Each entry carries the hash of the one before it and its own (SHA-256 over both), numbered without
 * gaps, so changing, removing or inserting an entry anywhere breaks the chain from there on ({@link #verify}). Entries
 * are numbered by the database (a unique {@code _id}), so several instances of a service write one chain.
 */
public class ReadAudit {

    public static final String COLLECTION = "read_audit";
    static final String GENESIS = "0".repeat(64);

    private final MongoTemplate mongo;
    private final Clock clock;

    public ReadAudit(MongoTemplate mongo, Clock clock) {
        this.mongo = mongo;
        this.clock = clock;
    }

    /**
     * A read of personal data. {@code kind}: what was read ({@code case}, {@code case.history}, {@code caseload},
     * {@code report}, ...); {@code subjectId}: whose (a case or report id; null for a list); {@code regionCode}: the
     * region of what was read (a list: the region it was narrowed to, or the reader's), for supervisors' view of their
     * province; {@code count}: how many records a list returned; {@code purpose}: why, when the reader said (the
     * request's {@code X-Purpose} header unless given).
     */
    public record Read(String kind, String subjectId, String regionCode, int count, String purpose) {

        public Read(String kind, String subjectId, String regionCode, int count) {
            this(kind, subjectId, regionCode, count, purposeOfTheRequest());
        }
    }

    /** The header a reader states why in (e.g. for an ABH case, SPPA art. 19): kept with the entry. */
    public static final String PURPOSE_HEADER = "X-Purpose";

    /**
     * The purpose the current request states ({@value #PURPOSE_HEADER}); null without one. A header carries Latin-1 only:
     * a purpose in other characters comes percent-encoded (UTF-8), as the web app sends every purpose.
     */
    public static String purposeOfTheRequest() {
        if (org.springframework.web.context.request.RequestContextHolder.getRequestAttributes()
                instanceof org.springframework.web.context.request.ServletRequestAttributes request) {
            String value = request.getRequest().getHeader(PURPOSE_HEADER);
            if (value == null || value.isBlank()) {
                return null;
            }
            try {
                return java.net.URLDecoder.decode(value.replace("+", "%2B"), java.nio.charset.StandardCharsets.UTF_8).strip();
            } catch (IllegalArgumentException notEncoded) {
                return value.strip();
            }
        }
        return null;
    }

    public record Entry(long seq, String reader, List<String> roles, String kind, String subjectId, String regionCode, int count,
                        String purpose, Instant at, String correlationId, String previousHash, String hash) {
    }

    public record Verification(long entries, boolean intact, Long firstBrokenSeq, String problem) {
    }

    public synchronized void record(AmkCaller reader, Read read) {
        for (int attempt = 0; ; attempt++) {
            Document head = mongo.findOne(new Query().with(Sort.by(Sort.Direction.DESC, "_id")).limit(1), Document.class, COLLECTION);
            long seq = head == null ? 1 : ((Number) head.get("_id")).longValue() + 1;
            String previous = head == null ? GENESIS : head.getString("hash");
            Entry entry = new Entry(seq, reader.subject(), List.copyOf(new java.util.TreeSet<>(reader.roles())), read.kind(),
                    read.subjectId(), read.regionCode(), read.count(), blankToNull(read.purpose()),
                    clock.instant().truncatedTo(java.time.temporal.ChronoUnit.MILLIS), CorrelationId.current(), previous, null);
            Entry hashed = withHash(entry);
            try {
                mongo.insert(toDocument(hashed), COLLECTION);
                return;
            } catch (DuplicateKeyException another) {
                if (attempt > 50) {
                    throw new IllegalStateException("the read audit could not be appended to", another);
                }
                // another writer took this number: read the new head and chain after it
            }
        }
    }

    /** The entries of a region (a province covers its regencies; null: all), newest first. */
    public List<Entry> entries(List<String> regionPrefixes, String subjectId, String reader, int limit) {
        List<Criteria> filters = new ArrayList<>();
        if (regionPrefixes != null) {
            filters.add(new Criteria().orOperator(regionPrefixes.stream()
                    .map(region -> Criteria.where("regionCode").regex("^" + java.util.regex.Pattern.quote(region) + "(\\.|$)")).toList()));
        }
        if (subjectId != null) {
            filters.add(Criteria.where("subjectId").is(subjectId));
        }
        if (reader != null) {
            filters.add(Criteria.where("reader").is(reader));
        }
        Query query = filters.isEmpty() ? new Query() : Query.query(new Criteria().andOperator(filters));
        return mongo.find(query.with(Sort.by(Sort.Direction.DESC, "_id")).limit(limit), Document.class, COLLECTION).stream()
                .map(ReadAudit::fromDocument).toList();
    }

    /** Walks the whole chain from the first entry: every number present, every hash recomputed and linked. */
    public Verification verify() {
        long expected = 1;
        String previous = GENESIS;
        try (java.util.stream.Stream<Document> all = mongo.stream(new Query().with(Sort.by(Sort.Direction.ASC, "_id")), Document.class,
                COLLECTION)) {
            for (java.util.Iterator<Document> it = all.iterator(); it.hasNext(); ) {
            Entry entry = fromDocument(it.next());
            if (entry.seq() != expected) {
                return new Verification(expected - 1, false, expected, "entry " + expected + " is missing");
            }
            if (!previous.equals(entry.previousHash())) {
                return new Verification(expected - 1, false, entry.seq(), "entry " + entry.seq() + " does not follow the one before it");
            }
            if (!withHash(entry).hash().equals(entry.hash())) {
                return new Verification(expected - 1, false, entry.seq(), "entry " + entry.seq() + " was changed after it was written");
            }
            previous = entry.hash();
            expected++;
            }
        }
        return new Verification(expected - 1, true, null, null);
    }

    static Entry withHash(Entry e) {
        String canonical = String.join("\u001f", Long.toString(e.seq()), nz(e.reader()), String.join(",", e.roles()), nz(e.kind()),
                nz(e.subjectId()), nz(e.regionCode()), Integer.toString(e.count()), nz(e.purpose()), e.at().toString(),
                nz(e.correlationId()), e.previousHash());
        try {
            byte[] digest = MessageDigest.getInstance("SHA-256").digest(canonical.getBytes(StandardCharsets.UTF_8));
            return new Entry(e.seq(), e.reader(), e.roles(), e.kind(), e.subjectId(), e.regionCode(), e.count(), e.purpose(), e.at(),
                    e.correlationId(), e.previousHash(), HexFormat.of().formatHex(digest));
        } catch (NoSuchAlgorithmException impossible) {
            throw new IllegalStateException(impossible);
        }
    }

    private static Document toDocument(Entry e) {
        return new Document("_id", e.seq()).append("reader", e.reader()).append("roles", e.roles()).append("kind", e.kind())
                .append("subjectId", e.subjectId()).append("regionCode", e.regionCode()).append("count", e.count())
                .append("purpose", e.purpose()).append("at", Date.from(e.at())).append("correlationId", e.correlationId())
                .append("previousHash", e.previousHash()).append("hash", e.hash());
    }

    private static Entry fromDocument(Document d) {
        return new Entry(((Number) d.get("_id")).longValue(), d.getString("reader"), d.getList("roles", String.class, List.of()),
                d.getString("kind"), d.getString("subjectId"), d.getString("regionCode"), d.getInteger("count", 0), d.getString("purpose"),
                d.getDate("at").toInstant(), d.getString("correlationId"), d.getString("previousHash"), d.getString("hash"));
    }

    private static String nz(String value) {
        return value == null ? "" : value;
    }

    /** A purpose is a short statement of why (a court order's number, "supervision"): at most 200 characters kept. */
    private static String blankToNull(String value) {
        if (value == null || value.isBlank()) {
            return null;
        }
        String purpose = value.strip();
        return purpose.length() > 200 ? purpose.substring(0, 200) : purpose;
    }
}
