package id.amk.e2e;

import com.fasterxml.jackson.databind.JsonNode;
import com.fasterxml.jackson.databind.ObjectMapper;
import id.amk.platform.test.LocalPlatform;
import id.amk.platform.test.OidcBrowser;
import org.apache.kafka.clients.admin.AdminClient;
import org.junit.jupiter.api.AfterAll;
import org.junit.jupiter.api.BeforeAll;
import org.junit.jupiter.api.MethodOrderer;
import org.junit.jupiter.api.Order;
import org.junit.jupiter.api.Test;
import org.junit.jupiter.api.TestMethodOrder;

import java.io.IOException;
import java.net.http.HttpResponse;
import java.nio.file.Path;
import java.time.Duration;
import java.time.Instant;
import java.time.LocalDate;
import java.util.Base64;
import java.util.List;
import java.util.Map;
import java.util.concurrent.TimeUnit;

import static org.assertj.core.api.Assertions.assertThat;
import static org.assertj.core.api.Assertions.assertThatThrownBy;
import static org.awaitility.Awaitility.await;

/**
 * The platform as a newcomer starts it: `./amk up` (on ports of its own and a data directory under
 * target/), then what the README promises through the gateway and the broker, then `./amk down`.
 */
@TestMethodOrder(MethodOrderer.OrderAnnotation.class)
class PlatformUpIT {

    private static final Path ROOT = Path.of(System.getProperty("amk.root", "..")).toAbsolutePath().normalize();
    private static final Path DATA = ROOT.resolve("e2e-tests/target/amk-e2e");
    private static final int GATEWAY = 18080;
    private static final int KAFKA = 19092;
    /** Short deadlines so a missed one is seen within the test (the defaults are DESIGN.md's hours and days). */
    private static final Map<String, String> ENV = Map.of(
            "AMK_CASES_TIMELINESS_FIRSTCONTACTURGENT", "PT20S", "AMK_CASES_TIMELINESS_CHECK_INTERVAL", "2s",
            "AMK_NO_BUILD", "1"); // the reactor has just packaged every module
    private static final LocalPlatform PLATFORM = new LocalPlatform(ROOT, DATA, GATEWAY, KAFKA, 18017).with(ENV); // all below the ephemeral range (see WebConsoleIT)
    private static final String ABH_CHILD = "Bima Erasable Santoso";
    private static final String ABH_NIK = "3273010303100007";
    private static final String ABH_ADDRESS = "Gang Kenanga Tujuh 17";
    private static final ObjectMapper JSON = new ObjectMapper();
    private static String abhCaseId;

    private static LocalPlatform.Result up;

    @BeforeAll
    static void startPlatform() throws Exception {
        up = amk("up");
    }

    @AfterAll
    static void stopPlatform() throws Exception {
        amk("down");
    }

    @Test
    @Order(1)
    void up_reports_every_process_healthy_with_the_addresses() {
        assertThat(up.exitCode()).as(up.output()).isZero();
        assertThat(up.output()).contains("all 8 processes healthy", "http://localhost:" + GATEWAY,
                PLATFORM.kafkaBootstrap(), "demo-integration", "Demo#2026", DATA.toString());
    }

    @Test
    @Order(2)
    void the_gateway_is_up_and_hands_out_tokens_to_the_demo_client() throws Exception {
        assertThat(json(get("/actuator/health", null)).path("status").asText()).isEqualTo("UP");
        String token = token();
        assertThat(token.split("\\.")).hasSize(3);
    }

    @Test
    @Order(3)
    void an_api_call_without_a_token_is_refused_and_with_one_reaches_the_service() throws Exception {
        HttpResponse<String> refused = get("/api/cases", null);
        assertThat(refused.statusCode()).isEqualTo(401);
        assertThat(refused.headers().firstValue("Content-Type").orElse("")).startsWith("application/problem+json");
        assertThat(refused.headers().allValues("X-Request-Id")).hasSize(1);

        // the gateway lets the machine client's token (cases.read) through; case-service answers for itself
        HttpResponse<String> reached = get("/api/cases/00000000-0000-0000-0000-000000000000", token());
        assertThat(reached.statusCode()).isEqualTo(404);
        assertThat(reached.headers().firstValue("Content-Type").orElse("")).startsWith("application/problem+json");
    }

