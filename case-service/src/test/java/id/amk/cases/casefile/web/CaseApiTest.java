package id.amk.cases.casefile.web;

import com.fasterxml.jackson.databind.JsonNode;
import com.fasterxml.jackson.databind.ObjectMapper;
import id.amk.contracts.ContractValidator;
import id.amk.contracts.EventCatalog;
import id.amk.contracts.Topics;
import id.amk.contracts.identity.UserRegistered;
import id.amk.contracts.referral.ReferralStatusChanged;
import id.amk.contracts.referral.ReferralSessionDelivered;
import id.amk.platform.relay.CloudEventRecords;
import id.amk.platform.test.AmkInfra;
import id.amk.platform.test.ApiClient;
import id.amk.platform.test.AmkTest;
import id.amk.platform.test.TestJwtIssuer;
import id.amk.platform.test.TopicReader;
import org.apache.kafka.clients.consumer.ConsumerRecord;
import org.apache.kafka.clients.producer.KafkaProducer;
import org.apache.kafka.common.serialization.ByteArraySerializer;
import org.apache.kafka.common.serialization.StringSerializer;
import org.bson.Document;
import org.junit.jupiter.api.Test;
import org.springframework.beans.factory.annotation.Autowired;
import org.springframework.boot.test.context.SpringBootTest;
import org.springframework.boot.test.web.server.LocalServerPort;
import org.springframework.data.mongodb.core.MongoTemplate;
import org.springframework.data.mongodb.core.query.Criteria;
import org.springframework.data.mongodb.core.query.Query;

import java.net.http.HttpResponse;
import java.nio.charset.StandardCharsets;
import java.time.Duration;
import java.time.LocalDate;
import java.time.Instant;
import java.util.ArrayList;
import java.util.List;
import java.util.Map;
import java.util.UUID;

import static org.assertj.core.api.Assertions.assertThat;
import static org.awaitility.Awaitility.await;

/** A case from registration to follow-up through HTTP with real tokens, on the embedded broker and Mongo server. */
@AmkTest
@SpringBootTest(webEnvironment = SpringBootTest.WebEnvironment.RANDOM_PORT)
class CaseApiTest {

    private static final ObjectMapper JSON = new ObjectMapper().findAndRegisterModules()
            .disable(com.fasterxml.jackson.databind.SerializationFeature.WRITE_DATES_AS_TIMESTAMPS); // instants as the contracts write them
    private static final TestJwtIssuer TOKENS = TestJwtIssuer.get();
    private static final String WORKER = TOKENS.userToken("peksos.bandung", List.of("PEKSOS"), List.of("32.73"), null);
    private static final String CHILD_NAME = "Siti Aminah Testcase";
    private static final String NIK = "3273014507150003";

    @LocalServerPort
    int port;

    @Autowired
    MongoTemplate mongo;

    @Autowired
    id.amk.cases.search.ChildSearch childSearch;

    private String registerBody(String nik) {
        return """
                {"regionCode":"32.73.01","child":{"name":"%s","nik":"%s","birthDate":"2015-07-05","sex":"F",
                 "address":"Jl. Merdeka 1","guardianName":"Ibu Aminah","guardianPhone":"081200000000"},
                 "clusters":["VIOLENCE_VICTIM"],"riskLevel":"HIGH","source":"WALK_IN","consent":true}
                """.formatted(CHILD_NAME, nik);
    }

    @Test
    void a_case_goes_from_registration_to_closure_and_follow_up_with_history_as_of_and_public_events() throws Exception {
        HttpResponse<String> created = send("POST", "/api/cases", WORKER, null, registerBody(NIK));
        assertThat(created.statusCode()).as(created.body()).isEqualTo(201);
        String caseId = json(created).path("caseId").asText();
        assertThat(json(created).path("caseNumber").asText()).matches("AMK-3273-\\d{4}-\\d{6}");
        assertThat(created.headers().firstValue("ETag")).hasValue("\"0\"");

        HttpResponse<String> detail = send("GET", "/api/cases/" + caseId, WORKER, null, null);
        assertThat(json(detail).path("stage").asText()).isEqualTo("REGISTERED");
        assertThat(json(detail).path("child").path("name").asText()).isEqualTo(CHILD_NAME);
        assertThat(json(detail).path("assignedWorker").asText()).isEqualTo("peksos.bandung");

        // a skipped stage: assessment before first contact
        HttpResponse<String> skipped = send("POST", "/api/cases/" + caseId + "/assessment", WORKER, "\"0\"",
                "{\"needs\":[\"safe housing\"]}", "id");
        assertThat(skipped.statusCode()).isEqualTo(409);
        assertThat(json(skipped).path("type").asText()).isEqualTo("urn:amk:problem:case.stage-order");
        assertThat(json(skipped).path("title").asText()).isEqualTo("Tahapan tidak boleh dilompati");

        assertThat(send("POST", "/api/cases/" + caseId + "/first-contact", WORKER, null, "{\"contactedAt\":\"" + Instant.now() + "\"}")
                .statusCode()).isEqualTo(428);
        HttpResponse<String> contacted = send("POST", "/api/cases/" + caseId + "/first-contact", WORKER, "\"0\"",
                "{\"contactedAt\":\"" + Instant.now().minusSeconds(60) + "\",\"note\":\"home visit\"}");
        assertThat(contacted.statusCode()).as(contacted.body()).isEqualTo(200);
        assertThat(contacted.headers().firstValue("ETag")).hasValue("\"1\"");

        HttpResponse<String> stale = send("POST", "/api/cases/" + caseId + "/notes", WORKER, "\"0\"", "{\"note\":\"late\"}");
        assertThat(stale.statusCode()).isEqualTo(412);
        assertThat(json(stale).path("type").asText()).isEqualTo("urn:amk:problem:stale-version");

        Instant beforeAssessment = Instant.now();
        String version = step(caseId, "assessment", "\"1\"", "{\"needs\":[\"safe housing\"],\"risks\":[\"abuser at home\"],"
                + "\"recommendedComponents\":[\"THERAPY\",\"FAMILY_SUPPORT\"],\"riskLevel\":\"HIGH\"}");
        version = step(caseId, "plan", version, "{\"goals\":[\"child safe\"],\"actions\":[{\"description\":\"refer to Sentra\","
                + "\"due\":\"2027-01-15\",\"responsible\":\"peksos.bandung\"}]}");
        version = step(caseId, "intervention", version, null);
        version = step(caseId, "reintegration", version, "{\"reason\":\"back with family\"}");
        version = step(caseId, "closure", version, "{\"reason\":\"GOALS_MET\",\"outcome\":\"safe at home\"}");
        version = step(caseId, "follow-up-visits", version, "{\"visitedAt\":\"" + Instant.now().minusSeconds(5) + "\",\"note\":\"well\"}");
        assertThat(version).isEqualTo("\"7\"");
        assertThat(json(send("GET", "/api/cases/" + caseId, WORKER, null, null)).path("stage").asText()).isEqualTo("CLOSED");

        JsonNode asOf = json(send("GET", "/api/cases/" + caseId + "?asOf=" + beforeAssessment, WORKER, null, null));
        assertThat(asOf.path("stage").asText()).isEqualTo("REGISTERED");
        assertThat(asOf.path("firstContactAt").isNull()).isFalse();

        JsonNode history = json(send("GET", "/api/cases/" + caseId + "/history", WORKER, null, null));
        List<String> types = new ArrayList<>();
        history.forEach(h -> types.add(h.path("type").asText()));
        assertThat(types).containsExactly("CaseRegistered", "FirstContactRecorded", "CaseAssessed", "CasePlanned", "InterventionStarted",
                "ReintegrationStarted", "CaseClosed", "FollowUpVisitRecorded");
        assertThat(history.get(0).path("actor").asText()).isEqualTo("peksos.bandung");
        assertThat(history.toString()).doesNotContain(CHILD_NAME).doesNotContain(NIK);

        assertThat(mongo.count(Query.query(Criteria.where("subjectId").is(caseId).and("reader").is("peksos.bandung")), "read_audit"))
                .isGreaterThanOrEqualTo(4);

        await().atMost(Duration.ofSeconds(30)).untilAsserted(() -> {
            JsonNode closed = json(send("GET", "/api/cases?stage=CLOSED&cluster=VIOLENCE_VICTIM", WORKER, null, null));
            assertThat(closed.path("items").findValuesAsText("caseId")).contains(caseId);
        });

        // registration, first contact (without its note) and the five stage changes; follow-up visits stay inside case-service
        List<ConsumerRecord<String, byte[]>> published = TopicReader.recordsOf(Topics.CASE_EVENTS, caseId, r -> r.size() >= 7);
        ContractValidator contracts = new ContractValidator();
        for (ConsumerRecord<String, byte[]> record : published) {
            String type = new String(record.headers().lastHeader("ce_type").value(), StandardCharsets.UTF_8);
            String body = new String(record.value(), StandardCharsets.UTF_8);
            assertThat(contracts.validate(EventCatalog.byType(type).orElseThrow(), JSON.readTree(body))).as(type).isEmpty();
            assertThat(body).doesNotContain(CHILD_NAME).doesNotContain(NIK).doesNotContain("Merdeka").doesNotContain("safe at home");
        }
        assertThat(published).extracting(r -> new String(r.headers().lastHeader("ce_type").value(), StandardCharsets.UTF_8))
                .hasSize(7).startsWith("amk.case.CaseRegistered.v1", "amk.case.FirstContactRecorded.v1");
        List<String> stages = new ArrayList<>();
        for (ConsumerRecord<String, byte[]> record : published.subList(2, 7)) {
            stages.add(JSON.readTree(record.value()).path("to").asText());
        }
        assertThat(stages).containsExactly("ASSESSED", "PLANNED", "IN_INTERVENTION", "REINTEGRATION", "CLOSED");
    }

