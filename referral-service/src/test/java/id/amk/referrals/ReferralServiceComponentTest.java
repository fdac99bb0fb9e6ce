package id.amk.referrals;

import id.amk.platform.test.AmkTest;
import id.amk.platform.test.ServiceComponentContract;
import id.amk.platform.test.TestJwtIssuer;
import org.springframework.boot.test.context.SpringBootTest;

import java.util.List;

@AmkTest
@SpringBootTest(webEnvironment = SpringBootTest.WebEnvironment.RANDOM_PORT)
class ReferralServiceComponentTest extends ServiceComponentContract {

    ReferralServiceComponentTest() {
        super("/api/referrals");
    }

    /** Referrals are listed for workers, supervisors and partners (an admin manages the directory, not referrals). */
    @Override
    protected String validToken() {
        return TestJwtIssuer.get().userToken("peksos-1", List.of("PEKSOS"), List.of("32.73"), null);
    }
}
