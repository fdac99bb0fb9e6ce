package id.amk.cases.casefile.web;

import com.fasterxml.jackson.databind.JsonNode;
import id.amk.cases.CaseServiceApplication;
import id.amk.platform.test.AmkTest;
import id.amk.platform.test.ApiClient;
import id.amk.platform.test.TestJwtIssuer;
import org.bson.Document;
import org.junit.jupiter.api.Test;
import org.springframework.beans.factory.annotation.Autowired;
import org.springframework.boot.builder.SpringApplicationBuilder;
import org.springframework.boot.test.context.SpringBootTest;
import org.springframework.boot.test.web.server.LocalServerPort;
import org.springframework.boot.web.context.WebServerApplicationContext;
import org.springframework.context.ConfigurableApplicationContext;
import org.springframework.data.domain.Sort;
import org.springframework.data.mongodb.core.MongoTemplate;
import org.springframework.data.mongodb.core.query.Criteria;
import org.springframework.data.mongodb.core.query.Query;
import org.springframework.data.mongodb.core.query.Update;

import java.net.http.HttpResponse;
import java.time.Duration;
import java.util.ArrayList;
import java.util.Date;
import java.util.List;
import java.util.Map;
import java.util.UUID;
import java.util.concurrent.Callable;
import java.util.concurrent.ExecutorService;
import java.util.concurrent.Executors;
import java.util.concurrent.Future;

import static id.amk.platform.test.ApiClient.json;
import static org.assertj.core.api.Assertions.assertThat;
import static org.awaitility.Awaitility.await;

/**
 * Idempotency-Key on case-service's writes, through HTTP with real tokens: a retry acts once and answers the first
 * answer, another request with the key is refused, many at once act once, a second instance on the same database (a
 * restart) knows the key, and an attempt that acted and died before answering is not acted on twice.
 */
@AmkTest
@SpringBootTest(webEnvironment = SpringBootTest.WebEnvironment.RANDOM_PORT)
class IdempotencyKeyTest {

    private static final TestJwtIssuer TOKENS = TestJwtIssuer.get();
    private static final String WORKER = TOKENS.userToken("peksos.idempotency", List.of("PEKSOS"), List.of("32.73"), null);
    private static final String REGISTER = """
            {"regionCode":"32.73.01","child":{"name":"Dewi Kunci Ulang","birthDate":"2016-03-01","sex":"F"},
             "clusters":["VIOLENCE_VICTIM"],"riskLevel":"MEDIUM","source":"WALK_IN","consent":true}
            """;

    @LocalServerPort
    int port;

    @Autowired
    MongoTemplate mongo;