    @Test
    @Order(4)
    void the_broker_answers_only_a_client_that_logs_in_and_a_partner_sees_no_restricted_topic() throws Exception {
        try (AdminClient admin = AdminClient.create(PLATFORM.kafkaClient())) {
            assertThat(admin.describeCluster().nodes().get(10, TimeUnit.SECONDS)).hasSize(1);
            // identity-service has published the demo users: the topic is there (for the partner's view below)
            await().atMost(Duration.ofSeconds(60)).untilAsserted(() ->
                    assertThat(admin.listTopics().names().get(10, TimeUnit.SECONDS)).contains("identity.events.v1"));
        }
        try (AdminClient anonymous = AdminClient.create(Map.of("bootstrap.servers", PLATFORM.kafkaBootstrap(),
                "default.api.timeout.ms", 3000, "request.timeout.ms", 2000))) {
            assertThatThrownBy(() -> anonymous.describeCluster().nodes().get(10, TimeUnit.SECONDS))
                    .hasCauseInstanceOf(org.apache.kafka.common.errors.TimeoutException.class);
        }
        // the example partner of the README (kcat with its demo login): the topics it may list are the public ones
        Map<String, Object> partner = new java.util.HashMap<>(PLATFORM.kafkaClient());
        partner.put("sasl.jaas.config", "org.apache.kafka.common.security.scram.ScramLoginModule required username=\"partner\" password=\"amk-demo-kafka-partner\";");
        try (AdminClient admin = AdminClient.create(partner)) {
            assertThat(admin.listTopics().names().get(10, TimeUnit.SECONDS))
                    .doesNotContain("case.registry.v1", "identity.events.v1", "lapor.events.v1");
        }
    }

    @Test
    @Order(5)
    void a_demo_worker_signs_in_through_the_browser_flow_at_the_gateway_and_reaches_the_api() throws Exception {
        HttpResponse<String> tokens = new OidcBrowser(GATEWAY).signInForTokens("peksos.bandung", "Demo#2026");
        assertThat(tokens.statusCode()).as(tokens.body()).isEqualTo(200);
        String accessToken = JSON.readTree(tokens.body()).path("access_token").asText();
        HttpResponse<String> caseload = get("/api/cases", accessToken);
        assertThat(caseload.statusCode()).as(caseload.body()).isEqualTo(200);
        assertThat(JSON.readTree(caseload.body()).has("items")).isTrue();

        // the worker registers a case in Kota Bandung and records the first contact, with the version read
        HttpResponse<String> registered = send("POST", "/api/cases", accessToken, null,
                "{\"regionCode\":\"32.73.01\",\"child\":{\"name\":\"Anak E2E\",\"birthDate\":\"2016-03-03\",\"sex\":\"F\"},"
                        + "\"clusters\":[\"NEGLECT_VICTIM\"],\"riskLevel\":\"MEDIUM\",\"source\":\"WALK_IN\",\"consent\":true}");
        assertThat(registered.statusCode()).as(registered.body()).isEqualTo(201);
        String caseId = JSON.readTree(registered.body()).path("caseId").asText();
        HttpResponse<String> contacted = send("POST", "/api/cases/" + caseId + "/first-contact", accessToken, "\"0\"",
                "{\"contactedAt\":\"" + java.time.Instant.now().minusSeconds(60) + "\"}");
        assertThat(contacted.statusCode()).as(contacted.body()).isEqualTo(200);
        assertThat(contacted.headers().firstValue("ETag")).hasValue("\"1\"");
        assertThat(send("POST", "/api/cases/" + caseId + "/notes", accessToken, "\"0\"", "{\"note\":\"stale\"}").statusCode())
                .isEqualTo(412);
    }

    @Test
    @Order(6)
    void a_worker_refers_a_case_the_partner_accepts_serves_and_completes_and_the_case_shows_it() throws Exception {
        String worker = accessToken("peksos.bandung");
        String caseId = JSON.readTree(send("POST", "/api/cases", worker, null,
                "{\"regionCode\":\"32.73.01\",\"child\":{\"name\":\"Anak Rujukan\",\"birthDate\":\"2014-04-04\",\"sex\":\"M\"},"
                        + "\"clusters\":[\"VIOLENCE_VICTIM\"],\"riskLevel\":\"HIGH\",\"source\":\"WALK_IN\",\"consent\":true}").body())
                .path("caseId").asText();
        String body = "{\"caseId\":\"" + caseId + "\",\"providerId\":\"sentra-handayani-jakarta\",\"components\":[\"THERAPY\"],"
                + "\"reason\":\"psychosocial therapy after violence\",\"consentBy\":\"GUARDIAN\"}";
        // referral-service learns of the case from case.events.v1 within moments
        String[] referralId = new String[1];
        await().atMost(Duration.ofSeconds(30)).pollInterval(Duration.ofMillis(500)).untilAsserted(() -> {
            HttpResponse<String> requested = send("POST", "/api/referrals", worker, null, body);
            assertThat(requested.statusCode()).as(requested.body()).isEqualTo(201);
            referralId[0] = JSON.readTree(requested.body()).path("referralId").asText();
        });
        String referral = "/api/referrals/" + referralId[0];
        assertThat(send("POST", referral + "/acceptance", worker, null, "{}").statusCode()).isEqualTo(403);

        String partner = accessToken("mitra.handayani");
        JsonNode inbox = json(get("/api/referrals?status=REQUESTED", partner));
        assertThat(inbox.path("items").toString()).contains(referralId[0]);
        assertThat(send("POST", referral + "/acceptance", partner, "\"0\"", "{}").statusCode()).isEqualTo(200);
        for (int i = 0; i < 2; i++) {
            HttpResponse<String> session = send("POST", referral + "/sessions", partner, null,
                    "{\"deliveredAt\":\"" + java.time.Instant.now().minusSeconds(20) + "\"}");
            assertThat(session.statusCode()).as(session.body()).isEqualTo(200);
        }
        HttpResponse<String> completed = send("POST", referral + "/completion", partner, null, "{\"outcome\":\"GOALS_MET\"}");
        assertThat(completed.statusCode()).as(completed.body()).isEqualTo(200);

        // case-service shows the referral's progress from referral.events.v1
        await().atMost(Duration.ofSeconds(30)).pollInterval(Duration.ofMillis(500)).untilAsserted(() -> {
            JsonNode referrals = json(get("/api/cases/" + caseId, worker)).path("referrals");
            assertThat(referrals).hasSize(1);
            assertThat(referrals.get(0).path("status").asText()).isEqualTo("COMPLETED");
            assertThat(referrals.get(0).path("sessionsDelivered").asInt()).isEqualTo(2);
        });
    }

