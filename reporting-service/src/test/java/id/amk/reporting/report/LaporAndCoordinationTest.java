package id.amk.reporting.report;

import com.fasterxml.jackson.databind.JsonNode;
import com.fasterxml.jackson.databind.ObjectMapper;
import id.amk.contracts.ContractValidator;
import id.amk.contracts.EventType;
import id.amk.contracts.Topics;
import id.amk.contracts.cases.CaseRegistered;
import id.amk.contracts.cases.PersonalDataErased;
import id.amk.contracts.lapor.ReportAccepted;
import id.amk.contracts.referral.ReferralStatusChanged;
import id.amk.platform.relay.CloudEventRecords;
import id.amk.platform.test.AmkInfra;
import id.amk.platform.test.AmkTest;
import id.amk.platform.test.ApiClient;
import id.amk.platform.test.TestJwtIssuer;
import id.amk.platform.test.TopicReader;
import org.apache.kafka.clients.consumer.ConsumerRecord;
import org.apache.kafka.clients.producer.KafkaProducer;
import org.apache.kafka.common.serialization.ByteArraySerializer;
import org.apache.kafka.common.serialization.StringSerializer;
import org.junit.jupiter.api.Test;
import id.amk.contracts.identity.AgencyRegistered;
import id.amk.contracts.identity.UserRegistered;
import org.springframework.beans.factory.annotation.Autowired;
import org.springframework.data.mongodb.core.MongoTemplate;
import org.springframework.data.mongodb.core.query.Criteria;
import org.springframework.data.mongodb.core.query.Query;
import org.springframework.boot.test.context.SpringBootTest;
import org.springframework.boot.test.web.server.LocalServerPort;

import java.net.http.HttpResponse;
import java.nio.charset.StandardCharsets;
import java.time.Duration;
import java.time.Instant;
import java.util.List;
import java.util.Map;
import java.util.UUID;

import static org.assertj.core.api.Assertions.assertThat;
import static org.awaitility.Awaitility.await;

/** Lapor Sosial from submission to triage, the reporter's tracking, and a case's coordination thread, over real HTTP and Kafka. */
@AmkTest
@SpringBootTest(webEnvironment = SpringBootTest.WebEnvironment.RANDOM_PORT)
class LaporAndCoordinationTest {

    private static final ObjectMapper JSON = new ObjectMapper().findAndRegisterModules()
            .disable(com.fasterxml.jackson.databind.SerializationFeature.WRITE_DATES_AS_TIMESTAMPS); // instants as the contracts write them
    private static final TestJwtIssuer TOKENS = TestJwtIssuer.get();
    private static final String SCHOOL = TOKENS.userToken("guru.bk", List.of("PARTNER"), List.of(), "sdn-1-bandung");
    private static final String WORKER = TOKENS.userToken("peksos.bandung", List.of("PEKSOS"), List.of("32.73"), null);
    private static final String OTHER_WORKER = TOKENS.userToken("peksos.jaktim", List.of("PEKSOS"), List.of("31.72"), null);
    private static final String SENTRA = TOKENS.userToken("mitra.handayani", List.of("PARTNER"), List.of(), "sentra-handayani-jakarta");
    private static final String OTHER_AGENCY = TOKENS.userToken("mitra.lain", List.of("PARTNER"), List.of(), "lksa-lain");
    private static final String ANALYST = TOKENS.userToken("analis", List.of("MINISTRY_ANALYST"), List.of(), null);
    private static final String PORTAL = TOKENS.clientToken("lapor-portal", List.of("reports.write"));

    @LocalServerPort
    int port;

    @Autowired
    MongoTemplate mongo;

    private String report(String region) {
        return """
                {"reporterType":"SCHOOL","reporterName":"Ibu Guru Ratna","reporterContact":"0812-1111-2222","regionCode":"%s",
                 "description":"Murid Budi Santoso sering datang dengan luka memar","child":{"name":"Budi Santoso","estimatedAge":9,"sex":"M"},
                 "urgency":"HIGH","suspectedClusters":["VIOLENCE_VICTIM"]}
                """.formatted(region);
    }