    @Test
    void a_bad_nik_is_refused_naming_the_field_in_both_languages() throws Exception {
        HttpResponse<String> english = send("POST", "/api/cases", WORKER, null, registerBody("32730145071500"), "en");
        assertThat(english.statusCode()).isEqualTo(400);
        assertThat(json(english).path("field").asText()).isEqualTo("child.nik");
        assertThat(json(english).path("title").asText()).isEqualTo("Invalid NIK");
        HttpResponse<String> indonesian = send("POST", "/api/cases", WORKER, null, registerBody("3273019915150003"), "id");
        assertThat(json(indonesian).path("title").asText()).isEqualTo("NIK tidak valid");
        assertThat(indonesian.body()).doesNotContain("3273019915150003");
    }

    @Test
    void people_outside_the_case_scope_learn_nothing_about_it() throws Exception {
        String caseId = json(send("POST", "/api/cases", WORKER, null, registerBody(NIK))).path("caseId").asText();
        String otherRegency = TOKENS.userToken("peksos.jaksel", List.of("PEKSOS"), List.of("31.71"), null);
        String analyst = TOKENS.userToken("analis", List.of("MINISTRY_ANALYST"), List.of(), null);
        String provinceSupervisor = TOKENS.userToken("spv.jabar", List.of("SUPERVISOR"), List.of("32"), null);
        String otherSupervisor = TOKENS.userToken("spv.dki", List.of("SUPERVISOR"), List.of("31"), null);

        HttpResponse<String> foreign = send("GET", "/api/cases/" + caseId, otherRegency, null, null);
        HttpResponse<String> missing = send("GET", "/api/cases/00000000-0000-0000-0000-000000000000", otherRegency, null, null);
        assertThat(foreign.statusCode()).isEqualTo(404).isEqualTo(missing.statusCode());
        assertThat(json(foreign).path("type").asText()).isEqualTo(json(missing).path("type").asText());
        assertThat(send("POST", "/api/cases/" + caseId + "/notes", otherRegency, "\"0\"", "{\"note\":\"x\"}").statusCode()).isEqualTo(404);
        assertThat(send("GET", "/api/cases/" + caseId, analyst, null, null).statusCode()).isEqualTo(404);
        assertThat(send("GET", "/api/cases", analyst, null, null).statusCode()).isEqualTo(403);

        assertThat(send("GET", "/api/cases/" + caseId, provinceSupervisor, null, null).statusCode()).isEqualTo(200);
        await().atMost(Duration.ofSeconds(30)).untilAsserted(() ->
                assertThat(json(send("GET", "/api/cases", provinceSupervisor, null, null)).path("items").findValuesAsText("caseId"))
                        .contains(caseId));
        assertThat(json(send("GET", "/api/cases", otherSupervisor, null, null)).path("items").findValuesAsText("caseId"))
                .doesNotContain(caseId);
        assertThat(mongo.count(Query.query(Criteria.where("subjectId").is(caseId).and("reader").is("peksos.jaksel")), "read_audit"))
                .isZero();
        assertThat(mongo.find(Query.query(Criteria.where("subjectId").is(caseId)), Document.class, "read_audit"))
                .allSatisfy(d -> assertThat(d.getString("reader")).isEqualTo("spv.jabar"));
    }

    @Test
    void a_case_shows_its_referrals_progress_and_refuses_a_worker_of_another_region_from_identity_events() throws Exception {
        String caseId = json(send("POST", "/api/cases", WORKER, null, registerBody(NIK))).path("caseId").asText();
        String referralId = UUID.randomUUID().toString();
        Instant t = Instant.parse("2026-11-06T02:00:00Z");
        try (var producer = new KafkaProducer<String, byte[]>(Map.of(
                "bootstrap.servers", AmkInfra.get().kafkaBootstrapServers()),
                new StringSerializer(), new ByteArraySerializer())) {
            for (var change : List.of(List.of("REQUESTED", t), List.of("ACCEPTED", t.plusSeconds(60)), List.of("REQUESTED", t))) {
                var data = new ReferralStatusChanged(referralId, caseId, "sentra-handayani-jakarta",
                        (String) change.get(0), List.of("THERAPY"), null, (Instant) change.get(1), false, "sentra-handayani-jakarta");
                producer.send(CloudEventRecords.of(ReferralStatusChanged.TYPE,
                        UUID.randomUUID().toString(), "/amk/referral-service", referralId, (Instant) change.get(1),
                        JSON.writeValueAsBytes(data), null)).get();
            }
            var worker = new UserRegistered("u-1", "peksos.jaktim", "Peksos Jakarta Timur", List.of("PEKSOS"),
                    List.of("31.72"), null, true, t);
            producer.send(CloudEventRecords.of(UserRegistered.TYPE,
                    UUID.randomUUID().toString(), "/amk/identity-service", "u-1", t,
                    JSON.writeValueAsBytes(worker), null)).get();
        }
        await().atMost(Duration.ofSeconds(60)).untilAsserted(() -> {
            JsonNode referrals = json(send("GET", "/api/cases/" + caseId, WORKER, null, null)).path("referrals");
            assertThat(referrals).hasSize(1);
            assertThat(referrals.get(0).path("status").asText()).isEqualTo("ACCEPTED");
        });
        await().atMost(Duration.ofSeconds(60)).untilAsserted(() -> {
            HttpResponse<String> assign = send("POST", "/api/cases/" + caseId + "/assignment", WORKER, "\"0\"",
                    "{\"worker\":\"peksos.jaktim\",\"reason\":\"leave\"}");
            assertThat(assign.statusCode()).isEqualTo(400);
            assertThat(json(assign).path("type").asText()).isEqualTo("urn:amk:problem:case.worker-out-of-region");
        });
    }

