package id.amk.referrals.referral.web;

import com.fasterxml.jackson.databind.JsonNode;
import com.fasterxml.jackson.databind.ObjectMapper;
import id.amk.contracts.ContractValidator;
import id.amk.contracts.EventCatalog;
import id.amk.contracts.EventType;
import id.amk.contracts.Topics;
import id.amk.contracts.cases.CaseRegistered;
import id.amk.contracts.cases.CaseStageChanged;
import id.amk.contracts.cases.PersonalDataErased;
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
import org.junit.jupiter.api.BeforeAll;
import org.junit.jupiter.api.Test;
import org.springframework.beans.factory.annotation.Autowired;
import org.springframework.boot.test.context.SpringBootTest;
import org.springframework.boot.test.web.server.LocalServerPort;
import org.springframework.data.mongodb.core.MongoTemplate;

import java.net.http.HttpResponse;
import java.nio.charset.StandardCharsets;
import java.time.Duration;
import java.time.Instant;
import java.util.ArrayList;
import java.util.List;
import java.util.Map;
import java.util.UUID;

import static org.assertj.core.api.Assertions.assertThat;
import static org.awaitility.Awaitility.await;

/**
 * Referrals through HTTP with real tokens, on the embedded broker and Mongo server: the directory managed by an admin,
 * cases learnt from {@code case.events.v1}, a referral from request to completion, refusals, closure, erasure.
 */
@AmkTest
@SpringBootTest(webEnvironment = SpringBootTest.WebEnvironment.RANDOM_PORT)
class ReferralApiTest {

    private static final ObjectMapper JSON = new ObjectMapper().findAndRegisterModules()
            .disable(com.fasterxml.jackson.databind.SerializationFeature.WRITE_DATES_AS_TIMESTAMPS); // instants as the contracts write them
    private static final TestJwtIssuer TOKENS = TestJwtIssuer.get();
    private static final String WORKER = TOKENS.userToken("peksos.bandung", List.of("PEKSOS"), List.of("32.73"), null);
    private static final String OTHER_WORKER = TOKENS.userToken("peksos.jaktim", List.of("PEKSOS"), List.of("31.72"), null);
    private static final String SUPERVISOR = TOKENS.userToken("supervisor.jabar", List.of("SUPERVISOR"), List.of("32"), null);
    private static final String ADMIN = TOKENS.userToken("admin", List.of("ADMIN"), List.of(), null);
    private static final String PARTNER = TOKENS.userToken("mitra.handayani", List.of("PARTNER"), List.of(), "agency-handayani");
    private static final String OTHER_PARTNER = TOKENS.userToken("mitra.lain", List.of("PARTNER"), List.of(), "agency-other");
    private static final String REASON = "Anak Siti Rahayu perlu konseling trauma";

    @LocalServerPort
    int port;

    @Autowired
    MongoTemplate mongo;

    private static boolean providersCreated;

    @BeforeAll
    static void reset() {
        providersCreated = false;
    }

    /** Three providers of West Java: a Sentra, a small UPTD PPA and a full one. */
    private void providers() throws Exception {
        if (providersCreated) {
            return;
        }
        for (String body : List.of(
                provider("sentra-handayani", "SENTRA", "agency-handayani", "[\"31\",\"32\"]", "[\"THERAPY\",\"CARE\"]", 50),
                provider("uptd-ppa-bandung", "UPTD_PPA", "agency-uptd", "[\"32.73\"]", "[\"THERAPY\",\"FAMILY_SUPPORT\"]", 10),
                provider("puskesmas-full", "PUSKESMAS", "agency-other", "[\"32.73\"]", "[\"THERAPY\"]", 0))) {
            HttpResponse<String> created = send("POST", "/api/providers", ADMIN, null, body);
            assertThat(created.statusCode()).as(created.body()).isIn(201, 409);
        }
        providersCreated = true;
    }

    private static String provider(String id, String type, String agency, String regions, String components, int capacity) {
        return """
                {"id":"%s","name":"%s","type":"%s","agencyId":"%s","regions":%s,"components":%s,"capacity":%d}
                """.formatted(id, id.toUpperCase(), type, agency, regions, components, capacity);
    }

