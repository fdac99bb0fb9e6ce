package id.amk.cases;

import id.amk.platform.test.AmkTest;
import id.amk.platform.test.TestJwtIssuer;
import id.amk.platform.test.ServiceComponentContract;
import org.springframework.boot.test.context.SpringBootTest;

import java.util.List;

@AmkTest
@SpringBootTest(webEnvironment = SpringBootTest.WebEnvironment.RANDOM_PORT)
class CaseServiceComponentTest extends ServiceComponentContract {

    CaseServiceComponentTest() {
        super("/api/cases");
    }

    /** Caseloads are for workers and supervisors (an ADMIN manages accounts, not cases). */
    @Override
    protected String validToken() {
        return TestJwtIssuer.get().userToken("peksos-1", List.of("PEKSOS"), List.of("32.73"), null);
    }
}