    /**
     * The case as it stood at an instant is the case as it was seen live at that instant, in every field of the detail:
     * stage, assignment, notes, deadlines, the child, and the referrals with their status and sessions. Each step of a
     * scripted history is read live right after it; afterwards the as-of view at each of those instants must equal it.
     */
    @Test
    void the_case_as_it_stood_at_every_instant_of_its_history_equals_what_was_seen_live_then() throws Exception {
        String supervisor = TOKENS.userToken("supervisor.asof", List.of("SUPERVISOR"), List.of("32"), null);
        try (var producer = producer()) {
            Instant t = Instant.now().minusSeconds(60);
            publish(producer, UserRegistered.TYPE, "u-asof", t, new UserRegistered("u-asof", "peksos.asof", "Peksos", List.of("PEKSOS"),
                    List.of("32.73"), null, true, t));
        }
        await().atMost(Duration.ofSeconds(60)).until(() -> mongo.exists(Query.query(Criteria.where("_id").is("peksos.asof")), "workers"));
        String caseId = json(send("POST", "/api/cases", WORKER, null, registerBody("3273014507150021"))).path("caseId").asText();
        String referralId = UUID.randomUUID().toString();
        List<Instant> instants = new ArrayList<>();
        List<JsonNode> seen = new ArrayList<>();
        int[] referralsExpected = {0};
        int[] sessionsExpected = {0};
        String[] statusExpected = {null};
        Runnable look = () -> {
            try {
                JsonNode live = await().atMost(Duration.ofSeconds(60)).until(() -> json(send("GET", "/api/cases/" + caseId, WORKER, null, null)),
                        d -> d.path("referrals").size() == referralsExpected[0] && (statusExpected[0] == null
                                || statusExpected[0].equals(d.path("referrals").get(0).path("status").asText())
                                && d.path("referrals").get(0).path("sessionsDelivered").asInt() == sessionsExpected[0]));
                seen.add(live);
                // the instant lies strictly after this step's events and before the next step's (millisecond timestamps)
                Thread.sleep(5);
                instants.add(Instant.now());
                Thread.sleep(5);
            } catch (Exception e) {
                throw new IllegalStateException(e);
            }
        };
        look.run();
        String version = step(caseId, "first-contact", "\"0\"", "{\"contactedAt\":\"" + Instant.now().minusSeconds(30) + "\"}");
        look.run();
        try (var producer = producer()) {
            referralsExpected[0] = 1;
            statusExpected[0] = "REQUESTED";
            publish(producer, ReferralStatusChanged.TYPE, referralId, Instant.now(), new ReferralStatusChanged(referralId, caseId,
                    "sentra-handayani-jakarta", "REQUESTED", List.of("THERAPY"), null, Instant.now(), false, "sentra-handayani-jakarta", "GUARDIAN"));
            look.run();
            version = step(caseId, "notes", version, "{\"note\":\"kunjungan rumah\"}");
            statusExpected[0] = "ACCEPTED";
            publish(producer, ReferralStatusChanged.TYPE, referralId, Instant.now(), new ReferralStatusChanged(referralId, caseId,
                    "sentra-handayani-jakarta", "ACCEPTED", List.of("THERAPY"), null, Instant.now(), false, "sentra-handayani-jakarta", "GUARDIAN"));
            look.run();
            HttpResponse<String> assigned = send("POST", "/api/cases/" + caseId + "/assignment", supervisor, version,
                    "{\"worker\":\"peksos.asof\",\"reason\":\"cuti\"}");
            assertThat(assigned.statusCode()).as(assigned.body()).isEqualTo(200);
            version = assigned.headers().firstValue("ETag").orElseThrow();
            sessionsExpected[0] = 1;
            statusExpected[0] = "IN_SERVICE";
            publish(producer, ReferralSessionDelivered.TYPE, referralId, Instant.now(), new ReferralSessionDelivered(referralId, caseId,
                    "sentra-handayani-jakarta", 1, List.of("THERAPY"), Instant.now().minusSeconds(20)));
            publish(producer, ReferralStatusChanged.TYPE, referralId, Instant.now(), new ReferralStatusChanged(referralId, caseId,
                    "sentra-handayani-jakarta", "IN_SERVICE", List.of("THERAPY"), null, Instant.now(), false, "sentra-handayani-jakarta", "GUARDIAN"));
            look.run();
            step(caseId, "assessment", version, "{\"needs\":[\"rumah aman\"],\"risks\":[\"pelaku di rumah\"],"
                    + "\"recommendedComponents\":[\"THERAPY\"],\"riskLevel\":\"HIGH\"}");
            statusExpected[0] = "COMPLETED";
            publish(producer, ReferralStatusChanged.TYPE, referralId, Instant.now(), new ReferralStatusChanged(referralId, caseId,
                    "sentra-handayani-jakarta", "COMPLETED", List.of("THERAPY"), "GOALS_MET", Instant.now(), false, "sentra-handayani-jakarta", "GUARDIAN"));
            look.run();
        }
        assertThat(seen.get(seen.size() - 1).path("stage").asText()).isEqualTo("ASSESSED");
        for (int i = 0; i < instants.size(); i++) {
            JsonNode then = json(send("GET", "/api/cases/" + caseId + "?asOf=" + instants.get(i), WORKER, null, null));
            assertThat(then).as("the case as it stood at step " + i + " (" + instants.get(i) + ")").isEqualTo(seen.get(i));
        }
    }

    /** Every write that names a worker (registration, assignment, transfer) names one identity-service announced, fit for the region. */
    @Test
    void every_worker_a_write_names_is_a_social_worker_identity_service_announced_for_the_region() throws Exception {
        String supervisor = TOKENS.userToken("supervisor.refs", List.of("SUPERVISOR"), List.of("32"), null);
        Instant t = Instant.now().minusSeconds(60);
        try (var producer = producer()) {
            publish(producer, UserRegistered.TYPE, "u-refs-1", t, new UserRegistered("u-refs-1", "peksos.refs.bandung", "Peksos Bandung",
                    List.of("PEKSOS"), List.of("32.73"), null, true, t));
            publish(producer, UserRegistered.TYPE, "u-refs-2", t, new UserRegistered("u-refs-2", "peksos.refs.garut", "Peksos Garut",
                    List.of("PEKSOS"), List.of("32.05"), null, true, t));
            publish(producer, UserRegistered.TYPE, "u-refs-3", t, new UserRegistered("u-refs-3", "supervisor.refs", "Supervisor",
                    List.of("SUPERVISOR"), List.of("32"), null, true, t));
            publish(producer, UserRegistered.TYPE, "u-refs-4", t, new UserRegistered("u-refs-4", "peksos.refs.disabled", "Peksos Nonaktif",
                    List.of("PEKSOS"), List.of("32.73"), null, false, t));
        }
        Query announced = Query.query(Criteria.where("_id").in("peksos.refs.bandung", "peksos.refs.garut", "supervisor.refs", "peksos.refs.disabled"));
        await().atMost(Duration.ofSeconds(60)).until(() -> mongo.count(announced, "workers") == 4);
        String caseId = json(send("POST", "/api/cases", WORKER, null, registerBody("3273014507150011"))).path("caseId").asText();

        Map<String, String> expected = Map.of("ghost.worker.does.not.exist", "case.worker-unknown", "supervisor.refs", "case.worker-not-peksos",
                "peksos.refs.garut", "case.worker-out-of-region", "peksos.refs.disabled", "case.worker-out-of-region");
        for (var worker : expected.entrySet()) {
            String name = worker.getKey();
            Map<String, HttpResponse<String>> answers = Map.of(
                    "assignedWorker", send("POST", "/api/cases", supervisor, null,
                            registerBody("3273014507150012").replace("\"consent\":true", "\"consent\":true,\"assignedWorker\":\"" + name + "\"")),
                    "worker", send("POST", "/api/cases/" + caseId + "/assignment", supervisor, "\"0\"",
                            "{\"worker\":\"" + name + "\",\"reason\":\"cuti\"}"),
                    "toWorker", send("POST", "/api/cases/" + caseId + "/transfer", supervisor, "\"0\"",
                            "{\"toRegionCode\":\"32.73.02\",\"toWorker\":\"" + name + "\",\"reason\":\"pindah\"}"));
            for (var answer : answers.entrySet()) {
                assertThat(answer.getValue().statusCode()).as(name + " as " + answer.getKey()).isEqualTo(400);
                assertThat(json(answer.getValue()).path("type").asText()).as(name + " as " + answer.getKey())
                        .isEqualTo("urn:amk:problem:" + worker.getValue());
                assertThat(json(answer.getValue()).path("field").asText()).isEqualTo(answer.getKey());
            }
        }
        HttpResponse<String> fits = send("POST", "/api/cases/" + caseId + "/assignment", supervisor, "\"0\"",
                "{\"worker\":\"peksos.refs.bandung\",\"reason\":\"cuti\"}");
        assertThat(fits.statusCode()).as(fits.body()).isEqualTo(200);
        assertThat(json(fits).path("assignedWorker").asText()).isEqualTo("peksos.refs.bandung");
    }

