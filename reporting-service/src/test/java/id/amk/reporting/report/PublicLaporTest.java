package id.amk.reporting.report;

import com.fasterxml.jackson.databind.JsonNode;
import id.amk.platform.test.AmkTest;
import id.amk.platform.test.ApiClient;
import id.amk.platform.test.TestJwtIssuer;
import org.junit.jupiter.api.Test;
import org.springframework.boot.test.context.SpringBootTest;
import org.springframework.boot.test.web.server.LocalServerPort;

import java.net.http.HttpResponse;
import java.time.Duration;
import java.util.List;

import static org.assertj.core.api.Assertions.assertThat;
import static org.awaitility.Awaitility.await;

/**
 * Lapor Sosial for people without an account, over real HTTP with no token at all: a report answered with a tracking
 * code only, the status by code (the same answer for a code that never existed and a mistyped one, a limit per code),
 * regions checked against the reference list, anonymity that keeps nothing of the reporter, and the triage deadline
 * (shortened here) that marks an untriaged urgent report overdue once.
 */
@AmkTest
@SpringBootTest(webEnvironment = SpringBootTest.WebEnvironment.RANDOM_PORT, properties = {
        "amk.reports.triage-within.URGENT=2s", "amk.reports.check-interval=500ms", "amk.reports.first-check=0s",
        "amk.reports.tracking.lookups-per-code=5"})
class PublicLaporTest {

    private static final TestJwtIssuer TOKENS = TestJwtIssuer.get();
    private static final String WORKER = TOKENS.userToken("peksos.bandung", List.of("PEKSOS"), List.of("32.73"), null);

    @LocalServerPort
    int port;

    private static String report(String region, boolean anonymous, boolean danger) {
        return """
                {"whatHappened":"Anak tetangga dikurung di gudang sejak kemarin","regionCode":"%s","placeDetail":"Gang Mawar RT 03",
                 "child":{"name":"Sari","estimatedAge":7,"sex":"F"},"inDangerNow":%s,"anonymous":%s,
                 "reporterName":"Pak Darto","reporterContact":"0813-5555-0101"}
                """.formatted(region, danger, anonymous);
    }

    @Test
    void anyone_reports_without_an_account_and_sees_only_the_status_by_tracking_code() throws Exception {
        ApiClient api = new ApiClient(port);
        HttpResponse<String> sent = api.send("POST", "/api/public/reports", null, null, report("32.73.01", false, false), "id");
        assertThat(sent.statusCode()).as(sent.body()).isEqualTo(201);
        JsonNode received = ApiClient.json(sent);
        String code = received.path("trackingCode").asText();
        assertThat(code).matches("LS-[A-Z2-9]{12}");
        assertThat(received.has("reportId")).as("nothing but the code to follow").isFalse();
        assertThat(received.path("statusText").asText()).startsWith("Diterima");

        await().atMost(Duration.ofSeconds(30)).untilAsserted(() -> {
            HttpResponse<String> status = api.send("POST", "/api/public/reports/tracking", null, null,
                    "{\"trackingCode\":\"" + code.toLowerCase().replace("ls-", "") + "\"}", "id");
            assertThat(status.statusCode()).as(status.body()).isEqualTo(200);
            assertThat(ApiClient.json(status).path("status").asText()).isEqualTo("SUBMITTED");
            assertThat(status.body()).doesNotContain("Sari", "Darto", "32.73", "reportId");
        });

        HttpResponse<String> never = api.send("POST", "/api/public/reports/tracking", null, null, "{\"trackingCode\":\"LS-AAAAAAAAAAAA\"}");
        HttpResponse<String> mistyped = api.send("POST", "/api/public/reports/tracking", null, null,
                "{\"trackingCode\":\"" + code.substring(0, code.length() - 1) + (code.endsWith("A") ? "B" : "A") + "\"}");
        assertThat(never.statusCode()).isEqualTo(404);
        assertThat(mistyped.statusCode()).isEqualTo(404);
        assertThat(ApiClient.json(mistyped).path("type").asText()).isEqualTo(ApiClient.json(never).path("type").asText())
                .isEqualTo("urn:amk:problem:report.tracking-unknown");

        // the worker of the region triages it like any report; the public one is not urgent unless the reporter said so
        await().atMost(Duration.ofSeconds(30)).untilAsserted(() -> assertThat(
                ApiClient.json(api.send("GET", "/api/reports?status=SUBMITTED", WORKER, null, null)).toString()).contains("\"submittedBy\":\"public\""));
        // nothing of this without the tracking code: the worker's API needs a token
        assertThat(api.send("GET", "/api/reports", null, null, null).statusCode()).isEqualTo(401);
    }