    @Test
    void a_registration_sent_twice_with_one_key_registers_one_case_and_answers_the_same() throws Exception {
        ApiClient api = new ApiClient(port);
        String worker = TOKENS.userToken("peksos.idempotency.register", List.of("PEKSOS"), List.of("32.73"), null);
        String key = UUID.randomUUID().toString();
        HttpResponse<String> first = api.send("POST", "/api/cases", worker, null, REGISTER, Map.of("Idempotency-Key", key));
        HttpResponse<String> again = api.send("POST", "/api/cases", worker, null, REGISTER, Map.of("Idempotency-Key", key));
        assertThat(first.statusCode()).as(first.body()).isEqualTo(201);
        assertThat(again.statusCode()).isEqualTo(201);
        assertThat(again.body()).isEqualTo(first.body());
        assertThat(again.headers().firstValue("ETag")).isEqualTo(first.headers().firstValue("ETag"));
        assertThat(again.headers().firstValue("Location")).isEqualTo(first.headers().firstValue("Location"));
        assertThat(again.headers().firstValue("Idempotent-Replayed")).hasValue("true");
        assertThat(first.headers().firstValue("Idempotent-Replayed")).isEmpty();

        // the same key with another request: refused, nothing registered
        HttpResponse<String> other = api.send("POST", "/api/cases", worker, null, REGISTER.replace("MEDIUM", "HIGH"),
                Map.of("Idempotency-Key", key, "Accept-Language", "id"));
        assertThat(other.statusCode()).isEqualTo(422);
        assertThat(other.headers().firstValue("Content-Type").orElseThrow()).startsWith("application/problem+json");
        assertThat(json(other).path("type").asText()).isEqualTo("urn:amk:problem:idempotency.key-reused");
        assertThat(json(other).path("title").asText()).isEqualTo("Idempotency-Key sudah dipakai untuk permintaan lain");

        // a key that cannot be unguessable
        assertThat(api.send("POST", "/api/cases", worker, null, REGISTER, Map.of("Idempotency-Key", "1")).statusCode()).isEqualTo(400);

        // the same key of another caller is another key
        String colleague = TOKENS.userToken("peksos.idempotency.2", List.of("PEKSOS"), List.of("32.73"), null);
        HttpResponse<String> theirs = api.send("POST", "/api/cases", colleague, null, REGISTER, Map.of("Idempotency-Key", key));
        assertThat(theirs.statusCode()).isEqualTo(201);
        assertThat(json(theirs).path("caseId").asText()).isNotEqualTo(json(first).path("caseId").asText());

        // a case registered after them, under a fresh key: once it is in the caseload view, any duplicate before it is too
        String marker = json(api.send("POST", "/api/cases", worker, null, REGISTER, Map.of("Idempotency-Key", UUID.randomUUID().toString())))
                .path("caseId").asText();
        Query mine = Query.query(Criteria.where("assignedWorker").is("peksos.idempotency.register"));
        await().atMost(Duration.ofSeconds(20)).until(() -> mongo.exists(Query.query(Criteria.where("_id").is(marker)), "case_summaries"));
        assertThat(mongo.find(mine, Document.class, "case_summaries")).extracting(d -> d.getString("_id"))
                .containsExactlyInAnyOrder(json(first).path("caseId").asText(), marker);
    }

    @Test
    void a_note_retried_with_one_key_is_one_note_and_the_answer_holds_in_another_instance_and_after_a_crash() throws Exception {
        ApiClient api = new ApiClient(port);
        String caseId = json(api.send("POST", "/api/cases", WORKER, null, REGISTER, Map.of())).path("caseId").asText();
        String key = UUID.randomUUID().toString();
        String note = "{\"note\":\"kunjungan rumah, anak sehat\"}";
        HttpResponse<String> first = api.send("POST", "/api/cases/" + caseId + "/notes", WORKER, "\"0\"", note, Map.of("Idempotency-Key", key));
        assertThat(first.statusCode()).as(first.body()).isEqualTo(200);
        assertThat(first.headers().firstValue("ETag")).hasValue("\"1\"");

        // the answer was lost: the client sends the same again, on the version it saw (which has moved on meanwhile)
        HttpResponse<String> again = api.send("POST", "/api/cases/" + caseId + "/notes", WORKER, "\"0\"", note, Map.of("Idempotency-Key", key));
        assertThat(again.statusCode()).isEqualTo(200);
        assertThat(again.body()).isEqualTo(first.body());
        assertThat(again.headers().firstValue("ETag")).hasValue("\"1\"");
        // without the key the same request is a stale write
        assertThat(api.send("POST", "/api/cases/" + caseId + "/notes", WORKER, "\"0\"", note, Map.of()).statusCode()).isEqualTo(412);

        // a second instance of case-service on the same database (a restart, or a second replica) knows the key
        try (ConfigurableApplicationContext second = new SpringApplicationBuilder(CaseServiceApplication.class)
                .run("--server.port=0", "--spring.kafka.consumer.group-id=idempotency-second-instance")) { // arguments: application.yml names a port
            int secondPort = ((WebServerApplicationContext) second).getWebServer().getPort();
            HttpResponse<String> there = new ApiClient(secondPort).send("POST", "/api/cases/" + caseId + "/notes", WORKER, "\"0\"", note,
                    Map.of("Idempotency-Key", key));
            assertThat(there.statusCode()).isEqualTo(200);
            assertThat(there.body()).isEqualTo(first.body());
            assertThat(there.headers().firstValue("Idempotent-Replayed")).hasValue("true");
        }

        // the instance that acted died before it could record its answer: the retry takes over, finds the note in the
        // event store under the key, and does not add it again
        Document record = mongo.findOne(new Query().with(Sort.by(Sort.Direction.DESC, "createdAt")).limit(1), Document.class, "idempotency_keys");
        mongo.updateFirst(Query.query(Criteria.where("_id").is(record.getString("_id"))),
                new Update().set("state", "ACTING").set("leaseUntil", new Date(0)).unset("answer"), "idempotency_keys");
        HttpResponse<String> retake = api.send("POST", "/api/cases/" + caseId + "/notes", WORKER, "\"0\"", note, Map.of("Idempotency-Key", key));
        assertThat(retake.statusCode()).as(retake.body()).isEqualTo(200);
        assertThat(retake.headers().firstValue("ETag")).hasValue("\"1\"");
        assertThat(notes(api, caseId)).isEqualTo(1);
    }