    @Test
    void the_provider_reads_the_childs_minimum_details_only_while_the_referral_is_open_and_every_read_is_audited() throws Exception {
        String caseId = json(send("POST", "/api/cases", WORKER, null, registerBody(NIK))).path("caseId").asText();
        String referralId = UUID.randomUUID().toString();
        Instant t = Instant.now().minusSeconds(600);
        String intake = "/api/cases/" + caseId + "/referrals/" + referralId + "/intake";
        String partner = TOKENS.userToken("mitra.handayani", List.of("PARTNER"), List.of("31"), "sentra-handayani-jakarta");
        String otherAgency = TOKENS.userToken("mitra.lain", List.of("PARTNER"), List.of("32.73"), "uptd-ppa-kota-bandung");
        try (var producer = producer()) {
            publish(producer, UserRegistered.TYPE, "u-peksos-bandung", t, new UserRegistered("u-peksos-bandung", "peksos.bandung",
                    "Sakti Peksos Kota Bandung", List.of("PEKSOS"), List.of("32.73"), null, true, t,
                    "peksos.bandung@dinsos-bandung.example.org", "+62 812 2000 0101"));
            publish(producer, ReferralStatusChanged.TYPE, referralId, t, new ReferralStatusChanged(referralId, caseId,
                    "sentra-handayani-jakarta", "REQUESTED", List.of("THERAPY"), null, t, false, "sentra-handayani-jakarta", "GUARDIAN"));
        }
        await().atMost(Duration.ofSeconds(60)).until(() -> send("GET", intake, partner, null, null).statusCode() == 200);
        Query audited = Query.query(Criteria.where("subjectId").is(caseId).and("reader").is("mitra.handayani")
                .and("kind").is("case.referral-intake").and("purpose").is("referral " + referralId));
        long readsBefore = mongo.count(audited, "read_audit");
        JsonNode read = json(send("GET", intake, partner, null, null));
        assertThat(read.path("child").path("name").asText()).isEqualTo(CHILD_NAME);
        assertThat(read.path("child").path("age").asInt()).isBetween(10, 12);
        assertThat(read.path("child").path("sex").asText()).isEqualTo("F");
        assertThat(read.path("guardian").path("phone").asText()).isEqualTo("081200000000");
        assertThat(read.path("worker").path("name").asText()).isEqualTo("Sakti Peksos Kota Bandung");
        assertThat(read.path("worker").path("email").asText()).isEqualTo("peksos.bandung@dinsos-bandung.example.org");
        assertThat(read.path("consent").asText()).isEqualTo("GUARDIAN");
        // the minimum only: no NIK, address or birth date
        assertThat(read.toString()).doesNotContain(NIK).doesNotContain("Jl. Merdeka").doesNotContain("2015-07-05");
        assertThat(mongo.count(audited, "read_audit")).isEqualTo(readsBefore + 1);

        // another agency, a worker, an unknown referral: as if there were nothing
        assertThat(send("GET", intake, otherAgency, null, null).statusCode()).isEqualTo(404);
        assertThat(send("GET", intake, WORKER, null, null).statusCode()).isEqualTo(404);
        assertThat(send("GET", "/api/cases/" + caseId + "/referrals/" + UUID.randomUUID() + "/intake", partner, null, null)
                .statusCode()).isEqualTo(404);

        // consent withdrawn: the referral is cancelled, the details are shared no more
        try (var producer = producer()) {
            publish(producer, ReferralStatusChanged.TYPE, referralId, t.plusSeconds(60), new ReferralStatusChanged(referralId, caseId,
                    "sentra-handayani-jakarta", "CANCELLED", List.of("THERAPY"), "WITHDRAWN", t.plusSeconds(60), false,
                    "sentra-handayani-jakarta", "GUARDIAN"));
        }
        await().atMost(Duration.ofSeconds(60)).until(() -> send("GET", intake, partner, null, null).statusCode() == 403);
        HttpResponse<String> closed = send("GET", intake, partner, null, null, "id");
        assertThat(json(closed).path("type").asText()).isEqualTo("urn:amk:problem:referral.intake-closed");
        assertThat(json(closed).path("title").asText()).isEqualTo("Data anak tidak lagi dibagikan");
        assertThat(closed.body()).doesNotContain(CHILD_NAME);
    }

    private static KafkaProducer<String, byte[]> producer() {
        return new KafkaProducer<>(Map.of("bootstrap.servers", AmkInfra.get().kafkaBootstrapServers()),
                new StringSerializer(), new ByteArraySerializer());
    }

    private static void publish(KafkaProducer<String, byte[]> producer, id.amk.contracts.EventType type, String subject, Instant at,
                                Object data) throws Exception {
        producer.send(CloudEventRecords.of(type, UUID.randomUUID().toString(), "/amk/test", subject, at,
                JSON.writeValueAsBytes(data), null)).get();
    }

    @Test
    void erasure_leaves_the_childs_data_readable_nowhere_while_the_history_stays() throws Exception {
        String name = "Ratna Erasure " + UUID.randomUUID().toString().substring(0, 8);
        String nik = "3273015206140007";
        String caseId = json(send("POST", "/api/cases", WORKER, null, registerBody(nik).replace(CHILD_NAME, name))).path("caseId").asText();
        step(caseId, "first-contact", "\"0\"", "{\"contactedAt\":\"" + Instant.now().minusSeconds(30) + "\",\"note\":\"met " + name
                + " at school\"}");
        JsonNode noted = json(send("GET", "/api/cases/" + caseId + "/history", WORKER, null, null));
        assertThat(noted.get(1).path("details").path("note").asText()).isEqualTo("met " + name + " at school");
        // the caseload shows the name; its line at rest holds it sealed only
        await().atMost(Duration.ofSeconds(30)).ignoreExceptions().until(() -> send("GET", "/api/cases?size=100&sort=changed", WORKER, null, null)
                .body().contains("\"childName\":\"" + name + "\""));
        assertThat(mongo.findById(caseId, Document.class, "case_summaries").toJson()).doesNotContain(name).contains("sealedName");

        // the registry link (restricted topic) carries the NIK while the case is linked
        List<ConsumerRecord<String, byte[]>> linked = TopicReader.recordsOf(Topics.CASE_REGISTRY, caseId, r -> !r.isEmpty());
        assertThat(new String(linked.get(0).value(), StandardCharsets.UTF_8)).contains("\"nik\":\"" + nik + "\"", "\"linked\":true");

        HttpResponse<String> byWorker = send("DELETE", "/api/cases/" + caseId + "/personal-data", WORKER, null, "{\"reason\":\"x\"}");
        assertThat(byWorker.statusCode()).isEqualTo(403);
        String supervisor = TOKENS.userToken("spv.jabar", List.of("SUPERVISOR"), List.of("32"), null);
        HttpResponse<String> erased = send("DELETE", "/api/cases/" + caseId + "/personal-data", supervisor, null,
                "{\"reason\":\"permintaan wali (UU PDP 27/2022)\"}");
        assertThat(erased.statusCode()).as(erased.body()).isEqualTo(204);

        JsonNode detail = json(send("GET", "/api/cases/" + caseId, WORKER, null, null));
        assertThat(detail.path("child").isNull()).isTrue();
        assertThat(detail.path("personalDataErased").asBoolean()).isTrue();
        assertThat(detail.path("stage").asText()).isEqualTo("REGISTERED");
        JsonNode afterErasure = json(send("GET", "/api/cases/" + caseId + "/history", WORKER, null, null));
        assertThat(afterErasure).hasSize(3);
        assertThat(afterErasure.get(1).path("details").path("note").isNull()).isTrue();
        await().atMost(Duration.ofSeconds(30)).until(() -> mongo.findById(caseId, Document.class, "case_summaries")
                .get("sealedName") == null);
        assertThat(send("GET", "/api/cases?size=100&sort=changed", WORKER, null, null).body()).doesNotContain(name);

        // every raw document of every collection of case-service's database, event store included
        for (String collection : mongo.getCollectionNames()) {
            for (Document document : mongo.findAll(Document.class, collection)) {
                assertThat(document.toJson()).as(collection).doesNotContain(name).doesNotContain(nik).doesNotContain("Jl. Merdeka");
            }
        }
        // every byte this case put on its topic, headers included
        List<ConsumerRecord<String, byte[]>> records = TopicReader.recordsOf(Topics.CASE_EVENTS, caseId,
                r -> r.stream().anyMatch(x -> "amk.case.PersonalDataErased.v1".equals(TopicReader.header(x, "ce_type"))));
        for (ConsumerRecord<String, byte[]> record : records) {
            StringBuilder raw = new StringBuilder(new String(record.value(), StandardCharsets.UTF_8));
            record.headers().forEach(h -> raw.append(new String(h.value(), StandardCharsets.UTF_8)));
            assertThat(raw.toString()).doesNotContain(name).doesNotContain(nik);
        }
        // the restricted registry topic: the case is unlinked now, and its latest record (all compaction keeps) holds no NIK
        List<ConsumerRecord<String, byte[]>> links = TopicReader.recordsOf(Topics.CASE_REGISTRY, caseId,
                r -> r.stream().anyMatch(x -> new String(x.value(), StandardCharsets.UTF_8).contains("\"linked\":false")));
        String latest = new String(links.get(links.size() - 1).value(), StandardCharsets.UTF_8);
        assertThat(latest).contains("\"linked\":false").doesNotContain(nik);
    }

