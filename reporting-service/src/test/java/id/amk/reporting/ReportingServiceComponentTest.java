package id.amk.reporting;

import id.amk.platform.test.AmkTest;
import id.amk.platform.test.ServiceComponentContract;
import id.amk.platform.test.TestJwtIssuer;
import org.springframework.boot.test.context.SpringBootTest;

import java.util.List;

@AmkTest
@SpringBootTest(webEnvironment = SpringBootTest.WebEnvironment.RANDOM_PORT)
class ReportingServiceComponentTest extends ServiceComponentContract {

    ReportingServiceComponentTest() {
        super("/api/reports");
    }

    /** Reports are listed for the workers and supervisors who triage them. */
    @Override
    protected String validToken() {
        return TestJwtIssuer.get().userToken("peksos-1", List.of("PEKSOS"), List.of("32.73"), null);
    }
}