    @Test
    void a_report_is_submitted_tracked_triaged_and_accepted_once_for_case_service() throws Exception {
        ApiClient api = new ApiClient(port);
        HttpResponse<String> submitted = api.send("POST", "/api/reports", SCHOOL, null, report("32.73.01"));
        assertThat(submitted.statusCode()).as(submitted.body()).isEqualTo(201);
        String reportId = ApiClient.json(submitted).path("reportId").asText();
        String tracking = ApiClient.json(submitted).path("trackingCode").asText();
        assertThat(tracking).matches("LS-[A-Z2-9]{12}");
        assertThat(api.send("POST", "/api/reports", PORTAL, null, report("32.73")).statusCode()).isEqualTo(201);

        await().atMost(Duration.ofSeconds(30)).untilAsserted(() -> assertThat(
                ApiClient.json(api.send("GET", "/api/reports/tracking/" + tracking, SCHOOL, null, null, "id")).path("status").asText())
                .isEqualTo("SUBMITTED"));
        assertThat(api.send("GET", "/api/reports/" + reportId, OTHER_WORKER, null, null).statusCode()).isEqualTo(404);
        assertThat(api.send("GET", "/api/reports/" + reportId, SCHOOL, null, null).statusCode()).isEqualTo(404);
        JsonNode detail = ApiClient.json(api.send("GET", "/api/reports/" + reportId, WORKER, null, null));
        assertThat(detail.path("details").path("child").path("name").asText()).isEqualTo("Budi Santoso");
        assertThat(ApiClient.json(api.send("GET", "/api/reports?status=SUBMITTED", WORKER, null, null)).toString()).contains(reportId);

        HttpResponse<String> noLink = api.send("POST", "/api/reports/" + reportId + "/triage", WORKER, null,
                "{\"decision\":\"REJECT\",\"reason\":\"DUPLICATE\"}", "id");
        assertThat(noLink.statusCode()).isEqualTo(400);
        assertThat(ApiClient.json(noLink).path("field").asText()).isEqualTo("linkedCaseId");
        assertThat(ApiClient.json(noLink).path("title").asText()).isEqualTo("Isian wajib kosong");

        HttpResponse<String> accepted = api.send("POST", "/api/reports/" + reportId + "/triage", WORKER, null,
                "{\"decision\":\"ACCEPT\",\"assignedWorker\":\"peksos.bandung\",\"urgency\":\"URGENT\"}");
        assertThat(accepted.statusCode()).as(accepted.body()).isEqualTo(200);
        assertThat(ApiClient.json(accepted).path("caseId").asText()).isEqualTo(ReportAccepted.caseIdOf(reportId));
        assertThat(api.send("POST", "/api/reports/" + reportId + "/triage", WORKER, null, "{\"decision\":\"ACCEPT\"}").statusCode())
                .isEqualTo(409);

        List<ConsumerRecord<String, byte[]>> records = TopicReader.recordsOf(Topics.LAPOR_EVENTS, reportId, r -> !r.isEmpty());
        JsonNode data = JSON.readTree(records.get(0).value());
        assertThat(new ContractValidator().validate(ReportAccepted.TYPE, data)).isEmpty();
        assertThat(data.path("urgency").asText()).isEqualTo("URGENT");
        assertThat(new String(records.get(0).value(), StandardCharsets.UTF_8)).doesNotContain("Budi", "Ratna", "memar", "0812");

        await().atMost(Duration.ofSeconds(30)).untilAsserted(() -> {
            JsonNode status = ApiClient.json(api.send("GET", "/api/reports/tracking/" + tracking, SCHOOL, null, null, "id"));
            assertThat(status.path("status").asText()).isEqualTo("ACCEPTED");
            assertThat(status.path("statusText").asText()).startsWith("Diterima: pekerja sosial");
            assertThat(status.toString()).doesNotContain("Budi", "caseId", "32.73");
        });
        assertThat(api.send("GET", "/api/reports/tracking/LS-AAAAAAAAAA", SCHOOL, null, null).statusCode()).isEqualTo(404);
    }