    @Test
    void the_directory_is_read_by_everyone_and_changed_only_by_an_admin() throws Exception {
        providers();
        assertThat(send("POST", "/api/providers", WORKER, null, provider("x-1", "LKSA", "a", "[\"32\"]", "[\"CARE\"]", 5)).statusCode())
                .isEqualTo(403);
        HttpResponse<String> invalid = send("POST", "/api/providers", ADMIN, null,
                "{\"id\":\"x-2\",\"name\":\"X\",\"type\":\"SHOP\",\"agencyId\":\"a\",\"regions\":[\"32\"],\"components\":[\"CARE\"]}");
        assertThat(invalid.statusCode()).isEqualTo(400);
        assertThat(invalid.headers().firstValue("Content-Type")).hasValue("application/problem+json");
        JsonNode inBandung = json(send("GET", "/api/providers?region=32.73.01&component=THERAPY", WORKER, null, null));
        List<String> ids = new ArrayList<>();
        inBandung.forEach(p -> ids.add(p.path("id").asText()));
        assertThat(ids).contains("sentra-handayani", "uptd-ppa-bandung", "puskesmas-full");
        JsonNode available = json(send("GET", "/api/providers?region=32.73&available=true", PARTNER, null, null));
        available.forEach(p -> assertThat(p.path("id").asText()).isNotEqualTo("puskesmas-full"));

        JsonNode uptd = json(send("GET", "/api/providers/uptd-ppa-bandung", ADMIN, null, null));
        String change = provider("uptd-ppa-bandung", "UPTD_PPA", "agency-uptd", "[\"32.73\",\"32.04\"]", "[\"THERAPY\",\"FAMILY_SUPPORT\"]", 12)
                .replace("}", ",\"version\":" + uptd.path("version").asLong() + "}");
        assertThat(send("PUT", "/api/providers/uptd-ppa-bandung", ADMIN, null, change).statusCode()).isEqualTo(200);
        // the same old version again: someone changed it in between
        assertThat(send("PUT", "/api/providers/uptd-ppa-bandung", ADMIN, null, change).statusCode()).isEqualTo(409);
        assertThat(json(send("GET", "/api/providers/uptd-ppa-bandung", WORKER, null, null)).path("capacity").asInt()).isEqualTo(12);
    }

