package id.amk.reporting.notification;

import com.fasterxml.jackson.databind.JsonNode;
import com.fasterxml.jackson.databind.ObjectMapper;
import id.amk.contracts.EventType;
import id.amk.contracts.cases.CaseDeadlineApproaching;
import id.amk.contracts.cases.CaseRegistered;
import id.amk.contracts.identity.UserRegistered;
import id.amk.contracts.referral.ReferralStatusChanged;
import id.amk.platform.relay.CloudEventRecords;
import id.amk.platform.test.AmkInfra;
import id.amk.platform.test.AmkTest;
import id.amk.platform.test.ApiClient;
import id.amk.platform.test.TestJwtIssuer;
import id.amk.reporting.people.People;
import org.apache.kafka.clients.producer.KafkaProducer;
import org.apache.kafka.clients.producer.ProducerRecord;
import org.apache.kafka.common.serialization.ByteArraySerializer;
import org.apache.kafka.common.serialization.StringSerializer;
import com.icegreen.greenmail.util.GreenMail;
import com.icegreen.greenmail.util.GreenMailUtil;
import com.icegreen.greenmail.util.ServerSetup;
import jakarta.mail.internet.MimeMessage;
import org.junit.jupiter.api.AfterAll;
import org.junit.jupiter.api.Test;
import org.springframework.test.context.DynamicPropertyRegistry;
import org.springframework.test.context.DynamicPropertySource;
import org.springframework.beans.factory.annotation.Autowired;
import org.springframework.boot.test.context.SpringBootTest;
import org.springframework.boot.test.web.server.LocalServerPort;

import java.time.Duration;
import java.time.Instant;
import java.util.List;
import java.util.Map;
import java.util.UUID;

import static org.assertj.core.api.Assertions.assertThat;
import static org.awaitility.Awaitility.await;

/**
 * "My items" over real HTTP and Kafka: the region's worker is told of a new public report, the province's supervisor of
 * its missed triage deadline, the assigned worker of a case (once, though the event arrives twice), the provider's users
 * of a new referral; nobody is told what they did themselves, nobody reads or marks another person's items, and no item
 * holds a child's name. Each notice is also mailed once, through a real SMTP server (GreenMail), with no child's data.
 */
@AmkTest
@SpringBootTest(webEnvironment = SpringBootTest.WebEnvironment.RANDOM_PORT, properties = {
        "amk.reports.triage-within.URGENT=2s", "amk.reports.check-interval=500ms", "amk.reports.first-check=0s",
        "amk.reports.tracking.lookups-per-code=5"})
class NotificationsTest {

    private static final ObjectMapper JSON = new ObjectMapper().findAndRegisterModules()
            .disable(com.fasterxml.jackson.databind.SerializationFeature.WRITE_DATES_AS_TIMESTAMPS); // instants as the contracts write them
    private static final TestJwtIssuer TOKENS = TestJwtIssuer.get();
    private static final String TAG = Long.toString(System.nanoTime(), 36);
    private static final String WORKER_NAME = "peksos.n" + TAG;
    private static final String SUPERVISOR_NAME = "supervisor.n" + TAG;
    private static final String PARTNER_NAME = "mitra.n" + TAG;
    private static final String AGENCY = "lksa-n" + TAG;
    private static final String WORKER = TOKENS.userToken(WORKER_NAME, List.of("PEKSOS"), List.of("33.74"), null);
    private static final String SUPERVISOR = TOKENS.userToken(SUPERVISOR_NAME, List.of("SUPERVISOR"), List.of("33"), null);
    private static final String PARTNER = TOKENS.userToken(PARTNER_NAME, List.of("PARTNER"), List.of(), AGENCY);

    private static final GreenMail SMTP = new GreenMail(new ServerSetup(0, "127.0.0.1", ServerSetup.PROTOCOL_SMTP));

    @LocalServerPort
    int port;

    @DynamicPropertySource
    static void smtp(DynamicPropertyRegistry properties) {
        if (!SMTP.isRunning()) {
            SMTP.start();
        }
        properties.add("spring.mail.host", () -> "127.0.0.1");
        properties.add("spring.mail.port", () -> SMTP.getSmtp().getPort());
        properties.add("amk.notifications.mail.interval", () -> "300ms");
        properties.add("amk.public-url", () -> "https://amk.example.org");
    }

