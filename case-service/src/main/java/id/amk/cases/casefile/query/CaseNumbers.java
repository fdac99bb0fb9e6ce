package id.amk.cases.casefile.query;

import org.bson.Document;
import org.springframework.data.mongodb.core.FindAndModifyOptions;
import org.springframework.data.mongodb.core.MongoTemplate;
import org.springframework.data.mongodb.core.query.Criteria;
import org.springframework.data.mongodb.core.query.Query;
import org.springframework.data.mongodb.core.query.Update;
import org.springframework.stereotype.Component;

import java.time.Clock;
import java.time.LocalDate;
import java.time.ZoneId;

/**
 * Human-readable case numbers, unique per regency and year: {@code AMK-3273-2026-000042}. One counter
 * document per regency and year, incremented atomically (a single-document update needs no transaction).
 */
@Component
public class CaseNumbers {

    private static final ZoneId WIB = ZoneId.of("Asia/Jakarta");

    private final MongoTemplate mongo;
    private final Clock clock;

    public CaseNumbers(MongoTemplate mongo, Clock clock) {
        this.mongo = mongo;
        this.clock = clock;
    }

    public String next(String regionCode) {
        String regency = regionCode.substring(0, 5).replace(".", "");
        int year = LocalDate.ofInstant(clock.instant(), WIB).getYear();
        String key = regency + "-" + year;
        Document counter = mongo.findAndModify(Query.query(Criteria.where("_id").is(key)), new Update().inc("seq", 1),
                FindAndModifyOptions.options().upsert(true).returnNew(true), Document.class, "case_numbers");
        return "AMK-%s-%d-%06d".formatted(regency, year, counter.get("seq", Number.class).longValue());
    }
}