    @Test
    void a_worker_refers_the_partner_accepts_serves_twice_and_completes_with_public_events() throws Exception {
        providers();
        String caseId = knownCase("32.73.01", "peksos.bandung");

        HttpResponse<String> requested = send("POST", "/api/referrals", WORKER, null, referral(caseId, "sentra-handayani", "GUARDIAN", false));
        assertThat(requested.statusCode()).as(requested.body()).isEqualTo(201);
        String referralId = json(requested).path("referralId").asText();
        assertThat(json(requested).path("status").asText()).isEqualTo("REQUESTED");
        assertThat(requested.headers().firstValue("ETag")).hasValue("\"0\"");

        // another agency's user and a worker of another regency see nothing there
        assertThat(send("GET", "/api/referrals/" + referralId, OTHER_PARTNER, null, null).statusCode()).isEqualTo(404);
        assertThat(send("POST", "/api/referrals/" + referralId + "/acceptance", OTHER_PARTNER, null, "{}").statusCode()).isEqualTo(404);
        assertThat(send("GET", "/api/referrals/" + referralId, OTHER_WORKER, null, null).statusCode()).isEqualTo(404);
        // the worker cannot answer for the provider
        assertThat(send("POST", "/api/referrals/" + referralId + "/acceptance", WORKER, null, "{}").statusCode()).isEqualTo(403);

        // the provider's inbox
        await().atMost(Duration.ofSeconds(30)).untilAsserted(() -> {
            JsonNode inbox = json(send("GET", "/api/referrals?status=REQUESTED", PARTNER, null, null));
            List<String> ids = new ArrayList<>();
            inbox.path("items").forEach(i -> ids.add(i.path("referralId").asText()));
            assertThat(ids).contains(referralId);
            JsonNode otherInbox = json(send("GET", "/api/referrals", OTHER_PARTNER, null, null));
            otherInbox.path("items").forEach(i -> assertThat(i.path("referralId").asText()).isNotEqualTo(referralId));
        });
        JsonNode seen = json(send("GET", "/api/referrals/" + referralId, PARTNER, null, null));
        assertThat(seen.path("history").get(0).path("details").path("reason").asText()).isEqualTo(REASON);

        HttpResponse<String> accepted = send("POST", "/api/referrals/" + referralId + "/acceptance", PARTNER, "\"0\"", "{\"note\":\"jadwal Senin\"}");
        assertThat(accepted.statusCode()).as(accepted.body()).isEqualTo(200);
        assertThat(accepted.headers().firstValue("ETag")).hasValue("\"1\"");
        HttpResponse<String> stale = send("POST", "/api/referrals/" + referralId + "/sessions", PARTNER, "\"0\"",
                "{\"deliveredAt\":\"" + Instant.now().minusSeconds(20) + "\"}");
        assertThat(stale.statusCode()).isEqualTo(412);
        for (int i = 0; i < 2; i++) {
            HttpResponse<String> session = send("POST", "/api/referrals/" + referralId + "/sessions", PARTNER, null,
                    "{\"deliveredAt\":\"" + Instant.now().minusSeconds(20) + "\",\"note\":\"sesi konseling " + (i + 1) + "\"}");
            assertThat(session.statusCode()).as(session.body()).isEqualTo(200);
        }
        HttpResponse<String> completed = send("POST", "/api/referrals/" + referralId + "/completion", PARTNER, null,
                "{\"outcome\":\"GOALS_MET\",\"summary\":\"kembali bersekolah\"}");
        assertThat(completed.statusCode()).as(completed.body()).isEqualTo(200);
        JsonNode detail = json(completed);
        assertThat(detail.path("status").asText()).isEqualTo("COMPLETED");
        assertThat(detail.path("sessions").asInt()).isEqualTo(2);
        List<String> types = new ArrayList<>();
        detail.path("history").forEach(h -> types.add(h.path("type").asText()));
        assertThat(types).containsExactly("ReferralRequested", "ReferralAccepted", "ServiceSessionDelivered", "ServiceSessionDelivered",
                "ReferralCompleted");

        // delivery is at least once (another instance may publish a batch again): consumers deduplicate on ce_id, so does this test
        List<ConsumerRecord<String, byte[]>> records = TopicReader.recordsOf(Topics.REFERRAL_EVENTS, referralId,
                r -> r.stream().map(x -> TopicReader.header(x, "ce_id")).distinct().count() >= 6);
        List<String> published = new ArrayList<>();
        java.util.Set<String> seenIds = new java.util.HashSet<>();
        ContractValidator validator = new ContractValidator();
        for (ConsumerRecord<String, byte[]> record : records) {
            if (!seenIds.add(TopicReader.header(record, "ce_id"))) {
                continue;
            }
            EventType type = EventCatalog.byType(TopicReader.header(record, "ce_type")).orElseThrow();
            JsonNode data = JSON.readTree(record.value());
            assertThat(validator.validate(type, data)).as(type.type()).isEmpty();
            published.add(type.versionedName() + (data.has("status") ? ":" + data.path("status").asText() : ""));
            // no free text leaves the service
            assertThat(new String(record.value(), StandardCharsets.UTF_8)).doesNotContain("Siti", "konseling", "bersekolah", "Senin");
        }
        // the first session puts the referral IN_SERVICE, as referral-service's own state says
        assertThat(published).containsExactly("ReferralStatusChanged.v1:REQUESTED", "ReferralStatusChanged.v1:ACCEPTED",
                "ReferralSessionDelivered.v1", "ReferralStatusChanged.v1:IN_SERVICE", "ReferralSessionDelivered.v1",
                "ReferralStatusChanged.v1:COMPLETED");

        await().atMost(Duration.ofSeconds(30)).untilAsserted(() -> {
            JsonNode stats = json(send("GET", "/api/providers/sentra-handayani/statistics", SUPERVISOR, null, null));
            assertThat(stats.path("completed").asLong()).isGreaterThanOrEqualTo(1);
            assertThat(stats.path("medianHoursToAccept").isNumber()).isTrue();
        });
    }