    /** Every status a referral can have, as referral-service holds it, is what the ministry's referral dashboard counts. */
    @Test
    @Order(6)
    void the_referral_dashboard_counts_every_status_as_referral_service_holds_it() throws Exception {
        String worker = accessToken("peksos.bandung");
        String partner = accessToken("mitra.handayani");
        String supervisor = accessToken("supervisor.jabar");
        List<String> paths = List.of("REQUESTED", "ACCEPTED", "IN_SERVICE", "DECLINED", "COMPLETED", "CANCELLED");
        for (String path : paths) {
            String caseId = JSON.readTree(send("POST", "/api/cases", worker, null,
                    "{\"regionCode\":\"32.73.01\",\"child\":{\"name\":\"Anak Rekonsiliasi\",\"birthDate\":\"2014-04-04\",\"sex\":\"M\"},"
                            + "\"clusters\":[\"VIOLENCE_VICTIM\"],\"riskLevel\":\"HIGH\",\"source\":\"WALK_IN\",\"consent\":true}").body())
                    .path("caseId").asText();
            String[] referral = new String[1];
            await().atMost(Duration.ofSeconds(30)).pollInterval(Duration.ofMillis(500)).untilAsserted(() -> {
                HttpResponse<String> requested = send("POST", "/api/referrals", worker, null, "{\"caseId\":\"" + caseId
                        + "\",\"providerId\":\"sentra-handayani-jakarta\",\"components\":[\"THERAPY\"],\"reason\":\"terapi\",\"consentBy\":\"GUARDIAN\"}");
                assertThat(requested.statusCode()).as(requested.body()).isEqualTo(201);
                referral[0] = "/api/referrals/" + JSON.readTree(requested.body()).path("referralId").asText();
            });
            String session = "{\"deliveredAt\":\"" + java.time.Instant.now().minusSeconds(30) + "\"}";
            List<String[]> steps = switch (path) {
                case "ACCEPTED" -> List.<String[]>of(new String[] {"acceptance", "{}"});
                case "IN_SERVICE" -> List.of(new String[] {"acceptance", "{}"}, new String[] {"sessions", session});
                case "DECLINED" -> List.<String[]>of(new String[] {"decline", "{\"reason\":\"NO_CAPACITY\"}"});
                case "COMPLETED" -> List.of(new String[] {"acceptance", "{}"}, new String[] {"sessions", session},
                        new String[] {"completion", "{\"outcome\":\"GOALS_MET\"}"});
                case "CANCELLED" -> List.<String[]>of(new String[] {"cancellation", "{\"reason\":\"WITHDRAWN\"}"});
                default -> List.<String[]>of();
            };
            for (String[] step : steps) {
                HttpResponse<String> answer = send("POST", referral[0] + "/" + step[0], step[0].equals("cancellation") ? worker : partner, null, step[1]);
                assertThat(answer.statusCode()).as(path + " " + step[0] + " " + answer.body()).isEqualTo(200);
            }
            assertThat(json(get(referral[0], supervisor)).path("status").asText()).isEqualTo(path);
        }
        await().atMost(Duration.ofSeconds(60)).pollInterval(Duration.ofSeconds(1)).untilAsserted(() -> {
            JsonNode byStatus = json(get("/api/dashboards/referrals?region=32", supervisor)).path("byStatus");
            for (String status : paths) {
                long owner = json(get("/api/referrals?status=" + status + "&size=1", supervisor)).path("total").asLong();
                assertThat(owner).as("referral-service, " + status).isPositive();
                assertThat(byStatus.path(status).asLong()).as("dashboard, " + status + " (referral-service holds " + owner + ")").isEqualTo(owner);
            }
        });
    }

