package id.amk.referrals.provider;

import com.fasterxml.jackson.databind.JsonNode;
import id.amk.platform.test.AmkTest;
import id.amk.platform.test.ApiClient;
import id.amk.platform.test.TestJwtIssuer;
import org.junit.jupiter.api.Test;
import org.springframework.boot.test.context.SpringBootTest;
import org.springframework.boot.test.web.server.LocalServerPort;

import java.net.http.HttpResponse;
import java.nio.file.Files;
import java.nio.file.Path;
import java.util.ArrayList;
import java.util.List;

import static org.assertj.core.api.Assertions.assertThat;

/**
 * The provider directory from the documented import file (docs/provider-import.md, the example in deploy/): checked
 * first, all or nothing, repeatable; address, phone and capacity shown to the workers who refer.
 */
@AmkTest
@SpringBootTest(webEnvironment = SpringBootTest.WebEnvironment.RANDOM_PORT)
class ProviderImportTest {

    private static final TestJwtIssuer TOKENS = TestJwtIssuer.get();
    private static final String ADMIN = TOKENS.userToken("admin", List.of("ADMIN"), List.of(), null);
    private static final String WORKER = TOKENS.userToken("peksos.bandung", List.of("PEKSOS"), List.of("32.73"), null);
    private static final Path EXAMPLE = Path.of("..", "deploy", "providers.example.csv");

    @LocalServerPort
    int port;

    @Test
    void the_documented_example_imports_once_and_a_second_import_changes_nothing() throws Exception {
        ApiClient api = new ApiClient(port);
        String file = Files.readString(EXAMPLE);
        long rows = file.lines().skip(1).filter(l -> !l.isBlank()).count();

        JsonNode dry = ApiClient.json(api.send("POST", "/api/providers/import?dryRun=true", ADMIN, null, file, "en", "text/csv"));
        assertThat(dry.path("written").asBoolean()).isFalse();
        assertThat(dry.path("rows").asLong()).isEqualTo(rows);
        assertThat(api.send("GET", "/api/providers/lks-bina-anak-garut", WORKER, null, null).statusCode()).isEqualTo(404);

        HttpResponse<String> first = api.send("POST", "/api/providers/import", ADMIN, null, file, "en", "text/csv");
        assertThat(first.statusCode()).as(first.body()).isEqualTo(200);
        JsonNode counted = ApiClient.json(first);
        assertThat(counted.path("added").asLong() + counted.path("replaced").asLong() + counted.path("unchanged").asLong()).isEqualTo(rows);
        JsonNode garut = ApiClient.json(api.send("GET", "/api/providers/lks-bina-anak-garut", WORKER, null, null));
        assertThat(garut.path("address").asText()).isEqualTo("Jl. Pembangunan No. 12, Tarogong Kidul, Kabupaten Garut");
        assertThat(garut.path("phone").asText()).isEqualTo("+62 262 230000");
        assertThat(garut.path("capacity").asInt()).isEqualTo(25);
        assertThat(garut.path("components")).hasSize(2);
        assertThat(garut.path("regions").get(0).asText()).isEqualTo("32.05");

        JsonNode again = ApiClient.json(api.send("POST", "/api/providers/import", ADMIN, null, file, "en", "text/csv"));
        assertThat(again.path("unchanged").asLong()).isEqualTo(rows);
        assertThat(again.path("added").asLong()).isZero();
    }

    @Test
    void one_wrong_row_imports_nothing_and_every_wrong_field_is_named_in_both_languages() throws Exception {
        ApiClient api = new ApiClient(port);
        String file = """
                id,name,type,agencyId,regions,components,capacity,address,phone,active
                lks-uji-baik,LKS Uji Baik,LKS,lks-uji-baik,32.73,CARE;THERAPY,10,Jl. Uji 1,+62 22 1111111,ya
                lks-uji-salah,LKS Uji Salah,PANTI,lks-uji-salah,99-x,CARE;MASSAGE,banyak,,telepon,mungkin
                lks-uji-baik,LKS Uji Lagi,LKS,lks-uji-baik,32.73,CARE,5,,,
                """;
        HttpResponse<String> refused = api.send("POST", "/api/providers/import", ADMIN, null, file, "id", "text/csv");
        assertThat(refused.statusCode()).isEqualTo(422);
        JsonNode problem = ApiClient.json(refused);
        assertThat(problem.path("type").asText()).isEqualTo("urn:amk:problem:provider.import-invalid");
        assertThat(problem.path("title").asText()).isEqualTo("Ada baris yang salah dalam berkas");
        List<String> wrong = new ArrayList<>();
        problem.path("errors").forEach(e -> wrong.add(e.path("row").asInt() + ":" + e.path("field").asText()));
        assertThat(wrong).contains("3:type", "3:components", "3:capacity", "3:regions", "3:phone", "3:active", "4:id");
        assertThat(wrong).noneMatch(w -> w.startsWith("2:"));
        // nothing written, the good row neither
        assertThat(api.send("GET", "/api/providers/lks-uji-baik", WORKER, null, null).statusCode()).isEqualTo(404);

        assertThat(api.send("POST", "/api/providers/import", WORKER, null, file, "en", "text/csv").statusCode()).isEqualTo(403);
        assertThat(api.send("POST", "/api/providers/import", ADMIN, null, "[{\"id\": ", "en", "application/json").statusCode())
                .isEqualTo(400);
    }

    @Test
    void a_json_file_of_the_apis_bodies_imports_too() throws Exception {
        ApiClient api = new ApiClient(port);
        HttpResponse<String> imported = api.send("POST", "/api/providers/import", ADMIN, null, """
                [{"id":"puskesmas-uji-json","name":"Puskesmas Uji","type":"PUSKESMAS","agencyId":"puskesmas-uji-json",
                  "regions":["32.73.01"],"components":["THERAPY"],"capacity":5,"address":"Jl. Kesehatan 3","phone":"022 7000000"}]""");
        assertThat(imported.statusCode()).as(imported.body()).isEqualTo(200);
        assertThat(ApiClient.json(api.send("GET", "/api/providers/puskesmas-uji-json", WORKER, null, null)).path("address").asText())
                .isEqualTo("Jl. Kesehatan 3");
    }
}