    @Test
    void refusals_name_the_rule_in_english_and_bahasa_indonesia() throws Exception {
        providers();
        String caseId = knownCase("32.73.01", "peksos.bandung");
        HttpResponse<String> noConsent = send("POST", "/api/referrals", WORKER, null, referral(caseId, "sentra-handayani", null, false), "id");
        assertThat(noConsent.statusCode()).isEqualTo(400);
        assertThat(json(noConsent).path("type").asText()).isEqualTo("urn:amk:problem:referral.consent-required");
        assertThat(json(noConsent).path("title").asText()).isEqualTo("Persetujuan diperlukan");
        assertThat(json(noConsent).path("field").asText()).isEqualTo("consentBy");

        HttpResponse<String> full = send("POST", "/api/referrals", WORKER, null, referral(caseId, "puskesmas-full", "CHILD", false));
        assertThat(full.statusCode()).isEqualTo(409);
        assertThat(json(full).path("type").asText()).isEqualTo("urn:amk:problem:referral.provider-at-capacity");
        String overridden = referral(caseId, "puskesmas-full", "CHILD", false).replace("}", ",\"capacityOverrideReason\":\"nearest clinic\"}");
        assertThat(send("POST", "/api/referrals", WORKER, null, overridden).statusCode()).isEqualTo(201);

        // not the case's worker, and a case nobody told this service of: the same answer
        HttpResponse<String> notTheirs = send("POST", "/api/referrals", OTHER_WORKER, null, referral(caseId, "sentra-handayani", "CHILD", false));
        HttpResponse<String> unknown = send("POST", "/api/referrals", WORKER, null,
                referral(UUID.randomUUID().toString(), "sentra-handayani", "CHILD", false));
        assertThat(notTheirs.statusCode()).isEqualTo(404);
        assertThat(json(notTheirs).path("type").asText()).isEqualTo(json(unknown).path("type").asText());

        HttpResponse<String> badEnum = send("POST", "/api/referrals", WORKER, null,
                referral(caseId, "sentra-handayani", "CHILD", false).replace("THERAPY", "MAGIC"));
        assertThat(badEnum.statusCode()).isEqualTo(400);
        assertThat(badEnum.body()).doesNotContain("Exception", "at id.amk");
    }

    @Test
    void a_declined_referral_suggests_others_and_closing_the_case_cancels_open_referrals() throws Exception {
        providers();
        String caseId = knownCase("32.73.01", "peksos.bandung");
        String first = json(send("POST", "/api/referrals", WORKER, null, referral(caseId, "sentra-handayani", "CHILD", true))).path("referralId").asText();
        assertThat(json(send("GET", "/api/referrals/" + first, WORKER, null, null)).path("urgent").asBoolean()).isTrue();
        HttpResponse<String> declined = send("POST", "/api/referrals/" + first + "/decline", PARTNER, null, "{\"reason\":\"NO_CAPACITY\"}");
        assertThat(declined.statusCode()).as(declined.body()).isEqualTo(200);
        JsonNode suggestions = json(send("GET", "/api/referrals/" + first, WORKER, null, null)).path("suggestions");
        List<String> suggested = new ArrayList<>();
        suggestions.forEach(s -> suggested.add(s.path("providerId").asText()));
        assertThat(suggested).contains("uptd-ppa-bandung").doesNotContain("sentra-handayani", "puskesmas-full");

        String second = json(send("POST", "/api/referrals", WORKER, null, referral(caseId, "uptd-ppa-bandung", "CHILD", false))).path("referralId").asText();
        await().atMost(Duration.ofSeconds(30)).until(() -> mongo.findById(second, Document.class, "referrals") != null);
        publish(CaseStageChanged.TYPE, caseId, new CaseStageChanged(caseId, "REINTEGRATION", "CLOSED", "peksos.bandung", Instant.now(), null,
                null, null));
        await().atMost(Duration.ofSeconds(30)).untilAsserted(() ->
                assertThat(json(send("GET", "/api/referrals/" + second, WORKER, null, null)).path("status").asText()).isEqualTo("CANCELLED"));
        HttpResponse<String> afterClosure = send("POST", "/api/referrals", WORKER, null, referral(caseId, "uptd-ppa-bandung", "CHILD", false));
        assertThat(afterClosure.statusCode()).isEqualTo(409);
        assertThat(json(afterClosure).path("type").asText()).isEqualTo("urn:amk:problem:referral.case-closed");
    }