    @Test
    @Order(7)
    void a_community_report_becomes_a_case_assessed_planned_referred_served_and_closed_on_the_dashboards_and_timeline() throws Exception {
        String portal = token();
        String worker = accessToken("peksos.bandung");
        String analyst = accessToken("analis.kemensos");
        JsonNode figuresBefore = json(get("/api/dashboards/cases?region=32.73", analyst));

        HttpResponse<String> submitted = send("POST", "/api/reports", portal, null,
                "{\"reporterType\":\"COMMUNITY\",\"reporterName\":\"Pak RT Darmo\",\"reporterContact\":\"0813-0000-1111\","
                        + "\"regionCode\":\"32.73.01\",\"description\":\"Anak Lapor Edua ditinggal sendirian berhari-hari\","
                        + "\"child\":{\"name\":\"Anak Lapor Edua\",\"estimatedAge\":7},\"urgency\":\"HIGH\","
                        + "\"suspectedClusters\":[\"NEGLECT_VICTIM\"]}");
        assertThat(submitted.statusCode()).as(submitted.body()).isEqualTo(201);
        String reportId = json(submitted).path("reportId").asText();
        String tracking = json(submitted).path("trackingCode").asText();
        await().atMost(Duration.ofSeconds(30)).pollInterval(Duration.ofMillis(500)).untilAsserted(() ->
                assertThat(send("POST", "/api/reports/" + reportId + "/triage", worker, null,
                        "{\"decision\":\"ACCEPT\",\"assignedWorker\":\"peksos.bandung\"}").statusCode()).isEqualTo(200));
        String caseId = json(get("/api/reports/" + reportId, worker)).path("caseId").asText();

        // case-service registers exactly one case for it; the reporter sees "accepted" and nothing of the child
        await().atMost(Duration.ofSeconds(30)).pollInterval(Duration.ofMillis(500)).untilAsserted(() ->
                assertThat(get("/api/cases/" + caseId, worker).statusCode()).isEqualTo(200));
        JsonNode history = json(get("/api/cases/" + caseId + "/history", worker));
        assertThat(history.toString().split("\"CaseRegistered\"", -1)).hasSize(2);
        JsonNode status = json(get("/api/reports/tracking/" + tracking, portal));
        assertThat(status.path("status").asText()).isEqualTo("ACCEPTED");
        assertThat(status.toString()).doesNotContain("Edua", caseId);

        // the worker's stages: first contact, assessment, plan
        String version = step(worker, caseId, "first-contact", "\"0\"", "{\"contactedAt\":\"" + Instant.now().minusSeconds(60) + "\"}");
        version = step(worker, caseId, "assessment", version, "{\"needs\":[\"care\"],\"risks\":[\"left alone\"],"
                + "\"recommendedComponents\":[\"CARE\",\"FAMILY_SUPPORT\"],\"riskLevel\":\"HIGH\"}");
        version = step(worker, caseId, "plan", version, "{\"goals\":[\"cared for\"],\"actions\":[{\"description\":\"refer to Sentra\","
                + "\"due\":\"" + LocalDate.now().plusDays(14) + "\",\"responsible\":\"peksos.bandung\"}]}");

        // referred to a SERASI centre (Sentra), which accepts, serves and completes
        String[] referralId = new String[1];
        await().atMost(Duration.ofSeconds(30)).pollInterval(Duration.ofMillis(500)).untilAsserted(() -> {
            HttpResponse<String> requested = send("POST", "/api/referrals", worker, null, "{\"caseId\":\"" + caseId + "\","
                    + "\"providerId\":\"sentra-handayani-jakarta\",\"components\":[\"CARE\"],\"reason\":\"needs care\","
                    + "\"consentBy\":\"GUARDIAN\"}");
            assertThat(requested.statusCode()).as(requested.body()).isEqualTo(201);
            referralId[0] = json(requested).path("referralId").asText();
        });
        String partner = accessToken("mitra.handayani");
        String referral = "/api/referrals/" + referralId[0];
        assertThat(send("POST", referral + "/acceptance", partner, null, "{}").statusCode()).isEqualTo(200);
        assertThat(send("POST", referral + "/sessions", partner, null,
                "{\"deliveredAt\":\"" + Instant.now().minusSeconds(20) + "\"}").statusCode()).isEqualTo(200);
        assertThat(send("POST", referral + "/completion", partner, null, "{\"outcome\":\"GOALS_MET\"}").statusCode()).isEqualTo(200);

        // the worker carries the case to its end
        version = step(worker, caseId, "intervention", version, null);
        version = step(worker, caseId, "reintegration", version, "{\"reason\":\"back with family\"}");
        step(worker, caseId, "closure", version, "{\"reason\":\"GOALS_MET\",\"outcome\":\"with family, in school\"}");

        // the partner follows the case's and the referral's progress to the end, without the child's data
        await().atMost(Duration.ofSeconds(30)).pollInterval(Duration.ofMillis(500)).untilAsserted(() -> {
            HttpResponse<String> thread = get("/api/coordination/" + caseId, partner);
            assertThat(thread.statusCode()).as(thread.body()).isEqualTo(200);
            assertThat(thread.body()).contains("CASE_REGISTERED", "FIRST_CONTACT", "REFERRAL_REQUESTED", "REFERRAL_ACCEPTED",
                            "REFERRAL_SESSION", "REFERRAL_COMPLETED", "\"CLOSED\"")
                    .doesNotContain("Edua", "Darmo", "0813");
        });
        JsonNode detail = json(get("/api/cases/" + caseId, worker));
        assertThat(detail.path("stage").asText()).isEqualTo("CLOSED");
        assertThat(detail.path("referrals").get(0).path("status").asText()).isEqualTo("COMPLETED");

        // the dashboards count it as registered and closed, and a rebuild from the topics ends with the same numbers
        await().atMost(Duration.ofSeconds(30)).pollInterval(Duration.ofMillis(500)).untilAsserted(() -> {
            JsonNode figures = json(get("/api/dashboards/cases?region=32.73", analyst));
            assertThat(figures.path("total").asLong()).isEqualTo(figuresBefore.path("total").asLong() + 1);
            assertThat(figures.path("closed").asLong()).isEqualTo(figuresBefore.path("closed").asLong() + 1);
        });
        String before = get("/api/dashboards/cases?region=32.73", analyst).body();
        String admin = accessToken("admin");
        assertThat(send("POST", "/api/admin/projections/monitoring/rebuild", admin, null, "").statusCode()).isEqualTo(202);
        await().atMost(Duration.ofSeconds(60)).pollInterval(Duration.ofMillis(500)).untilAsserted(() ->
                assertThat(json(get("/api/admin/projections/monitoring/status", admin)).path("state").asText()).isEqualTo("DONE"));
        JsonNode rebuilt = json(get("/api/admin/projections/monitoring/status", admin));
        assertThat(rebuilt.path("done").asLong()).isEqualTo(rebuilt.path("total").asLong()).isPositive();
        assertThat(get("/api/dashboards/cases?region=32.73", analyst).body()).isEqualTo(before);
    }