    @Test
    void the_caseload_shows_each_cases_next_deadline_and_sorted_by_due_puts_the_nearest_first() throws Exception {
        String worker = TOKENS.userToken("peksos.sorting", List.of("PEKSOS"), List.of("32.74"), null);
        java.util.Map<String, String> ids = new java.util.HashMap<>();
        for (String risk : List.of("LOW", "URGENT", "MEDIUM")) {
            HttpResponse<String> created = send("POST", "/api/cases", worker, null, """
                    {"regionCode":"32.74","child":{"name":"Anak Urut %s","estimatedAge":10},"clusters":["NEGLECT_VICTIM"],
                     "riskLevel":"%s","source":"WALK_IN","consent":true}""".formatted(risk, risk));
            assertThat(created.statusCode()).as(created.body()).isEqualTo(201);
            ids.put(risk, json(created).path("caseId").asText());
        }
        String urgent = ids.get("URGENT");
        org.awaitility.Awaitility.await().atMost(java.time.Duration.ofSeconds(20)).untilAsserted(() -> {
            JsonNode items = json(send("GET", "/api/cases?sort=due&region=32.74", worker, null, null)).path("items");
            assertThat(items).hasSize(3);
            // first contact: 24 h for URGENT, 7 d for MEDIUM, 14 d for LOW
            assertThat(List.of(items.get(0).path("caseId").asText(), items.get(1).path("caseId").asText(), items.get(2).path("caseId").asText()))
                    .containsExactly(urgent, ids.get("MEDIUM"), ids.get("LOW"));
            assertThat(items.get(0).path("nextDeadline").asText()).isEqualTo("FIRST_CONTACT");
            assertThat(java.time.Instant.parse(items.get(0).path("nextDueAt").asText()))
                    .isBetween(java.time.Instant.now().plus(java.time.Duration.ofHours(23)), java.time.Instant.now().plus(java.time.Duration.ofHours(25)));
        });
        assertThat(json(send("GET", "/api/cases/" + urgent, worker, null, null)).path("nextDeadline").asText()).isEqualTo("FIRST_CONTACT");
        assertThat(send("GET", "/api/cases?sort=name", worker, null, null).statusCode()).isEqualTo(400);
    }

    @Test
    void reference_data_names_clusters_components_and_regions_in_both_languages() throws Exception {
        JsonNode clusters = json(send("GET", "/api/reference/clusters", WORKER, null, null));
        assertThat(clusters).hasSize(15);
        assertThat(clusters.get(1).path("code").asText()).isEqualTo("ABH");
        assertThat(clusters.get(1).path("nameId").asText()).isEqualTo("Anak yang berhadapan dengan hukum");
        assertThat(json(send("GET", "/api/reference/components", WORKER, null, null))).hasSize(7);
        assertThat(json(send("GET", "/api/reference/regions", WORKER, null, null))).hasSize(38);
        JsonNode regencies = json(send("GET", "/api/reference/regions?parent=32", WORKER, null, null));
        assertThat(regencies.findValuesAsText("name")).contains("Kota Bandung", "Kabupaten Garut");
        assertThat(regencies.findValuesAsText("code")).allMatch(code -> code.startsWith("32."));
        assertThat(json(send("GET", "/api/reference/regions/32.73.01", WORKER, null, null)).findValuesAsText("name"))
                .startsWith("Jawa Barat", "Kota Bandung");
        assertThat(send("GET", "/api/reference/regions?parent=99", WORKER, null, null).statusCode()).isEqualTo(400);
        JsonNode workers = json(send("GET", "/api/workers?region=32.73", WORKER, null, null));
        assertThat(workers.isArray()).isTrue();
        assertThat(send("GET", "/api/workers?region=31", WORKER, null, null).statusCode()).isEqualTo(403);
    }

    private String step(String caseId, String step, String ifMatch, String body) throws Exception {
        HttpResponse<String> response = send("POST", "/api/cases/" + caseId + "/" + step, WORKER, ifMatch, body);
        assertThat(response.statusCode()).as(step + ": " + response.body()).isEqualTo(200);
        return response.headers().firstValue("ETag").orElseThrow();
    }

    @Test
    void a_supervisor_holds_a_case_for_legal_proceedings_and_no_erasure_goes_through_until_released() throws Exception {
        String caseId = json(send("POST", "/api/cases", WORKER, null, registerBody("3273014507150012"))).path("caseId").asText();
        String supervisor = TOKENS.userToken("spv.jabar", List.of("SUPERVISOR"), List.of("32"), null);
        assertThat(send("POST", "/api/cases/" + caseId + "/legal-hold", WORKER, "\"0\"", "{\"reason\":\"x\"}").statusCode()).isEqualTo(403);
        HttpResponse<String> held = send("POST", "/api/cases/" + caseId + "/legal-hold", supervisor, "\"0\"",
                "{\"reason\":\"PN Bandung 12/Pid.Sus-Anak/2026\"}");
        assertThat(held.statusCode()).as(held.body()).isEqualTo(200);
        assertThat(json(held).path("legalHold").asBoolean()).isTrue();
        HttpResponse<String> erase = send("DELETE", "/api/cases/" + caseId + "/personal-data", supervisor, null, "{\"reason\":\"request\"}");
        assertThat(erase.statusCode()).isEqualTo(409);
        assertThat(json(erase).path("type").asText()).isEqualTo("urn:amk:problem:case.legal-hold");
        HttpResponse<String> released = send("DELETE", "/api/cases/" + caseId + "/legal-hold", supervisor, "\"1\"", "{\"reason\":\"verdict final\"}");
        assertThat(released.statusCode()).as(released.body()).isEqualTo(200);
        assertThat(json(released).path("legalHold").asBoolean()).isFalse();
        assertThat(send("DELETE", "/api/cases/" + caseId + "/personal-data", supervisor, null, "{\"reason\":\"request\"}").statusCode()).isEqualTo(204);
    }