    @Test
    void a_report_forwarded_to_another_region_is_triaged_there() throws Exception {
        ApiClient api = new ApiClient(port);
        String reportId = ApiClient.json(api.send("POST", "/api/reports", SCHOOL, null, report("32.73.01"))).path("reportId").asText();
        HttpResponse<String> forwarded = api.send("POST", "/api/reports/" + reportId + "/triage", WORKER, null,
                "{\"decision\":\"FORWARD\",\"toRegionCode\":\"31.72\",\"forwardReason\":\"family moved to Jakarta Timur\"}");
        assertThat(forwarded.statusCode()).as(forwarded.body()).isEqualTo(200);
        assertThat(api.send("GET", "/api/reports/" + reportId, WORKER, null, null).statusCode()).isEqualTo(404);
        assertThat(ApiClient.json(api.send("GET", "/api/reports/" + reportId, OTHER_WORKER, null, null)).path("status").asText())
                .isEqualTo("FORWARDED");
        HttpResponse<String> invalid = api.send("POST", "/api/reports", SCHOOL, null, report("Bandung"));
        assertThat(invalid.statusCode()).isEqualTo(400);
        assertThat(ApiClient.json(invalid).path("type").asText()).isEqualTo("urn:amk:problem:report.invalid-region");
    }

    @Test
    void the_coordination_thread_shows_progress_to_the_involved_partner_without_personal_data_and_honours_erasure() throws Exception {
        ApiClient api = new ApiClient(port);
        String caseId = UUID.randomUUID().toString();
        String referralId = UUID.randomUUID().toString();
        Instant t = Instant.now().minusSeconds(3600);
        publish(CaseRegistered.TYPE, caseId, new CaseRegistered(caseId, "AMK-3273-2026-000777", null, "32.73.01", List.of("VIOLENCE_VICTIM"),
                null, "HIGH", "WALK_IN", "peksos.bandung", "peksos.bandung", t));
        publish(ReferralStatusChanged.TYPE, referralId, new ReferralStatusChanged(referralId, caseId, "sentra-handayani-jakarta", "ACCEPTED",
                List.of("THERAPY"), null, t.plusSeconds(60), false, "sentra-handayani-jakarta"));

        await().atMost(Duration.ofSeconds(30)).untilAsserted(() -> {
            JsonNode thread = ApiClient.json(api.send("GET", "/api/coordination/" + caseId, SENTRA, null, null));
            assertThat(thread.path("timeline").toString()).contains("CASE_REGISTERED", "REFERRAL_ACCEPTED");
        });
        assertThat(api.send("GET", "/api/coordination/" + caseId, OTHER_AGENCY, null, null).statusCode()).isEqualTo(404);
        // "threads I am in": the involved agency lists it, another agency does not; the worker lists their own case
        assertThat(ApiClient.json(api.send("GET", "/api/coordination", SENTRA, null, null)).toString()).contains(caseId, "AMK-3273-2026-000777");
        assertThat(ApiClient.json(api.send("GET", "/api/coordination", OTHER_AGENCY, null, null)).toString()).doesNotContain(caseId);
        assertThat(ApiClient.json(api.send("GET", "/api/coordination", WORKER, null, null)).toString()).contains(caseId);
        assertThat(api.send("POST", "/api/coordination/" + caseId + "/messages", WORKER, null,
                "{\"text\":\"NIK anak 3273014507150003, alamat Jl. Merdeka 1: jadwalkan konseling\"}").statusCode()).isEqualTo(201);
        // a message and a report sent again under their Idempotency-Key (an offline device syncing) are posted once
        Map<String, String> key = Map.of("Idempotency-Key", UUID.randomUUID().toString());
        HttpResponse<String> once = api.send("POST", "/api/coordination/" + caseId + "/messages", WORKER, null, "{\"text\":\"sekali saja\"}", key);
        HttpResponse<String> twice = api.send("POST", "/api/coordination/" + caseId + "/messages", WORKER, null, "{\"text\":\"sekali saja\"}", key);
        assertThat(once.statusCode()).isEqualTo(201);
        assertThat(twice.body()).isEqualTo(once.body());
        assertThat(ApiClient.json(api.send("GET", "/api/coordination/" + caseId, WORKER, null, null)).path("messages").toString().split("sekali saja", -1))
                .hasSize(2);
        Map<String, String> reportKey = Map.of("Idempotency-Key", UUID.randomUUID().toString());
        HttpResponse<String> reported = api.send("POST", "/api/reports", SCHOOL, null, report("32.73.01"), reportKey);
        assertThat(reported.statusCode()).isEqualTo(201);
        assertThat(api.send("POST", "/api/reports", SCHOOL, null, report("32.73.01"), reportKey).body()).isEqualTo(reported.body());
        assertThat(api.send("POST", "/api/coordination/" + caseId + "/actions", WORKER, null,
                "{\"title\":\"Jadwal konseling\",\"assignee\":\"sentra-handayani-jakarta\",\"due\":\"2026-12-01\"}").statusCode()).isEqualTo(201);

        JsonNode partnerView = ApiClient.json(api.send("GET", "/api/coordination/" + caseId, SENTRA, null, null));
        assertThat(partnerView.path("messages").get(0).path("text").asText()).contains("[NIK]").doesNotContain("3273014507150003");
        assertThat(partnerView.path("actions").get(0).path("assignee").asText()).isEqualTo("sentra-handayani-jakarta");
        JsonNode analystView = ApiClient.json(api.send("GET", "/api/coordination/" + caseId, ANALYST, null, null));
        assertThat(analystView.path("timeline").size()).isGreaterThanOrEqualTo(2);
        assertThat(analystView.path("messages")).isEmpty();
        assertThat(analystView.toString()).doesNotContain("Merdeka");

        publish(PersonalDataErased.TYPE, caseId, new PersonalDataErased(caseId, Instant.now()));
        await().atMost(Duration.ofSeconds(30)).untilAsserted(() -> assertThat(ApiClient.json(
                api.send("GET", "/api/coordination/" + caseId, WORKER, null, null)).path("messages").get(0).path("text").isNull()).isTrue());
    }