    @Test
    @Order(8)
    void an_urgent_abh_case_without_first_contact_misses_its_deadline_and_is_escalated_to_the_supervisor() throws Exception {
        // this platform runs with an URGENT first-contact deadline of 20 s (ENV above)
        String worker = accessToken("peksos.bandung");
        String supervisor = accessToken("supervisor.jabar");
        String analyst = accessToken("analis.kemensos");
        long breachesBefore = json(get("/api/dashboards/cases?region=32.73", analyst)).path("deadlineBreaches").asLong();

        HttpResponse<String> created = send("POST", "/api/cases", worker, null,
                "{\"regionCode\":\"32.73.01\",\"child\":{\"name\":\"" + ABH_CHILD + "\",\"nik\":\"" + ABH_NIK + "\","
                        + "\"birthDate\":\"2010-03-03\",\"sex\":\"M\",\"address\":\"" + ABH_ADDRESS + "\"},"
                        + "\"clusters\":[\"ABH\"],\"abhRole\":\"PERPETRATOR\",\"riskLevel\":\"URGENT\",\"source\":\"POLICE\","
                        + "\"consent\":true}");
        assertThat(created.statusCode()).as(created.body()).isEqualTo(201);
        abhCaseId = json(created).path("caseId").asText();

        await().atMost(Duration.ofSeconds(90)).pollInterval(Duration.ofSeconds(1)).untilAsserted(() ->
                assertThat(json(get("/api/cases/" + abhCaseId, worker)).path("overdue").toString()).contains("FIRST_CONTACT"));
        JsonNode history = json(get("/api/cases/" + abhCaseId + "/history", worker));
        assertThat(history.toString().split("\"CaseDeadlineMissed\"", -1)).as(history.toString()).hasSize(2);
        // the province's supervisor finds it among the overdue cases, the ministry counts the breach
        assertThat(json(get("/api/cases?overdue=true", supervisor)).path("items").findValuesAsText("caseId")).contains(abhCaseId);
        await().atMost(Duration.ofSeconds(30)).pollInterval(Duration.ofMillis(500)).untilAsserted(() -> {
            assertThat(json(get("/api/dashboards/cases?region=32.73", analyst)).path("deadlineBreaches").asLong())
                    .isEqualTo(breachesBefore + 1);
            assertThat(get("/api/coordination/" + abhCaseId, worker).body()).contains("DEADLINE_MISSED", "FIRST_CONTACT");
        });
    }

    @Test
    @Order(9)
    void erasing_the_childs_personal_data_leaves_it_in_no_database_and_no_topic() throws Exception {
        String supervisor = accessToken("supervisor.jabar");
        HttpResponse<String> erased = send("DELETE", "/api/cases/" + abhCaseId + "/personal-data", supervisor, null,
                "{\"reason\":\"request of the guardian (UU PDP)\"}");
        assertThat(erased.statusCode()).as(erased.body()).isBetween(200, 204);
        // an ABH file: the supervisor, not its worker, states why they read it (through the gateway, into the audit)
        assertThat(get("/api/cases/" + abhCaseId, supervisor).statusCode()).isEqualTo(428);
        HttpResponse<String> read = java.net.http.HttpClient.newHttpClient().send(java.net.http.HttpRequest.newBuilder(
                        java.net.URI.create("http://localhost:" + GATEWAY + "/api/cases/" + abhCaseId))
                .header("Authorization", "Bearer " + supervisor).header("X-Purpose", "erasure%20check").build(),
                HttpResponse.BodyHandlers.ofString());
        assertThat(json(read).path("child").isNull()).isTrue();

        List<String> secrets = List.of(ABH_CHILD, ABH_NIK, ABH_ADDRESS);
        // every document of every service's database (event stores, views, keys, audit) and every record of every topic
        await().atMost(Duration.ofSeconds(30)).pollInterval(Duration.ofSeconds(1)).untilAsserted(() -> {
            RawData.MongoScan mongo = RawData.scanMongo(PLATFORM.mongoUri(), secrets);
            assertThat(mongo.databases()).contains("amk-case", "amk-referral", "amk-reporting", "amk-identity");
            assertThat(mongo.documentsRead()).isGreaterThan(100);
            assertThat(mongo.found()).isEmpty();
        });
        RawData.TopicScan topics = RawData.scanTopics(PLATFORM.kafkaClient(), secrets, "case.registry.v1");
        assertThat(topics.recordsRead()).isGreaterThan(20);
        assertThat(topics.found()).isEmpty();
        // the restricted registry topic carried the NIK while the child was linked (which also shows the scan finds what is
        // there); until the log cleaner compacts it, the older record stays in the log, and the latest for the case is the unlink
        assertThat(RawData.scanTopic(PLATFORM.kafkaClient(), secrets, "case.registry.v1").found()).isNotEmpty();
        await().atMost(Duration.ofSeconds(30)).pollInterval(Duration.ofSeconds(1)).untilAsserted(() ->
                assertThat(RawData.latestValue(PLATFORM.kafkaClient(), "case.registry.v1", abhCaseId)).doesNotContain(ABH_NIK));
    }

