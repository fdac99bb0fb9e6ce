package id.amk.reporting;

import id.amk.platform.test.AmkTest;
import id.amk.platform.test.BadInputContract;
import id.amk.platform.test.TestJwtIssuer;
import org.springframework.boot.test.context.SpringBootTest;

import java.util.List;

@AmkTest
@SpringBootTest(webEnvironment = SpringBootTest.WebEnvironment.RANDOM_PORT)
class ReportingBadInputTest extends BadInputContract {

    @Override
    protected List<String> tokens() {
        TestJwtIssuer tokens = TestJwtIssuer.get();
        return List.of(tokens.userToken("peksos-1", List.of("PEKSOS", "SUPERVISOR", "ADMIN", "MINISTRY_ANALYST"), List.of("32"), null),
                tokens.userToken("mitra-1", List.of("PARTNER"), List.of(), "agency-1"));
    }
}