    @AfterAll
    static void stopSmtp() {
        SMTP.stop();
    }

    @Autowired
    People people;

    @Test
    void each_person_is_told_once_what_needs_them_and_nothing_of_the_child() throws Exception {
        Instant now = Instant.now();
        produce(List.of(
                user(WORKER_NAME, "PEKSOS", List.of("33.74"), null, now),
                user(SUPERVISOR_NAME, "SUPERVISOR", List.of("33"), null, now),
                user(PARTNER_NAME, "PARTNER", List.of(), AGENCY, now)));
        // the directory is fed by identity-service's events: whom to tell is known once they are read
        await().atMost(Duration.ofSeconds(30)).until(() -> people.enabled(WORKER_NAME) && people.enabled(SUPERVISOR_NAME)
                && people.enabled(PARTNER_NAME));
        ApiClient api = new ApiClient(port);

        // a public report in Kota Semarang, urgent, and nobody triages it in time
        api.send("POST", "/api/public/reports", null, null, """
                {"whatHappened":"Anak Rina dikunci di rumah","regionCode":"33.74","inDangerNow":true,"anonymous":true,
                 "child":{"name":"Rina Lestari"}}""");
        JsonNode reportNew = await().atMost(Duration.ofSeconds(30)).until(() -> item(api, WORKER, "REPORT_NEW"), n -> n != null);
        assertThat(reportNew.path("reportId").asText()).isNotBlank();
        JsonNode overdue = await().atMost(Duration.ofSeconds(30)).until(() -> item(api, SUPERVISOR, "REPORT_TRIAGE_OVERDUE"), n -> n != null);
        assertThat(overdue.path("reportId").asText()).isEqualTo(reportNew.path("reportId").asText());

        // a case assigned to the worker by someone else, the event delivered twice; a referral to the partner's agency
        String caseId = UUID.randomUUID().toString();
        ProducerRecord<String, byte[]> registered = record(CaseRegistered.TYPE, caseId, now, new CaseRegistered(caseId, "AMK-3374-2026-000042",
                null, "33.74", List.of("NEGLECTED"), null, "HIGH", "WALK_IN", WORKER_NAME, SUPERVISOR_NAME, now));
        String referralId = UUID.randomUUID().toString();
        produce(List.of(registered, registered));
        JsonNode assigned = await().atMost(Duration.ofSeconds(30)).until(() -> item(api, WORKER, "CASE_ASSIGNED"), n -> n != null);
        assertThat(assigned.path("caseNumber").asText()).isEqualTo("AMK-3374-2026-000042");
        // its first contact falls due soon: the worker is reminded
        produce(List.of(record(CaseDeadlineApproaching.TYPE, caseId, now, new CaseDeadlineApproaching(caseId, "FIRST_CONTACT",
                now.plusSeconds(3600), "33.74", WORKER_NAME, now))));
        JsonNode soon = await().atMost(Duration.ofSeconds(30)).until(() -> item(api, WORKER, "DEADLINE_SOON"), n -> n != null);
        assertThat(soon.path("status").asText()).isEqualTo("FIRST_CONTACT");
        assertThat(soon.path("caseNumber").asText()).isEqualTo("AMK-3374-2026-000042");
        // (topics are not ordered among each other: a referral read before its case is told without the case number)
        produce(List.of(record(ReferralStatusChanged.TYPE, referralId, now, new ReferralStatusChanged(referralId, caseId,
                AGENCY, "REQUESTED", List.of("THERAPY"), null, now, false, AGENCY))));
        JsonNode referral = await().atMost(Duration.ofSeconds(30)).until(() -> item(api, PARTNER, "REFERRAL_NEW"), n -> n != null);
        assertThat(referral.path("referralId").asText()).isEqualTo(referralId);
        assertThat(referral.path("caseNumber").asText()).isEqualTo("AMK-3374-2026-000042");
        assertThat(count(api, SUPERVISOR, "CASE_ASSIGNED")).as("who assigned is not told").isZero();

        JsonNode inbox = ApiClient.json(api.send("GET", "/api/notifications", WORKER, null, null));
        assertThat(count(api, WORKER, "CASE_ASSIGNED")).as("once, though the event came twice").isEqualTo(1);
        assertThat(inbox.toString()).doesNotContain("Rina", "Lestari", "dikunci");
        long unread = inbox.path("unread").asLong();
        assertThat(unread).isEqualTo(3);

        // read: mine only
        String id = assigned.path("id").asText();
        assertThat(api.send("POST", "/api/notifications/" + id + "/read", SUPERVISOR, null, null).statusCode()).isEqualTo(404);
        assertThat(api.send("POST", "/api/notifications/" + id + "/read", WORKER, null, null).statusCode()).isEqualTo(204);
        assertThat(ApiClient.json(api.send("GET", "/api/notifications/unread", WORKER, null, null)).path("unread").asLong()).isEqualTo(unread - 1);
        assertThat(api.send("POST", "/api/notifications/read", WORKER, null, null).statusCode()).isEqualTo(204);
        assertThat(ApiClient.json(api.send("GET", "/api/notifications?unread=true", WORKER, null, null)).path("items").size()).isZero();
        assertThat(api.send("GET", "/api/notifications", TOKENS.clientToken("some-system", List.of("reports.write")), null, null).statusCode())
                .isEqualTo(403);

        // by e-mail: each notice once (the twice-delivered case too), to the work address, with a link and no child's data
        await().atMost(Duration.ofSeconds(30)).until(() -> mailsTo(WORKER_NAME).size() == 3 && mailsTo(PARTNER_NAME).size() == 1
                && mailsTo(SUPERVISOR_NAME).size() == 1);
        MimeMessage toPartner = mailsTo(PARTNER_NAME).get(0);
        assertThat(toPartner.getSubject()).isEqualTo("[AMK] Rujukan baru untuk lembaga Anda (kasus AMK-3374-2026-000042)");
        String body = GreenMailUtil.getBody(toPartner);
        assertThat(body).contains("https://amk.example.org/notifications", "A new referral for your agency (case AMK-3374-2026-000042)");
        assertThat(toPartner.getMessageID()).isEqualTo("<" + referral.path("id").asText().replaceAll("[^A-Za-z0-9.:-]", "_") + "@amk>");
        for (MimeMessage m : SMTP.getReceivedMessages()) {
            assertThat(m.getSubject() + GreenMailUtil.getBody(m)).doesNotContain("Rina", "Lestari", "dikunci");
        }
        Thread.sleep(1000); // a second sweep sends nothing more
        assertThat(mailsTo(WORKER_NAME)).hasSize(3);
    }

