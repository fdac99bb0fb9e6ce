package id.amk.referrals;

import id.amk.platform.test.AmkTest;
import id.amk.platform.test.ServiceComponentContract;
import org.springframework.boot.test.context.SpringBootTest;

@AmkTest
@SpringBootTest(webEnvironment = SpringBootTest.WebEnvironment.RANDOM_PORT)
class ReferralServiceComponentTest extends ServiceComponentContract {

    ReferralServiceComponentTest() {
        super("/api/referrals");
    }
}
