package id.amk.e2e;

import id.amk.platform.test.LocalPlatform;
import org.junit.jupiter.api.AfterAll;
import org.junit.jupiter.api.BeforeAll;
import org.junit.jupiter.api.Test;

import java.io.File;
import java.nio.file.Files;
import java.nio.file.Path;
import java.util.List;
import java.util.Map;
import java.util.concurrent.TimeUnit;

import static org.assertj.core.api.Assertions.assertThat;

/**
 * The web console in a real browser: starts the platform as `./amk up` does (ports and data of its own, deadlines and
 * access tokens short enough to pass within the test), then runs the browser tests of {@code web/e2e/} (playwright-core
 * driving Debian's Chromium) against its gateway. Screenshots go to target/screenshots, timings to
 * target/web-console-timings.json.
 */
class WebConsoleIT {

    private static final Path ROOT = Path.of(System.getProperty("amk.root", "..")).toAbsolutePath().normalize();
    private static final Path TARGET = ROOT.resolve("e2e-tests/target");
    // below Linux's ephemeral range (32768-60999): a port there can be taken by any outgoing connection of the
    // platform starting up (CI lost a run to identity-service finding 48084 in use)
    private static final int GATEWAY = 28080;
    private static final int TOKEN_TTL_SECONDS = 20;
    private static final LocalPlatform PLATFORM = new LocalPlatform(ROOT, TARGET.resolve("amk-web"), GATEWAY, 29092, 28017).with(Map.of(
            "AMK_CASES_TIMELINESS_FIRSTCONTACTURGENT", "PT20S", "AMK_CASES_TIMELINESS_CHECK_INTERVAL", "2s",
            "AMK_IDENTITY_ACCESSTOKENTTL", "PT" + TOKEN_TTL_SECONDS + "S",
            // refreshed when it has under 2 s left, so the test sees a token expire and the session go on
            "AMK_GATEWAY_WEBCLIENT_REFRESHBEFOREEXPIRY", "PT2S",
            "AMK_NO_BUILD", "1"));

    @BeforeAll
    static void up() throws Exception {
        PLATFORM.wipe();
        LocalPlatform.Result up = PLATFORM.amk("up");
        assertThat(up.exitCode()).as(up.output()).isZero();
    }

    @AfterAll
    static void down() {
        PLATFORM.amk("down");
    }

    @Test
    void a_worker_and_a_supervisor_do_their_work_in_the_browser() throws Exception {
        Path screenshots = TARGET.resolve("screenshots");
        Path timings = TARGET.resolve("web-console-timings.json");
        File log = TARGET.resolve("web-console-browser.log").toFile();
        ProcessBuilder browser = new ProcessBuilder(List.of("npm", "run", "--silent", "test:browser"))
                .directory(ROOT.resolve("web").toFile()).redirectErrorStream(true).redirectOutput(log);
        browser.environment().putAll(PLATFORM.environment()); // the tests restart the gateway with ./amk, as this platform runs
        browser.environment().put("AMK_ROOT", ROOT.toString());
        browser.environment().putAll(Map.of("AMK_BASE_URL", "http://localhost:" + GATEWAY, "AMK_SCREENSHOTS", screenshots.toString(),
                "AMK_TIMINGS", timings.toString(), "AMK_TEST_TOKEN_TTL_SECONDS", String.valueOf(TOKEN_TTL_SECONDS)));
        Process process = browser.start();
        boolean finished = process.waitFor(15, TimeUnit.MINUTES);
        if (!finished) {
            process.destroyForcibly();
        }
        String output = Files.readString(log.toPath());
        System.out.println(output);
        assertThat(finished).as("the browser tests finished within 15 minutes").isTrue();
        assertThat(process.exitValue()).as(output).isZero();
        assertThat(output).contains("# fail 0", "# skipped 0");
        assertThat(Files.list(screenshots).filter(p -> p.toString().endsWith(".png")).count()).isGreaterThanOrEqualTo(12);
        assertThat(Files.readString(timings)).contains("sign-in -> caseload");
    }
}