    @Test
    void fifty_requests_at_once_with_one_key_act_once_and_all_get_the_first_answer() throws Exception {
        ApiClient api = new ApiClient(port);
        String caseId = json(api.send("POST", "/api/cases", WORKER, null, REGISTER, Map.of())).path("caseId").asText();
        String key = UUID.randomUUID().toString();
        ExecutorService pool = Executors.newFixedThreadPool(50);
        try {
            List<Callable<HttpResponse<String>>> sends = new ArrayList<>();
            for (int i = 0; i < 50; i++) {
                sends.add(() -> api.send("POST", "/api/cases/" + caseId + "/notes", WORKER, "\"0\"", "{\"note\":\"serentak\"}",
                        Map.of("Idempotency-Key", key)));
            }
            List<HttpResponse<String>> answers = new ArrayList<>();
            for (Future<HttpResponse<String>> answer : pool.invokeAll(sends)) {
                answers.add(answer.get());
            }
            assertThat(answers).extracting(HttpResponse::statusCode).containsOnly(200);
            assertThat(answers).extracting(HttpResponse::body).containsOnly(answers.get(0).body());
            assertThat(answers).filteredOn(a -> a.headers().firstValue("Idempotent-Replayed").isEmpty()).hasSize(1);
        } finally {
            pool.shutdownNow();
        }
        assertThat(notes(api, caseId)).isEqualTo(1);
    }

    @Test
    void a_registration_that_died_before_it_answered_is_not_registered_again() throws Exception {
        ApiClient api = new ApiClient(port);
        String key = UUID.randomUUID().toString();
        HttpResponse<String> first = api.send("POST", "/api/cases", WORKER, null, REGISTER, Map.of("Idempotency-Key", key));
        Document record = mongo.findOne(new Query().with(Sort.by(Sort.Direction.DESC, "createdAt")).limit(1), Document.class, "idempotency_keys");
        mongo.updateFirst(Query.query(Criteria.where("_id").is(record.getString("_id"))),
                new Update().set("state", "ACTING").set("leaseUntil", new Date(0)).unset("answer"), "idempotency_keys");
        HttpResponse<String> retake = api.send("POST", "/api/cases", WORKER, null, REGISTER, Map.of("Idempotency-Key", key));
        assertThat(retake.statusCode()).as(retake.body()).isEqualTo(201);
        assertThat(json(retake).path("caseId").asText()).isEqualTo(json(first).path("caseId").asText());
        assertThat(json(retake).path("caseNumber").asText()).isEqualTo(json(first).path("caseNumber").asText());
        assertThat(json(api.send("GET", "/api/cases/" + json(first).path("caseId").asText() + "/history", WORKER, null, null)).size())
                .isEqualTo(1);
    }

    private static int notes(ApiClient api, String caseId) throws Exception {
        int count = 0;
        for (JsonNode entry : json(api.send("GET", "/api/cases/" + caseId + "/history", WORKER, null, null))) {
            count += entry.path("type").asText().equals("ProgressNoteAdded") ? 1 : 0;
        }
        return count;
    }
}
