package id.amk.reporting;

import id.amk.platform.test.AmkTest;
import id.amk.platform.test.ServiceComponentContract;
import org.springframework.boot.test.context.SpringBootTest;

@AmkTest
@SpringBootTest(webEnvironment = SpringBootTest.WebEnvironment.RANDOM_PORT)
class ReportingServiceComponentTest extends ServiceComponentContract {

    ReportingServiceComponentTest() {
        super("/api/reports");
    }
}