    /**
     * Every free text the API takes for a case, its report, its referral and its coordination thread carries one marker.
     * The texts are recorded (the API shows each back), yet no database document, no Kafka record of any topic, no log
     * line and no byte of the embedded Mongo's and Kafka's files holds the marker: at rest there is only ciphertext. After
     * the erasure the API shows none of them any more.
     */
    @Test
    @Order(9)
    void every_free_text_of_a_case_its_report_referral_and_thread_is_sealed_at_rest_and_gone_after_erasure() throws Exception {
        String m = "MRK" + java.util.UUID.randomUUID().toString().replace("-", "").substring(0, 12);
        String worker = accessToken("peksos.bandung");
        String supervisor = accessToken("supervisor.jabar");
        String partner = accessToken("mitra.handayani");
        HttpResponse<String> submitted = send("POST", "/api/reports", token(), null,
                "{\"reporterType\":\"COMMUNITY\",\"reporterName\":\"" + m + "-reporter\",\"reporterContact\":\"" + m + "-contact\","
                        + "\"regionCode\":\"32.73.01\",\"description\":\"" + m + "-description\","
                        + "\"child\":{\"name\":\"" + m + "-hint\",\"estimatedAge\":9},\"urgency\":\"MEDIUM\",\"suspectedClusters\":[\"NEGLECT_VICTIM\"]}");
        assertThat(submitted.statusCode()).as(submitted.body()).isEqualTo(201);
        String reportId = json(submitted).path("reportId").asText();
        await().atMost(Duration.ofSeconds(30)).pollInterval(Duration.ofMillis(500)).untilAsserted(() ->
                assertThat(send("POST", "/api/reports/" + reportId + "/triage", worker, null,
                        "{\"decision\":\"ACCEPT\",\"assignedWorker\":\"peksos.bandung\"}").statusCode()).isEqualTo(200));
        String caseId = json(get("/api/reports/" + reportId, worker)).path("caseId").asText();
        await().atMost(Duration.ofSeconds(30)).pollInterval(Duration.ofMillis(500)).untilAsserted(() ->
                assertThat(get("/api/cases/" + caseId, worker).statusCode()).isEqualTo(200));

        String v = step(worker, caseId, "child", "\"0\"", "{\"name\":\"" + m + "-name\",\"birthDate\":\"2017-05-05\",\"sex\":\"F\","
                + "\"disability\":\"" + m + "-disability\",\"address\":\"" + m + "-address\",\"guardianName\":\"" + m + "-guardian\"}");
        v = step(worker, caseId, "first-contact", v, "{\"contactedAt\":\"" + Instant.now().minusSeconds(60) + "\",\"note\":\"" + m + "-contact-note\"}");
        v = step(worker, caseId, "assessment", v, "{\"needs\":[\"" + m + "-needs\"],\"risks\":[\"" + m + "-risks\"],"
                + "\"recommendedComponents\":[\"CARE\"],\"riskLevel\":\"MEDIUM\"}");
        v = step(worker, caseId, "plan", v, "{\"goals\":[\"" + m + "-goals\"],\"actions\":[{\"description\":\"" + m + "-action\","
                + "\"due\":\"" + LocalDate.now().plusDays(14) + "\",\"responsible\":\"" + m + "-responsible\"}]}");
        v = step(worker, caseId, "notes", v, "{\"note\":\"" + m + "-progress-note\"}");
        v = step(supervisor, caseId, "transfer", v, "{\"toRegionCode\":\"32.73.02\",\"toWorker\":\"peksos.bandung\",\"reason\":\"" + m + "-transfer\"}");

        String[] referralId = new String[1];
        await().atMost(Duration.ofSeconds(30)).pollInterval(Duration.ofMillis(500)).untilAsserted(() -> {
            HttpResponse<String> requested = send("POST", "/api/referrals", worker, null, "{\"caseId\":\"" + caseId + "\","
                    + "\"providerId\":\"sentra-handayani-jakarta\",\"components\":[\"CARE\"],\"reason\":\"" + m + "-referral\","
                    + "\"consentBy\":\"GUARDIAN\"}");
            assertThat(requested.statusCode()).as(requested.body()).isEqualTo(201);
            referralId[0] = json(requested).path("referralId").asText();
        });
        String referral = "/api/referrals/" + referralId[0];
        assertThat(send("POST", referral + "/acceptance", partner, null, "{\"note\":\"" + m + "-acceptance\"}").statusCode()).isEqualTo(200);
        assertThat(send("POST", referral + "/sessions", partner, null, "{\"deliveredAt\":\"" + Instant.now().minusSeconds(20)
                + "\",\"note\":\"" + m + "-session\"}").statusCode()).isEqualTo(200);
        assertThat(send("POST", referral + "/completion", partner, null, "{\"outcome\":\"GOALS_MET\",\"summary\":\"" + m + "-summary\"}")
                .statusCode()).isEqualTo(200);
        await().atMost(Duration.ofSeconds(30)).pollInterval(Duration.ofMillis(500)).untilAsserted(() ->
                assertThat(send("POST", "/api/coordination/" + caseId + "/messages", worker, null, "{\"text\":\"" + m + "-message\"}")
                        .statusCode()).isBetween(200, 201));

        v = step(worker, caseId, "intervention", v, null);
        v = step(worker, caseId, "reintegration", v, "{\"reason\":\"" + m + "-reintegration\"}");
        v = step(worker, caseId, "closure", v, "{\"reason\":\"" + m + "-closure\",\"outcome\":\"" + m + "-outcome\"}");
        v = step(worker, caseId, "follow-up-visits", v, "{\"visitedAt\":\"" + Instant.now().minusSeconds(10) + "\",\"note\":\"" + m + "-follow-up\"}");
        step(supervisor, caseId, "reopening", v, "{\"reason\":\"" + m + "-reopening\"}");

        // recorded: what the API shows back holds every one of them
        String shown = get("/api/cases/" + caseId + "/history", worker).body() + get("/api/cases/" + caseId, worker).body()
                + get(referral, partner).body() + get("/api/coordination/" + caseId, worker).body() + get("/api/reports/" + reportId, worker).body();
        List<String> fields = List.of("reporter", "contact", "description", "name", "disability", "address", "guardian", "contact-note",
                "needs", "risks", "goals", "action", "responsible", "progress-note", "transfer", "referral", "acceptance", "session",
                "summary", "message", "reintegration", "closure", "outcome", "follow-up", "reopening");
        List<String> notShown = fields.stream().filter(f -> !shown.contains(m + "-" + f + "\"")).toList();
        System.out.println("Free texts recorded but not shown back by the API (not checked at rest): " + notShown);

        // at rest: ciphertext only, in every database, topic, log and data file
        List<String> marker = List.of(m);
        await().atMost(Duration.ofSeconds(10)).pollInterval(Duration.ofSeconds(1)).untilAsserted(() ->
                assertThat(RawData.scanMongo(PLATFORM.mongoUri(), marker).found()).as("documents holding a free text in clear").isEmpty());
        RawData.TopicScan topics = RawData.scanTopics(PLATFORM.kafkaClient(), marker);
        assertThat(topics.recordsRead()).isGreaterThan(50);
        assertThat(topics.found()).as("Kafka records holding a free text in clear").isEmpty();
        RawData.FileScan files = RawData.scanFiles(PLATFORM.data(), marker);
        System.out.println("Scanned " + files.filesRead() + " files, " + files.bytesRead() / 1024 / 1024 + " MB, for the marker");
        assertThat(files.found()).as("data and log files holding a free text in clear").isEmpty();

        HttpResponse<String> erased = send("DELETE", "/api/cases/" + caseId + "/personal-data", supervisor, null,
                "{\"reason\":\"request of the guardian (UU PDP)\"}");
        assertThat(erased.statusCode()).as(erased.body()).isBetween(200, 204);
        await().atMost(Duration.ofSeconds(30)).pollInterval(Duration.ofSeconds(1)).untilAsserted(() -> {
            String after = get("/api/cases/" + caseId + "/history", worker).body() + get("/api/cases/" + caseId, worker).body()
                    + get(referral, partner).body() + get("/api/coordination/" + caseId, worker).body()
                    + get("/api/reports/" + reportId, worker).body();
            assertThat(fields.stream().filter(f -> after.contains(m + "-" + f)).toList()).as("free texts still shown after the erasure").isEmpty();
        });
        assertThat(notShown).as("every free text is shown back while the case lives").isEmpty();
    }