    /** Every worker, case and agency a triage or an invitation names is one the service learned of from the owner's events. */
    @Test
    void every_worker_case_and_agency_named_in_a_triage_or_an_invitation_is_one_the_owner_announced() throws Exception {
        ApiClient api = new ApiClient(port);
        String supervisor = TOKENS.userToken("supervisor.refs", List.of("SUPERVISOR"), List.of("32"), null);
        Instant t = Instant.now().minusSeconds(600);
        String ownCase = UUID.randomUUID().toString();
        String caseElsewhere = UUID.randomUUID().toString();
        publish(UserRegistered.TYPE, "u-r1", new UserRegistered("u-r1", "peksos.refs.bandung", "Peksos", List.of("PEKSOS"), List.of("32.73"), null, true, t));
        publish(UserRegistered.TYPE, "u-r2", new UserRegistered("u-r2", "peksos.refs.garut", "Peksos", List.of("PEKSOS"), List.of("32.05"), null, true, t));
        publish(UserRegistered.TYPE, "u-r3", new UserRegistered("u-r3", "analis.refs", "Analis", List.of("MINISTRY_ANALYST"), List.of(), null, true, t));
        publish(AgencyRegistered.TYPE, "lpa-refs", new AgencyRegistered("lpa-refs", "LPA Kota Bandung", "LPA", List.of("32.73"), true, t));
        publish(AgencyRegistered.TYPE, "lpa-closed", new AgencyRegistered("lpa-closed", "LPA Tutup", "LPA", List.of("32.73"), false, t));
        publish(CaseRegistered.TYPE, ownCase, new CaseRegistered(ownCase, "AMK-3273-2026-000901", null, "32.73.01", List.of("VIOLENCE_VICTIM"),
                null, "HIGH", "WALK_IN", "peksos.bandung", "peksos.bandung", t));
        publish(CaseRegistered.TYPE, caseElsewhere, new CaseRegistered(caseElsewhere, "AMK-3172-2026-000902", null, "31.72.01",
                List.of("VIOLENCE_VICTIM"), null, "HIGH", "WALK_IN", "peksos.jaktim", "peksos.jaktim", t));
        String reportId = ApiClient.json(api.send("POST", "/api/reports", SCHOOL, null, report("32.73.01"))).path("reportId").asText();
        await().atMost(Duration.ofSeconds(30)).until(() -> api.send("GET", "/api/coordination/" + ownCase, WORKER, null, null).statusCode() == 200
                && mongo.count(Query.query(Criteria.where("_id").in("peksos.refs.bandung", "peksos.refs.garut", "analis.refs")), "people") == 3
                && mongo.exists(Query.query(Criteria.where("_id").is("lpa-closed")), "agencies"));

        Map<String, String> refusals = new java.util.LinkedHashMap<>();
        refusals.put("{\"decision\":\"ACCEPT\",\"assignedWorker\":\"ghost.worker.does.not.exist\"}", "report.worker-unknown assignedWorker");
        refusals.put("{\"decision\":\"ACCEPT\",\"assignedWorker\":\"analis.refs\"}", "report.worker-not-peksos assignedWorker");
        refusals.put("{\"decision\":\"ACCEPT\",\"assignedWorker\":\"peksos.refs.garut\"}", "report.worker-out-of-region assignedWorker");
        refusals.put("{\"decision\":\"REJECT\",\"reason\":\"DUPLICATE\",\"linkedCaseId\":\"" + UUID.randomUUID() + "\"}", "report.case-unknown linkedCaseId");
        refusals.put("{\"decision\":\"REJECT\",\"reason\":\"DUPLICATE\",\"linkedCaseId\":\"" + caseElsewhere + "\"}", "report.case-unknown linkedCaseId");
        for (var refusal : refusals.entrySet()) {
            HttpResponse<String> answer = api.send("POST", "/api/reports/" + reportId + "/triage", supervisor, null, refusal.getKey());
            assertThat(answer.statusCode()).as(refusal.getKey()).isEqualTo(400);
            assertThat(ApiClient.json(answer).path("type").asText() + " " + ApiClient.json(answer).path("field").asText()).as(refusal.getKey())
                    .isEqualTo("urn:amk:problem:" + refusal.getValue());
        }
        for (String agency : List.of("ghost-agency", "lpa-closed")) {
            HttpResponse<String> invited = api.send("POST", "/api/coordination/" + ownCase + "/participants", WORKER, null,
                    "{\"agencyId\":\"" + agency + "\"}");
            assertThat(invited.statusCode()).as(agency).isEqualTo(400);
            assertThat(ApiClient.json(invited).path("type").asText()).isEqualTo("urn:amk:problem:coordination.agency-unknown");
            assertThat(ApiClient.json(invited).path("field").asText()).isEqualTo("agencyId");
        }
        assertThat(api.send("POST", "/api/coordination/" + ownCase + "/participants", WORKER, null, "{\"agencyId\":\"lpa-refs\"}").statusCode())
                .isEqualTo(204);
        HttpResponse<String> duplicate = api.send("POST", "/api/reports/" + reportId + "/triage", supervisor, null,
                "{\"decision\":\"REJECT\",\"reason\":\"DUPLICATE\",\"linkedCaseId\":\"" + ownCase + "\"}");
        assertThat(duplicate.statusCode()).as(duplicate.body()).isEqualTo(200);
    }

    private static void publish(EventType type, String key, Object data) throws Exception {
        try (var producer = new KafkaProducer<String, byte[]>(Map.of("bootstrap.servers", AmkInfra.get().kafkaBootstrapServers()),
                new StringSerializer(), new ByteArraySerializer())) {
            producer.send(CloudEventRecords.of(type, UUID.randomUUID().toString(), "/amk/test", key, Instant.now(),
                    JSON.writeValueAsBytes(data), null)).get();
        }
    }
}