    private static List<MimeMessage> mailsTo(String username) throws Exception {
        List<MimeMessage> mine = new java.util.ArrayList<>();
        for (MimeMessage m : SMTP.getReceivedMessages()) {
            if (java.util.Arrays.stream(m.getAllRecipients()).anyMatch(a -> a.toString().equals(username + "@dinsos.example.org"))) {
                mine.add(m);
            }
        }
        return mine;
    }

    private static JsonNode item(ApiClient api, String token, String kind) throws Exception {
        for (JsonNode n : ApiClient.json(api.send("GET", "/api/notifications", token, null, null)).path("items")) {
            if (kind.equals(n.path("kind").asText())) {
                return n;
            }
        }
        return null;
    }

    private static long count(ApiClient api, String token, String kind) throws Exception {
        long n = 0;
        for (JsonNode item : ApiClient.json(api.send("GET", "/api/notifications", token, null, null)).path("items")) {
            n += kind.equals(item.path("kind").asText()) ? 1 : 0;
        }
        return n;
    }

    private static ProducerRecord<String, byte[]> user(String username, String role, List<String> regions, String agency, Instant at)
            throws Exception {
        return record(UserRegistered.TYPE, username, at, new UserRegistered("u-" + username, username, "Nama " + username, List.of(role), regions,
                agency, true, at, username + "@dinsos.example.org", null));
    }

    private static ProducerRecord<String, byte[]> record(EventType type, String key, Instant at, Object data) throws Exception {
        return CloudEventRecords.of(type, UUID.randomUUID().toString(), "/amk/test", key, at, JSON.writeValueAsBytes(data), null);
    }

    private static void produce(List<ProducerRecord<String, byte[]>> records) throws Exception {
        try (var producer = new KafkaProducer<String, byte[]>(Map.of("bootstrap.servers", AmkInfra.get().kafkaBootstrapServers()),
                new StringSerializer(), new ByteArraySerializer())) {
            records.forEach(producer::send);
            producer.flush();
        }
    }
}