    @Test
    void every_read_of_a_case_and_of_a_caseload_is_in_the_tamper_evident_audit_which_supervisors_read_for_their_province() throws Exception {
        String caseId = json(send("POST", "/api/cases", WORKER, null, registerBody("3273014507150011"))).path("caseId").asText();
        java.net.http.HttpResponse<String> read = java.net.http.HttpClient.newHttpClient().send(java.net.http.HttpRequest.newBuilder(
                        java.net.URI.create("http://localhost:" + port + "/api/cases/" + caseId)).header("Authorization", "Bearer " + WORKER)
                .header("X-Purpose", "home visit preparation").build(), java.net.http.HttpResponse.BodyHandlers.ofString());
        assertThat(read.statusCode()).isEqualTo(200);
        assertThat(send("GET", "/api/cases?size=5", WORKER, null, null).statusCode()).isEqualTo(200);

        String supervisor = TOKENS.userToken("spv.jabar", List.of("SUPERVISOR"), List.of("32"), null);
        JsonNode entries = json(send("GET", "/api/audit/cases?subjectId=" + caseId, supervisor, null, null));
        assertThat(entries).hasSize(1);
        assertThat(entries.get(0).path("reader").asText()).isEqualTo("peksos.bandung");
        assertThat(entries.get(0).path("kind").asText()).isEqualTo("case");
        assertThat(entries.get(0).path("purpose").asText()).isEqualTo("home visit preparation");
        assertThat(entries.get(0).path("hash").asText()).hasSize(64);
        assertThat(entries.toString()).doesNotContain(CHILD_NAME).doesNotContain("3273014507150011");
        assertThat(json(send("GET", "/api/audit/cases?reader=peksos.bandung", supervisor, null, null)).findValuesAsText("kind")).contains("caseload");

        String otherProvince = TOKENS.userToken("spv.dki", List.of("SUPERVISOR"), List.of("31"), null);
        assertThat(json(send("GET", "/api/audit/cases?subjectId=" + caseId, otherProvince, null, null))).isEmpty();
        assertThat(send("GET", "/api/audit/cases", WORKER, null, null).statusCode()).isEqualTo(403);
        assertThat(send("GET", "/api/audit/cases/verify", supervisor, null, null).statusCode()).isEqualTo(403);
        String admin = TOKENS.userToken("admin", List.of("ADMIN"), List.of(), null);
        JsonNode verified = json(send("GET", "/api/audit/cases/verify", admin, null, null));
        assertThat(verified.path("intact").asBoolean()).as(verified.toString()).isTrue();
        assertThat(verified.path("entries").asLong()).isGreaterThanOrEqualTo(2);
    }

    @Test
    void an_abh_case_is_read_by_anyone_but_its_worker_only_with_a_stated_purpose_which_the_audit_keeps() throws Exception {
        String body = registerBody("3273014507150013").replace("[\"VIOLENCE_VICTIM\"]", "[\"ABH\"]")
                .replace("\"consent\":true", "\"consent\":true,\"abhRole\":\"PERPETRATOR\"");
        HttpResponse<String> registered = send("POST", "/api/cases", WORKER, null, body);
        assertThat(registered.statusCode()).as(registered.body()).isEqualTo(201);
        String caseId = json(registered).path("caseId").asText();
        String supervisor = TOKENS.userToken("spv.jabar", List.of("SUPERVISOR"), List.of("32"), null);

        // the assigned worker reads it for their case work; the supervisor must say why
        assertThat(send("GET", "/api/cases/" + caseId, WORKER, null, null).statusCode()).isEqualTo(200);
        HttpResponse<String> refused = send("GET", "/api/cases/" + caseId, supervisor, null, null, "id");
        assertThat(refused.statusCode()).isEqualTo(428);
        assertThat(json(refused).path("type").asText()).isEqualTo("urn:amk:problem:case.purpose-required");
        assertThat(json(refused).path("title").asText()).isEqualTo("Tujuan wajib disebutkan");
        assertThat(refused.body()).doesNotContain(CHILD_NAME);
        assertThat(send("GET", "/api/cases/" + caseId + "/history", supervisor, null, null).statusCode()).isEqualTo(428);

        String purpose = java.net.URLEncoder.encode("Permintaan PN Bandung nomor 12/Pid.Sus-Anak/2026 — sidang", java.nio.charset.StandardCharsets.UTF_8)
                .replace("+", "%20");
        for (String path : List.of("/api/cases/" + caseId, "/api/cases/" + caseId + "/history")) {
            HttpResponse<String> read = java.net.http.HttpClient.newHttpClient().send(java.net.http.HttpRequest.newBuilder(
                            java.net.URI.create("http://localhost:" + port + path)).header("Authorization", "Bearer " + supervisor)
                    .header("X-Purpose", purpose).build(), java.net.http.HttpResponse.BodyHandlers.ofString());
            assertThat(read.statusCode()).as(path).isEqualTo(200);
        }
        JsonNode entries = json(send("GET", "/api/audit/cases?subjectId=" + caseId, supervisor, null, null));
        assertThat(entries.findValuesAsText("purpose")).contains("case-work",
                "Permintaan PN Bandung nomor 12/Pid.Sus-Anak/2026 — sidang");
        assertThat(entries.findValuesAsText("reader")).contains("peksos.bandung", "spv.jabar");
    }

    @Test
    void a_worker_finds_a_child_by_nik_or_by_a_variant_spelling_of_the_name_in_the_cases_they_may_see_and_never_after_erasure()
            throws Exception {
        String tag = Long.toString(System.nanoTime(), 36).replaceAll("[0-9]", "");
        String name = "Muhammad Rizki Tjahjadi " + tag;
        String nik = "3273010101150099";
        String caseId = json(send("POST", "/api/cases", WORKER, null, registerBody(nik).replace(CHILD_NAME, name))).path("caseId").asText();
        await().atMost(Duration.ofSeconds(30)).ignoreExceptions().until(() ->
                json(send("GET", "/api/cases?nik=" + nik, WORKER, null, null)).path("items").findValuesAsText("caseId").contains(caseId));

        // as a school or a village office would write the same child
        for (String variant : List.of("Mochammad Rizky Cahyadi " + tag, "mohamad riski " + tag, "M. Rizqi Tjahjadi " + tag)) {
            JsonNode found = json(send("GET", "/api/cases?name=" + java.net.URLEncoder.encode(variant, StandardCharsets.UTF_8), WORKER, null, null));
            assertThat(found.path("items").findValuesAsText("caseId")).as(variant).contains(caseId);
            assertThat(found.path("items").findValuesAsText("childName")).as(variant).contains(name);
        }
        String query = "/api/cases?name=" + java.net.URLEncoder.encode("Rizki " + tag, StandardCharsets.UTF_8);
        assertThat(json(send("GET", query + "&birthYear=2015&sex=F", WORKER, null, null)).path("items").findValuesAsText("caseId")).contains(caseId);
        assertThat(json(send("GET", query + "&birthYear=2016", WORKER, null, null)).path("items").findValuesAsText("caseId")).doesNotContain(caseId);
        assertThat(json(send("GET", "/api/cases?name=Budi%20" + tag, WORKER, null, null)).path("items")).isEmpty();
        // someone who may not see the case does not find it either
        String otherRegency = TOKENS.userToken("peksos.jaksel", List.of("PEKSOS"), List.of("31.71"), null);
        assertThat(json(send("GET", "/api/cases?nik=" + nik, otherRegency, null, null)).path("items").findValuesAsText("caseId")).doesNotContain(caseId);
        // bad terms are named; a name of titles only finds nothing to look for
        assertThat(json(send("GET", "/api/cases?nik=1234", WORKER, null, null)).path("field").asText()).isEqualTo("nik");
        assertThat(send("GET", "/api/cases?name=binti", WORKER, null, null).statusCode()).isEqualTo(400);

        // the view holds keyed hashes only; the audit names the kinds of terms, never the terms
        String view = mongo.findById(caseId, Document.class, "case_summaries").toJson();
        assertThat(view).contains("searchKeys").doesNotContain(nik).doesNotContainIgnoringCase("rizki").doesNotContainIgnoringCase("mhmd");
        List<Document> searches = mongo.find(Query.query(Criteria.where("kind").regex("^caseload\\.search")), Document.class, "read_audit");
        assertThat(searches).extracting(d -> d.getString("kind")).contains("caseload.search:nik", "caseload.search:name",
                "caseload.search:name+birthYear+sex");
        assertThat(searches.toString()).doesNotContain(nik).doesNotContainIgnoringCase("rizk");

        // erased: not found by NIK or name, and its line has no search key left
        String supervisor = TOKENS.userToken("spv.jabar", List.of("SUPERVISOR"), List.of("32"), null);
        assertThat(send("DELETE", "/api/cases/" + caseId + "/personal-data", supervisor, null, "{\"reason\":\"request\"}").statusCode()).isEqualTo(204);
        await().atMost(Duration.ofSeconds(30)).ignoreExceptions().until(() ->
                mongo.findById(caseId, Document.class, "case_summaries").getList("searchKeys", String.class).isEmpty());
        assertThat(json(send("GET", "/api/cases?nik=" + nik, WORKER, null, null)).path("items").findValuesAsText("caseId")).doesNotContain(caseId);
        assertThat(json(send("GET", query, WORKER, null, null)).path("items").findValuesAsText("caseId")).doesNotContain(caseId);
    }

