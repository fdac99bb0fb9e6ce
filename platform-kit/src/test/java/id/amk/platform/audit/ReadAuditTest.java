package id.amk.platform.audit;

import com.mongodb.client.MongoClients;
import de.bwaldvogel.mongo.MongoServer;
import de.bwaldvogel.mongo.backend.memory.MemoryBackend;
import id.amk.platform.security.AmkCaller;
import org.bson.Document;
import org.junit.jupiter.api.AfterEach;
import org.junit.jupiter.api.BeforeEach;
import org.junit.jupiter.api.Test;
import org.springframework.data.mongodb.core.MongoTemplate;
import org.springframework.data.mongodb.core.query.Criteria;
import org.springframework.data.mongodb.core.query.Query;
import org.springframework.data.mongodb.core.query.Update;

import java.time.Clock;
import java.util.ArrayList;
import java.util.List;
import java.util.Set;
import java.util.concurrent.ExecutorService;
import java.util.concurrent.Executors;
import java.util.concurrent.Future;

import static org.assertj.core.api.Assertions.assertThat;

class ReadAuditTest {

    private static final AmkCaller WORKER = new AmkCaller("peksos.bandung", Set.of("PEKSOS"), List.of("32.73"), null, Set.of());
    private static final AmkCaller SUPERVISOR = new AmkCaller("supervisor.jabar", Set.of("SUPERVISOR"), List.of("32"), null, Set.of());

    private MongoServer server;
    private MongoTemplate mongo;
    private ReadAudit audit;

    @BeforeEach
    void start() {
        server = new MongoServer(new MemoryBackend());
        var address = server.bind();
        mongo = new MongoTemplate(MongoClients.create("mongodb://" + address.getHostString() + ":" + address.getPort()), "audit");
        audit = new ReadAudit(mongo, Clock.systemUTC());
        for (int i = 1; i <= 5; i++) {
            audit.record(i % 2 == 0 ? SUPERVISOR : WORKER, new ReadAudit.Read("case", "case-" + i, "32.73.01", 1, i == 3 ? "court order 12/2026" : null));
        }
    }

    @AfterEach
    void stop() {
        server.shutdownNow();
    }

    @Test
    void an_untouched_chain_verifies_and_holds_who_what_where_and_why_but_no_data() {
        assertThat(audit.verify()).isEqualTo(new ReadAudit.Verification(5, true, null, null));
        ReadAudit.Entry third = audit.entries(null, "case-3", null, 10).get(0);
        assertThat(third.reader()).isEqualTo("peksos.bandung");
        assertThat(third.purpose()).isEqualTo("court order 12/2026");
        assertThat(third.previousHash()).isEqualTo(audit.entries(null, "case-2", null, 10).get(0).hash());
        assertThat(audit.entries(List.of("32"), null, null, 10)).hasSize(5);
        assertThat(audit.entries(List.of("31"), null, null, 10)).isEmpty();
    }

    @Test
    void changing_one_entry_is_found_at_that_entry() {
        mongo.updateFirst(Query.query(Criteria.where("_id").is(3L)), new Update().set("reader", "someone.else"), ReadAudit.COLLECTION);
        ReadAudit.Verification verification = audit.verify();
        assertThat(verification.intact()).isFalse();
        assertThat(verification.firstBrokenSeq()).isEqualTo(3L);
        assertThat(verification.problem()).contains("changed");
    }

    @Test
    void removing_an_entry_is_found_at_the_gap() {
        mongo.remove(Query.query(Criteria.where("_id").is(2L)), ReadAudit.COLLECTION);
        assertThat(audit.verify().firstBrokenSeq()).isEqualTo(2L);
        assertThat(audit.verify().problem()).contains("missing");
    }

    @Test
    void rewriting_an_entry_with_a_fresh_hash_is_found_at_the_next_one() {
        // a forger who recomputes the changed entry's own hash still breaks the link to the next one
        Document fourth = mongo.findById(4L, Document.class, ReadAudit.COLLECTION);
        ReadAudit.Entry forged = ReadAudit.withHash(new ReadAudit.Entry(4, "someone.else", List.of("SUPERVISOR"), "case", "case-4", "32.73.01", 1,
                null, fourth.getDate("at").toInstant(), null, fourth.getString("previousHash"), null));
        mongo.updateFirst(Query.query(Criteria.where("_id").is(4L)), new Update().set("reader", forged.reader()).set("hash", forged.hash())
                .set("correlationId", null), ReadAudit.COLLECTION);
        ReadAudit.Verification verification = audit.verify();
        assertThat(verification.firstBrokenSeq()).isEqualTo(5L);
        assertThat(verification.problem()).contains("does not follow");
    }

    @Test
    void writers_at_once_make_one_unbroken_chain() throws Exception {
        ReadAudit second = new ReadAudit(mongo, Clock.systemUTC()); // another instance of the service
        ExecutorService pool = Executors.newFixedThreadPool(8);
        List<Future<?>> writes = new ArrayList<>();
        for (int i = 0; i < 200; i++) {
            ReadAudit writer = i % 2 == 0 ? audit : second;
            int n = i;
            writes.add(pool.submit(() -> writer.record(WORKER, new ReadAudit.Read("caseload", null, "32.73", n))));
        }
        for (Future<?> write : writes) {
            write.get();
        }
        pool.shutdown();
        assertThat(audit.verify()).isEqualTo(new ReadAudit.Verification(205, true, null, null));
    }
}