    private String step(String token, String caseId, String step, String ifMatch, String body) throws Exception {
        HttpResponse<String> response = send("POST", "/api/cases/" + caseId + "/" + step, token, ifMatch, body == null ? "" : body);
        assertThat(response.statusCode()).as(step + ": " + response.body()).isEqualTo(200);
        return response.headers().firstValue("ETag").orElseThrow();
    }

    private String accessToken(String username) throws Exception {
        return PLATFORM.userToken(username);
    }

    /**
     * An admin disables a worker: the refresh token is refused at once, and the access token the worker already holds is
     * refused by every service within the minute (measured), through the gateway as a client would call them.
     */
    @Test
    @Order(10)
    void a_disabled_worker_is_refused_by_every_service_within_a_minute_and_cannot_refresh() throws Exception {
        OidcBrowser browser = new OidcBrowser(GATEWAY);
        JsonNode tokens = JSON.readTree(browser.signInForTokens("peksos.bandung", "Demo#2026").body());
        String access = tokens.path("access_token").asText();
        String refresh = tokens.path("refresh_token").asText();
        List<String> everywhere = List.of("/api/cases", "/api/reports", "/api/referrals", "/api/notifications");
        for (String path : everywhere) {
            assertThat(get(path, access).statusCode()).as(path).isEqualTo(200);
        }
        String admin = token();
        String userId = null;
        for (JsonNode user : JSON.readTree(get("/api/users", admin).body())) {
            if ("peksos.bandung".equals(user.path("username").asText())) {
                userId = user.path("userId").asText();
            }
        }
        assertThat(userId).isNotNull();
        Thread.sleep(1_100); // iat has whole seconds

        java.time.Instant disabled = java.time.Instant.now();
        assertThat(send("POST", "/api/users/" + userId + "/disable", admin, null, "").statusCode()).isEqualTo(200);
        HttpResponse<String> refreshed = browser.token(Map.of("grant_type", "refresh_token", "refresh_token", refresh));
        assertThat(refreshed.statusCode()).as("a refresh right after the disable: " + refreshed.body()).isEqualTo(400);
        assertThat(refreshed.body()).contains("invalid_grant");
        Map<String, Long> refusedAfter = new java.util.LinkedHashMap<>();
        await().atMost(Duration.ofSeconds(60)).pollInterval(Duration.ofMillis(200)).until(() -> {
            for (String path : everywhere) {
                if (!refusedAfter.containsKey(path) && get(path, access).statusCode() == 401) {
                    refusedAfter.put(path, Duration.between(disabled, java.time.Instant.now()).toMillis());
                }
            }
            return refusedAfter.size() == everywhere.size();
        });
        System.out.println("A disabled worker's access token was refused after (ms): " + refusedAfter);
        assertThat(refusedAfter.values()).allSatisfy(ms -> assertThat(ms).isLessThan(60_000));

        assertThat(send("POST", "/api/users/" + userId + "/enable", admin, null, "").statusCode()).isEqualTo(200);
        assertThat(get("/api/cases", accessToken("peksos.bandung")).statusCode()).as("signed in again after the enable").isEqualTo(200);
        assertThat(get("/api/cases", access).statusCode()).as("the token from before the disable").isEqualTo(401);
    }

