package id.amk.cases;

import id.amk.platform.test.AmkTest;
import id.amk.platform.test.ServiceComponentContract;
import org.springframework.boot.test.context.SpringBootTest;

@AmkTest
@SpringBootTest(webEnvironment = SpringBootTest.WebEnvironment.RANDOM_PORT)
class CaseServiceComponentTest extends ServiceComponentContract {

    CaseServiceComponentTest() {
        super("/api/cases");
    }
}