    @Test
    void registering_a_child_who_has_a_case_already_shows_that_case_with_the_reasons_and_a_new_case_all_the_same_needs_a_reason()
            throws Exception {
        String tag = Long.toString(System.nanoTime(), 36).replaceAll("[0-9]", "");
        String phone = "0857" + (10_000_000 + (System.nanoTime() % 89_999_999));
        String nik = "3273014203140" + (100 + System.nanoTime() % 899);
        HttpResponse<String> first = send("POST", "/api/cases", WORKER, null, """
                {"regionCode":"32.73.01","child":{"name":"Dewi Lestari %s","nik":"%s","birthDate":"2014-03-02","sex":"F",
                 "guardianName":"Ibu Lestari","guardianPhone":"%s"},"clusters":["NEGLECT_VICTIM"],"riskLevel":"MEDIUM","source":"SCHOOL"}
                """.formatted(tag, nik, phone));
        assertThat(first.statusCode()).as(first.body()).isEqualTo(201);
        String existing = json(first).path("caseId").asText();
        String caseNumber = json(send("GET", "/api/cases/" + existing, WORKER, null, null)).path("caseNumber").asText();
        await().atMost(Duration.ofSeconds(30)).ignoreExceptions().until(() ->
                json(send("GET", "/api/cases?nik=" + nik, WORKER, null, null)).path("items").findValuesAsText("caseId").contains(existing));

        // the village office writes the same child in the old spelling, the phone with the country code, no NIK
        String check = """
                {"regionCode":"32.73","child":{"name":"%s","birthDate":%s,"sex":"%s","guardianPhone":%s%s}}""";
        JsonNode likely = json(send("POST", "/api/cases/likely-duplicates", WORKER, null,
                check.formatted("Dewie Lestarie " + tag, "\"2014-03-02\"", "F", "\"+62 " + phone.substring(1) + "\"", "")));
        assertThat(likely.findValuesAsText("caseId")).containsExactly(existing);
        assertThat(likely.get(0).path("caseNumber").asText()).isEqualTo(caseNumber);
        assertThat(likely.get(0).path("childName").asText()).isEqualTo("Dewi Lestari " + tag);
        assertThat(likely.get(0).path("score").asInt()).isEqualTo(100);
        assertThat(likely.get(0).path("reasons").toString()).contains("NAME", "BIRTH_DATE", "GUARDIAN_PHONE", "DISTRICT");
        // the NIK alone is enough; a name alone, another child's birth date and phone, is not; nor a boy of that name
        JsonNode byNik = json(send("POST", "/api/cases/likely-duplicates", WORKER, null,
                check.formatted("Anak Lain " + tag, "null", "F", "null", ",\"nik\":\"" + nik + "\"")));
        assertThat(byNik.findValuesAsText("caseId")).containsExactly(existing);
        assertThat(byNik.get(0).path("reasons").toString()).contains("NIK");
        assertThat(json(send("POST", "/api/cases/likely-duplicates", WORKER, null,
                check.formatted("Dewi Lestari " + tag, "\"2011-09-09\"", "F", "\"081399999999\"", ""))).findValuesAsText("caseId")).doesNotContain(existing);
        assertThat(json(send("POST", "/api/cases/likely-duplicates", WORKER, null,
                check.formatted("Dewi Lestari " + tag, "\"2014-03-02\"", "M", "null", ""))).findValuesAsText("caseId")).doesNotContain(existing);
        // what a Lapor Sosial report knows: the name, an estimated age, the sex, the region
        String aged = "{\"regionCode\":\"32.73\",\"child\":{\"name\":\"Dewi Lestari " + tag + "\",\"estimatedAge\":"
                + (java.time.Period.between(LocalDate.of(2014, 3, 2), LocalDate.now(java.time.ZoneId.of("Asia/Jakarta"))).getYears()) + ",\"sex\":\"F\"}}";
        JsonNode fromReport = json(send("POST", "/api/cases/likely-duplicates", WORKER, null, aged));
        assertThat(fromReport.findValuesAsText("caseId")).containsExactly(existing);
        assertThat(fromReport.get(0).path("reasons").toString()).contains("NAME", "BIRTH_YEAR", "DISTRICT");
        // someone who may not see the case is not shown it
        String otherRegency = TOKENS.userToken("peksos.jaksel", List.of("PEKSOS"), List.of("31.71"), null);
        assertThat(json(send("POST", "/api/cases/likely-duplicates", otherRegency, null,
                check.formatted("Dewi Lestari " + tag, "\"2014-03-02\"", "F", "null", ""))).findValuesAsText("caseId")).doesNotContain(existing);
        assertThat(send("POST", "/api/cases/likely-duplicates", WORKER, null, "{\"regionCode\":\"nowhere\",\"child\":{}}").statusCode()).isEqualTo(400);

        // registered as another child all the same: the reason is the new case's first note, the audit has both steps
        String twin = """
                {"regionCode":"32.73.01","child":{"name":"Dewi Lestari %s","birthDate":"2014-03-02","sex":"F","guardianPhone":"%s"},
                 "clusters":["NEGLECT_VICTIM"],"riskLevel":"MEDIUM","source":"SCHOOL","notADuplicate":{"caseIds":["%s"],"reason":"Saudara kembarnya"}}
                """;
        assertThat(send("POST", "/api/cases", WORKER, null, twin.formatted(tag, phone, "no-such-case")).body()).contains("notADuplicate.caseIds");
        HttpResponse<String> created = send("POST", "/api/cases", WORKER, null, twin.formatted(tag, phone, existing));
        assertThat(created.statusCode()).as(created.body()).isEqualTo(201);
        String second = json(created).path("caseId").asText();
        JsonNode history = json(send("GET", "/api/cases/" + second + "/history", WORKER, null, null));
        assertThat(history.toString()).contains("Bukan anak yang sama dengan " + caseNumber, "Saudara kembarnya");
        assertThat(json(send("GET", "/api/cases/" + second, WORKER, null, null)).path("version").asLong()).isEqualTo(1);
        List<Document> audited = mongo.find(Query.query(Criteria.where("kind").in("case.duplicate-check", "case.not-a-duplicate")), Document.class, "read_audit");
        assertThat(audited).extracting(d -> d.getString("kind")).contains("case.duplicate-check", "case.not-a-duplicate");
        assertThat(audited.toString()).doesNotContainIgnoringCase("lestari").doesNotContain(phone.substring(1));
    }