    @Test
    void regions_are_checked_against_the_reference_and_a_reporter_is_reachable_or_anonymous() throws Exception {
        ApiClient api = new ApiClient(port);
        HttpResponse<String> unknown = api.send("POST", "/api/public/reports", null, null, report("99.99", false, false), "id");
        assertThat(unknown.statusCode()).isEqualTo(400);
        assertThat(ApiClient.json(unknown).path("type").asText()).isEqualTo("urn:amk:problem:report.unknown-region");
        assertThat(ApiClient.json(unknown).path("field").asText()).isEqualTo("regionCode");
        assertThat(ApiClient.json(unknown).path("title").asText()).isEqualTo("Wilayah tidak dikenal");
        // the same rule for reports of partners with an account
        HttpResponse<String> partner = api.send("POST", "/api/reports", TOKENS.userToken("guru.bk", List.of("PARTNER"), List.of(), "sdn-1"), null,
                "{\"reporterType\":\"SCHOOL\",\"regionCode\":\"99.99\",\"description\":\"x\",\"urgency\":\"LOW\"}");
        assertThat(ApiClient.json(partner).path("type").asText()).isEqualTo("urn:amk:problem:report.unknown-region");

        String noContact = report("32.73", false, false).replace("\"reporterContact\":\"0813-5555-0101\"", "\"reporterContact\":\"\"");
        HttpResponse<String> unreachable = api.send("POST", "/api/public/reports", null, null, noContact);
        assertThat(unreachable.statusCode()).isEqualTo(400);
        assertThat(ApiClient.json(unreachable).path("type").asText()).isEqualTo("urn:amk:problem:report.contact-or-anonymous");

        HttpResponse<String> tooLong = api.send("POST", "/api/public/reports", null, null,
                report("32.73", true, false).replace("Anak tetangga", "x".repeat(5001)));
        assertThat(tooLong.statusCode()).isEqualTo(400);
    }

    @Test
    void an_anonymous_report_keeps_nothing_of_the_reporter_and_an_untriaged_urgent_one_becomes_overdue_once() throws Exception {
        ApiClient api = new ApiClient(port);
        String code = ApiClient.json(api.send("POST", "/api/public/reports", null, null, report("32.73.02", true, true))).path("trackingCode").asText();
        JsonNode line = await().atMost(Duration.ofSeconds(30)).until(() -> mine(api), l -> l != null && l.path("triageOverdue").asBoolean());
        assertThat(line.path("urgency").asText()).isEqualTo("URGENT");
        JsonNode detail = ApiClient.json(api.send("GET", "/api/reports/" + line.path("reportId").asText(), WORKER, null, null));
        assertThat(detail.path("details").path("reporterName").isNull()).isTrue();
        assertThat(detail.path("details").path("reporterContact").isNull()).isTrue();
        assertThat(detail.path("details").path("description").asText()).contains("dikurung", "Gang Mawar");
        assertThat(detail.path("details").path("child").path("name").asText()).isEqualTo("Sari");

        // five look-ups of one code per period (the await above made none), then 429 problem+json
        for (int i = 0; i < 5; i++) {
            assertThat(api.send("POST", "/api/public/reports/tracking", null, null, "{\"trackingCode\":\"" + code + "\"}").statusCode()).isEqualTo(200);
        }
        HttpResponse<String> limited = api.send("POST", "/api/public/reports/tracking", null, null, "{\"trackingCode\":\"" + code + "\"}");
        assertThat(limited.statusCode()).isEqualTo(429);
        assertThat(limited.headers().firstValue("Content-Type").orElse("")).startsWith("application/problem+json");
    }

    private static JsonNode mine(ApiClient api) throws Exception {
        for (JsonNode line : ApiClient.json(api.send("GET", "/api/reports?region=32.73.02", WORKER, null, null))) {
            if ("URGENT".equals(line.path("urgency").asText()) && "public".equals(line.path("submittedBy").asText())) {
                return line;
            }
        }
        return null;
    }
}