    @Test
    void a_referral_request_retried_with_one_idempotency_key_is_one_referral() throws Exception {
        providers();
        String caseId = knownCase("32.73.01", "peksos.bandung");
        String body = referral(caseId, "sentra-handayani", "CHILD", false);
        Map<String, String> key = Map.of("Idempotency-Key", UUID.randomUUID().toString());
        ApiClient api = new ApiClient(port);
        HttpResponse<String> first = api.send("POST", "/api/referrals", WORKER, null, body, key);
        HttpResponse<String> again = api.send("POST", "/api/referrals", WORKER, null, body, key);
        assertThat(first.statusCode()).as(first.body()).isEqualTo(201);
        assertThat(again.statusCode()).isEqualTo(201);
        assertThat(again.body()).isEqualTo(first.body());
        assertThat(again.headers().firstValue("Idempotent-Replayed")).hasValue("true");
        assertThat(api.send("POST", "/api/referrals", WORKER, null, body.replace("\"CHILD\"", "\"GUARDIAN\""), key).statusCode())
                .isEqualTo(422);
        await().atMost(Duration.ofSeconds(20)).untilAsserted(() -> assertThat(json(send("GET", "/api/referrals?caseId=" + caseId, WORKER,
                null, null)).path("total").asInt()).isEqualTo(1));
    }

    @Test
    void after_erasure_no_referral_text_of_the_case_can_be_read_anywhere() throws Exception {
        providers();
        String caseId = knownCase("32.73.01", "peksos.bandung");
        String referralId = json(send("POST", "/api/referrals", WORKER, null, referral(caseId, "sentra-handayani", "CHILD", false)))
                .path("referralId").asText();
        assertThat(json(send("GET", "/api/referrals/" + referralId, WORKER, null, null)).path("history").get(0).path("details")
                .path("reason").asText()).isEqualTo(REASON);
        publish(PersonalDataErased.TYPE, caseId, new PersonalDataErased(caseId, Instant.now()));
        await().atMost(Duration.ofSeconds(30)).untilAsserted(() ->
                assertThat(json(send("GET", "/api/referrals/" + referralId, WORKER, null, null)).path("history").get(0).path("details")
                        .path("reason").isNull()).isTrue());
        for (String collection : mongo.getCollectionNames()) {
            for (Document document : mongo.findAll(Document.class, collection)) {
                assertThat(document.toJson()).as(collection).doesNotContain("Siti Rahayu", "konseling trauma");
            }
        }
    }

    /** A case registered by case-service, as its public event tells this service. */
    private String knownCase(String region, String worker) throws Exception {
        String caseId = UUID.randomUUID().toString();
        publish(CaseRegistered.TYPE, caseId, new CaseRegistered(caseId, "AMK-3273-2026-" + (100000 + (int) (Math.random() * 800000)), null, region,
                List.of("VIOLENCE_VICTIM"), null, "HIGH", "WALK_IN", worker, worker, Instant.now()));
        publish(CaseStageChanged.TYPE, caseId, new CaseStageChanged(caseId, "REGISTERED", "ASSESSED", worker, Instant.now(), null, "HIGH",
                List.of("THERAPY")));
        await().atMost(Duration.ofSeconds(30)).until(() -> {
            Document known = mongo.findById(caseId, Document.class, "known_cases");
            return known != null && "ASSESSED".equals(known.getString("stage"));
        });
        return caseId;
    }

    private static void publish(EventType type, String key, Object data) throws Exception {
        try (var producer = new KafkaProducer<String, byte[]>(Map.of("bootstrap.servers", AmkInfra.get().kafkaBootstrapServers()),
                new StringSerializer(), new ByteArraySerializer())) {
            producer.send(CloudEventRecords.of(type, UUID.randomUUID().toString(), "/amk/case-service", key, Instant.now(),
                    JSON.writeValueAsBytes(data), null)).get();
        }
    }

    private static String referral(String caseId, String providerId, String consentBy, boolean healthNeed) {
        return """
                {"caseId":"%s","providerId":"%s","components":["THERAPY"],"reason":"%s","healthNeed":%s,"consentBy":%s}
                """.formatted(caseId, providerId, REASON, healthNeed, consentBy == null ? "null" : "\"" + consentBy + "\"");
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
