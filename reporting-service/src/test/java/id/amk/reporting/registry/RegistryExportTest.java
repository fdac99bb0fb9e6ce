package id.amk.reporting.registry;

import com.fasterxml.jackson.databind.JsonNode;
import com.fasterxml.jackson.databind.ObjectMapper;
import id.amk.contracts.EventType;
import id.amk.contracts.cases.CaseRegistered;
import id.amk.contracts.cases.PersonalDataErased;
import id.amk.contracts.cases.RegistryLinkChanged;
import id.amk.platform.relay.CloudEventRecords;
import id.amk.platform.test.AmkInfra;
import id.amk.platform.test.AmkTest;
import id.amk.platform.test.ApiClient;
import id.amk.platform.test.TestJwtIssuer;
import org.apache.kafka.clients.producer.KafkaProducer;
import org.apache.kafka.common.serialization.ByteArraySerializer;
import org.apache.kafka.common.serialization.StringSerializer;
import org.bson.Document;
import org.junit.jupiter.api.Test;
import org.springframework.beans.factory.annotation.Autowired;
import org.springframework.boot.test.context.SpringBootTest;
import org.springframework.boot.test.web.server.LocalServerPort;
import org.springframework.data.mongodb.core.MongoTemplate;
import org.springframework.data.mongodb.core.query.Criteria;
import org.springframework.data.mongodb.core.query.Query;

import java.net.http.HttpResponse;
import java.time.Duration;
import java.time.Instant;
import java.util.List;
import java.util.Map;
import java.util.UUID;

import static org.assertj.core.api.Assertions.assertThat;
import static org.awaitility.Awaitility.await;

/** The DTKS/DTSEN feed: children with cases linked by NIK, for the registry scope only, audited; an erased child leaves it for good. */
@AmkTest
@SpringBootTest(webEnvironment = SpringBootTest.WebEnvironment.RANDOM_PORT)
class RegistryExportTest {

    private static final ObjectMapper JSON = new ObjectMapper().findAndRegisterModules()
            .disable(com.fasterxml.jackson.databind.SerializationFeature.WRITE_DATES_AS_TIMESTAMPS); // instants as the contracts write them
    private static final TestJwtIssuer TOKENS = TestJwtIssuer.get();
    private static final String REGISTRY = TOKENS.clientToken("dtsen-sync", List.of("registry.export"));
    private static final String OTHER_CLIENT = TOKENS.clientToken("dashboard-sync", List.of("monitoring.read"));
    private static final String ANALYST = TOKENS.userToken("analis", List.of("MINISTRY_ANALYST"), List.of(), null);

    @LocalServerPort
    int port;

    @Autowired
    MongoTemplate mongo;

    @Test
    void a_linked_child_is_exported_by_nik_to_the_registry_client_only_and_leaves_after_erasure() throws Exception {
        ApiClient api = new ApiClient(port);
        String caseId = UUID.randomUUID().toString();
        String nik = "9371014507150003";
        Instant t = Instant.now().minusSeconds(600);
        publish(CaseRegistered.TYPE, caseId, new CaseRegistered(caseId, "AMK-9371-2026-000001", null, "93.71.01", List.of("NEGLECT_VICTIM"),
                null, "MEDIUM", "WALK_IN", "w-1", "w-1", t));
        publish(RegistryLinkChanged.TYPE, caseId, new RegistryLinkChanged(caseId, nik, true, t));

        await().atMost(Duration.ofSeconds(30)).untilAsserted(() -> {
            JsonNode feed = ApiClient.json(api.send("GET", "/api/exports/registry?region=93", REGISTRY, null, null));
            assertThat(feed.path("count").asInt()).isEqualTo(1);
            assertThat(feed.path("rows").get(0).path("nik").asText()).isEqualTo(nik);
            assertThat(feed.path("rows").get(0).path("stage").asText()).isEqualTo("REGISTERED");
        });
        HttpResponse<String> csv = api.send("GET", "/api/exports/registry?region=93&format=csv", REGISTRY, null, null);
        assertThat(csv.body()).startsWith("nik,case_id,case_number,region_code,clusters,risk_level,stage,registered_at,closed_at\r\n")
                .contains(nik + "," + caseId + ",AMK-9371-2026-000001,93.71.01,NEGLECT_VICTIM,MEDIUM,REGISTERED,");
        assertThat(api.send("GET", "/api/exports/registry", OTHER_CLIENT, null, null).statusCode()).isEqualTo(403);
        assertThat(api.send("GET", "/api/exports/registry", ANALYST, null, null).statusCode()).isEqualTo(403);
        assertThat(mongo.count(Query.query(Criteria.where("client").is("dtsen-sync")), "registry_export_audit")).isGreaterThanOrEqualTo(2);

        publish(PersonalDataErased.TYPE, caseId, new PersonalDataErased(caseId, Instant.now()));
        await().atMost(Duration.ofSeconds(30)).untilAsserted(() -> assertThat(ApiClient.json(
                api.send("GET", "/api/exports/registry?region=93", REGISTRY, null, null)).path("count").asInt()).isZero());
        // a link arriving late from the other topic does not bring the NIK back
        String late = publish(RegistryLinkChanged.TYPE, caseId, new RegistryLinkChanged(caseId, nik, true, t));
        await().atMost(Duration.ofSeconds(30)).until(() -> mongo.exists(Query.query(Criteria.where("_id").is("reporting-service.registry-links/" + late)), "processed_events"));
        assertThat(ApiClient.json(api.send("GET", "/api/exports/registry?region=93", REGISTRY, null, null)).path("count").asInt()).isZero();
        for (String collection : mongo.getCollectionNames()) {
            for (Document document : mongo.findAll(Document.class, collection)) {
                assertThat(document.toJson()).as(collection).doesNotContain(nik);
            }
        }
    }

    /** Publishes as case-service would; answers the CloudEvents id. */
    private static String publish(EventType type, String key, Object data) throws Exception {
        String id = UUID.randomUUID().toString();
        try (var producer = new KafkaProducer<String, byte[]>(Map.of("bootstrap.servers", AmkInfra.get().kafkaBootstrapServers()),
                new StringSerializer(), new ByteArraySerializer())) {
            producer.send(CloudEventRecords.of(type, id, "/amk/case-service", key, Instant.now(), JSON.writeValueAsBytes(data), null)).get();
        }
        return id;
    }
}