    @Test
    @Order(11)
    void restarting_identity_service_invalidates_no_issued_token() throws Exception {
        String before = token();
        LocalPlatform.Result restart = amk("restart", "identity-service");
        assertThat(restart.exitCode()).as(restart.output()).isZero();
        assertThat(get("/api/cases/00000000-0000-0000-0000-000000000000", before).statusCode()).isEqualTo(404);
        String after = token();
        assertThat(keyId(after)).isEqualTo(keyId(before));
    }

    private static String keyId(String jwt) throws IOException {
        return JSON.readTree(Base64.getUrlDecoder().decode(jwt.split("\\.")[0])).path("kid").asText();
    }

    @Test
    @Order(12)
    void a_second_up_is_refused_in_one_line_and_status_shows_all_up() throws Exception {
        LocalPlatform.Result again = amk("up");
        assertThat(again.exitCode()).isNotZero();
        assertThat(again.output().strip()).startsWith("amk: AMK is already running").doesNotContain("\n");
        LocalPlatform.Result status = amk("status");
        assertThat(status.exitCode()).isZero();
        assertThat(status.output().lines().filter(l -> l.endsWith(" UP"))).hasSize(8);
    }

    @Test
    @Order(13)
    void down_stops_every_process() throws Exception {
        List<Long> pids = List.copyOf(PLATFORM.pids().values());
        assertThat(pids).hasSize(8);
        LocalPlatform.Result down = amk("down");
        assertThat(down.exitCode()).isZero();
        assertThat(pids).allSatisfy(pid -> assertThat(ProcessHandle.of(pid).map(ProcessHandle::isAlive).orElse(false))
                .as("process %d", pid).isFalse());
    }

    private String token() throws Exception {
        return PLATFORM.clientToken();
    }

    private HttpResponse<String> get(String path, String token) throws IOException, InterruptedException {
        return PLATFORM.get(path, token);
    }

    private HttpResponse<String> send(String method, String path, String token, String ifMatch, String body)
            throws IOException, InterruptedException {
        return PLATFORM.send(GATEWAY, method, path, token, ifMatch, body);
    }

    private static JsonNode json(HttpResponse<String> response) throws IOException {
        return LocalPlatform.json(response);
    }

    private static LocalPlatform.Result amk(String... command) {
        return PLATFORM.amk(command);
    }
}