    @Test
    void a_child_who_returns_gets_a_new_case_of_the_same_child_cases_found_alike_are_linked_and_an_erasure_of_the_child_reaches_all()
            throws Exception {
        // ten random letters: a word of this child alone, which no ciphertext or hash of the raw scan below holds by chance
        String tag = new java.security.SecureRandom().ints(10, 'a', 'z' + 1).collect(StringBuilder::new, StringBuilder::appendCodePoint,
                StringBuilder::append).toString();
        String name = "Rizky Kembali " + tag;
        String body = """
                {"regionCode":"32.73.01","child":{"name":"%s","birthDate":"2013-05-06","sex":"M","address":"Gang Kenanga 9"},
                 "clusters":["NEGLECT_VICTIM"],"riskLevel":"MEDIUM","source":"WALK_IN"%s}""";
        String first = json(send("POST", "/api/cases", WORKER, null, body.formatted(name, ""))).path("caseId").asText();
        String firstNumber = json(send("GET", "/api/cases/" + first, WORKER, null, null)).path("caseNumber").asText();
        await().atMost(Duration.ofSeconds(30)).until(() -> mongo.findById(first, Document.class, "case_summaries") != null);

        // a year later: a new case, the same child
        assertThat(send("POST", "/api/cases", WORKER, null, body.formatted(name, ",\"sameChildAs\":\"no-such-case\"")).body())
                .contains("\"field\":\"sameChildAs\"");
        HttpResponse<String> again = send("POST", "/api/cases", WORKER, null, body.formatted(name, ",\"sameChildAs\":\"" + first + "\""));
        assertThat(again.statusCode()).as(again.body()).isEqualTo(201);
        String second = json(again).path("caseId").asText();
        JsonNode secondDetail = json(send("GET", "/api/cases/" + second, WORKER, null, null));
        assertThat(secondDetail.path("childId").asText()).isEqualTo(first); // a child is known by their first case
        assertThat(secondDetail.path("sameChild").path("cases").findValuesAsText("caseNumber")).containsExactly(firstNumber);
        await().atMost(Duration.ofSeconds(30)).untilAsserted(() -> assertThat(json(send("GET", "/api/cases/" + first, WORKER, null, null))
                .path("sameChild").path("cases").findValuesAsText("caseId")).containsExactly(second));

        // registered as another child by another worker's intake, found alike later and linked, with why
        String third = json(send("POST", "/api/cases", WORKER, null, body.formatted("Rizki Kembali " + tag, ""))).path("caseId").asText();
        String link = "{\"sameChildAs\":\"%s\",\"reason\":\"%s\"}";
        assertThat(send("POST", "/api/cases/" + third + "/child-link", WORKER, null, link.formatted(first, "ibu yang sama")).statusCode())
                .isEqualTo(428);
        String otherRegency = TOKENS.userToken("peksos.jaksel", List.of("PEKSOS"), List.of("31.71"), null);
        assertThat(send("POST", "/api/cases/" + third + "/child-link", otherRegency, "\"0\"", link.formatted(first, "x")).statusCode())
                .isEqualTo(404);
        assertThat(send("POST", "/api/cases/" + third + "/child-link", WORKER, "\"0\"", link.formatted(third, "x")).body())
                .contains("already-recorded");
        HttpResponse<String> linked = send("POST", "/api/cases/" + third + "/child-link", WORKER, "\"0\"", link.formatted(second, "ibu dan alamat sama"));
        assertThat(linked.statusCode()).as(linked.body()).isEqualTo(200);
        assertThat(json(linked).path("childId").asText()).isEqualTo(first);
        assertThat(json(linked).path("sameChild").path("cases").findValuesAsText("caseId")).containsExactlyInAnyOrder(first, second);
        JsonNode history = json(send("GET", "/api/cases/" + third + "/history", WORKER, null, null));
        assertThat(history.get(1).path("type").asText()).isEqualTo("ChildLinked");
        assertThat(history.get(1).path("details").path("reason").asText()).isEqualTo("ibu dan alamat sama");
        // partners and the ministry see which child, never why
        List<ConsumerRecord<String, byte[]>> published = TopicReader.recordsOf(Topics.CASE_EVENTS, third,
                r -> r.stream().anyMatch(x -> "amk.case.ChildLinked.v1".equals(TopicReader.header(x, "ce_type"))));
        String childLinked = published.stream().filter(x -> "amk.case.ChildLinked.v1".equals(TopicReader.header(x, "ce_type")))
                .map(x -> new String(x.value(), StandardCharsets.UTF_8)).findFirst().orElseThrow();
        assertThat(childLinked).contains("\"childId\":\"" + first + "\"", "\"previousChildId\":\"" + third + "\"").doesNotContain("ibu", "Rizk");
        // someone outside the region learns only that there are more cases, not which
        String jakarta = json(send("POST", "/api/cases", otherRegency, null, body.formatted(name, "").replace("32.73.01", "31.71.01")))
                .path("caseId").asText();
        // linking across provinces takes someone who sees both cases: the Jakarta worker cannot name a Bandung case
        assertThat(send("POST", "/api/cases/" + jakarta + "/child-link", otherRegency, "\"0\"", link.formatted(first, "NIK yang sama")).body())
                .contains("\"field\":\"sameChildAs\"");
        String bothProvinces = TOKENS.userToken("spv.koordinator", List.of("SUPERVISOR"), List.of("31", "32"), null);
        HttpResponse<String> moved = send("POST", "/api/cases/" + jakarta + "/child-link", bothProvinces, "\"0\"", link.formatted(first, "NIK yang sama"));
        assertThat(moved.statusCode()).as(moved.body()).isEqualTo(200);
        await().atMost(Duration.ofSeconds(30)).untilAsserted(() -> {
            JsonNode seen = json(send("GET", "/api/cases/" + first, WORKER, null, null)).path("sameChild");
            assertThat(seen.path("cases").findValuesAsText("caseId")).containsExactlyInAnyOrder(second, third);
            assertThat(seen.path("elsewhere").asLong()).isEqualTo(1);
        });

        // the child asks to be forgotten: a supervisor of Jawa Barat may not erase the Jakarta case, so nothing is erased
        String supervisor = TOKENS.userToken("spv.jabar", List.of("SUPERVISOR"), List.of("32"), null);
        HttpResponse<String> beyond = send("DELETE", "/api/cases/" + second + "/personal-data", supervisor, null,
                "{\"reason\":\"permintaan anak (UU PDP 27/2022)\",\"allCasesOfChild\":true}");
        assertThat(beyond.statusCode()).isEqualTo(403);
        assertThat(beyond.body()).contains("erasure-beyond-scope");
        assertThat(json(send("GET", "/api/cases/" + first, WORKER, null, null)).path("personalDataErased").asBoolean()).isFalse();
        String national = TOKENS.userToken("admin.pdp", List.of("ADMIN"), List.of(), null);
        HttpResponse<String> erased = send("DELETE", "/api/cases/" + second + "/personal-data", national, null,
                "{\"reason\":\"permintaan anak (UU PDP 27/2022)\",\"allCasesOfChild\":true}");
        assertThat(erased.statusCode()).as(erased.body()).isEqualTo(204);
        for (String caseId : List.of(first, second, third)) {
            assertThat(json(send("GET", "/api/cases/" + caseId, WORKER, null, null)).path("personalDataErased").asBoolean()).as(caseId).isTrue();
        }
        // neither the names nor their index entries anywhere in case-service's database (raw scan, event store included)
        // the keyed hashes of the word only this child's names have, as the views held them (its initial, which other
        // children's words share, left out)
        List<String> keys = new ArrayList<>(childSearch.keysOf(new id.amk.cases.casefile.api.Child(tag, null, null, null, null, null, null, null, null)));
        keys.removeAll(childSearch.keysOf(new id.amk.cases.casefile.api.Child(tag.substring(0, 1), null, null, null, null, null, null, null, null)));
        assertThat(keys).isNotEmpty();
        await().atMost(Duration.ofSeconds(30)).untilAsserted(() -> {
            for (String collection : mongo.getCollectionNames()) {
                for (Document document : mongo.findAll(Document.class, collection)) {
                    String raw = document.toJson();
                    assertThat(raw).as(collection).doesNotContain(tag).doesNotContain("Kenanga");
                    if (!collection.equals("index_keys")) {
                        for (String key : keys) {
                            assertThat(raw).as(collection).doesNotContain(key);
                        }
                    }
                }
            }
        });
    }

    private HttpResponse<String> send(String method, String path, String token, String ifMatch, String body) throws Exception {
        return new ApiClient(port).send(method, path, token, ifMatch, body);
    }

    private HttpResponse<String> send(String method, String path, String token, String ifMatch, String body, String language)
            throws Exception {
        return new ApiClient(port).send(method, path, token, ifMatch, body, language);
    }

    private static JsonNode json(HttpResponse<String> response) {
        return ApiClient.json(response);
    }
}
