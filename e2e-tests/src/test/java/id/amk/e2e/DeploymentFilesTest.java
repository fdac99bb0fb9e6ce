package id.amk.e2e;

import id.amk.contracts.Topics;
import org.junit.jupiter.api.Test;
import org.yaml.snakeyaml.Yaml;

import java.io.IOException;
import java.io.Reader;
import java.nio.file.Files;
import java.nio.file.Path;
import java.util.ArrayList;
import java.util.List;
import java.util.Map;
import java.util.Set;

import static org.assertj.core.api.Assertions.assertThat;

/**
 * docker-compose.yml and the Kubernetes manifests cannot be run here (no Docker engine, no cluster); this checks what
 * they promise: real MongoDB and Kafka, every process health-checked, start order on health, no secret in the files.
 */
class DeploymentFilesTest {

    private static final Path ROOT = Path.of(System.getProperty("amk.root", "..")).toAbsolutePath().normalize();
    private static final Set<String> SERVICES = Set.of("gateway", "identity-service", "case-service", "referral-service", "reporting-service");

    @Test
    @SuppressWarnings("unchecked")
    void compose_runs_the_five_services_from_one_dockerfile_on_real_mongodb_and_kafka_started_in_health_order() throws IOException {
        Map<String, Object> compose = yaml(ROOT.resolve("docker-compose.yml")).get(0);
        Map<String, Map<String, Object>> services = (Map<String, Map<String, Object>>) compose.get("services");
        assertThat(services.keySet()).containsAll(SERVICES).contains("mongo", "kafka");
        assertThat((String) services.get("mongo").get("image")).startsWith("mongo:");
        assertThat((String) services.get("kafka").get("image")).startsWith("apache/kafka:");
        // every process that keeps running is health-checked; a one-shot job (kafka-access) is waited for to finish
        services.forEach((name, service) -> assertThat("no".equals(service.get("restart")) || service.containsKey("healthcheck")).as(name).isTrue());
        for (String name : SERVICES) {
            Map<String, Object> service = services.get(name);
            Map<String, Object> build = (Map<String, Object>) service.get("build");
            assertThat(((Map<String, Object>) build.get("args")).get("SERVICE")).as(name).isEqualTo(name);
            assertThat(build).as(name).doesNotContainKey("dockerfile");
            assertThat(ROOT.resolve(name).resolve("pom.xml")).exists();
            Map<String, Map<String, Object>> dependsOn = (Map<String, Map<String, Object>>) service.get("depends_on");
            dependsOn.forEach((on, d) -> assertThat(d.get("condition")).as(name + " on " + on)
                    .isEqualTo("no".equals(services.get(on).get("restart")) ? "service_completed_successfully" : "service_healthy"));
            assertThat(dependsOn.keySet()).as(name).isNotEmpty();
        }
        assertThat(((Map<String, Object>) compose.get("volumes")).keySet()).contains("mongo-data", "kafka-data");
        String text = Files.readString(ROOT.resolve("docker-compose.yml"));
        assertThat(text).doesNotContain("demo-integration-secret", "demo-web-secret", "Demo#2026", "spring.profiles.active=dev")
                .contains("${AMK_ADMIN_PASSWORD:?", "${AMK_WEB_CLIENT_SECRET:?");
    }

    @Test
    @SuppressWarnings("unchecked")
    void in_compose_and_on_kubernetes_each_service_logs_in_to_kafka_as_its_own_principal_of_access_conf() throws IOException {
        Set<String> principals = new java.util.TreeSet<>();
        for (String line : Files.readAllLines(ROOT.resolve("deploy/kafka/access.conf"))) {
            if (!line.isBlank() && !line.strip().startsWith("#")) {
                principals.add(line.strip().split("\\s+")[0]);
            }
        }
        assertThat(principals).contains("case-service", "referral-service", "reporting-service", "identity-service", "registry", "partner");
        Map<String, Map<String, Object>> services = (Map<String, Map<String, Object>>) yaml(ROOT.resolve("docker-compose.yml")).get(0).get("services");
        Map<String, Object> access = (Map<String, Object>) services.get("kafka-access").get("environment");
        for (String principal : principals) {
            assertThat(access).as(principal).containsKey("AMK_KAFKA_" + principal.toUpperCase().replace('-', '_') + "_PASSWORD");
        }
        for (String name : List.of("case-service", "referral-service", "reporting-service", "identity-service")) {
            Map<String, Object> environment = (Map<String, Object>) services.get(name).get("environment");
            assertThat(environment.get("AMK_KAFKA_USERNAME")).as(name).isEqualTo(name);
            assertThat(String.valueOf(environment.get("AMK_KAFKA_PASSWORD"))).as(name)
                    .startsWith("${AMK_KAFKA_" + name.toUpperCase().replace('-', '_') + "_PASSWORD:?");
            String deployment = Files.readString(ROOT.resolve("deploy/k8s/" + name + ".yaml"));
            assertThat(deployment).as(name).contains("{name: AMK_KAFKA_USERNAME, value: " + name + "}",
                    "key: AMK_KAFKA_" + name.toUpperCase().replace('-', '_') + "_PASSWORD}");
        }
        // the NIKs' topic: reporting-service's registry export reads it as the registry principal
        assertThat((Map<String, Object>) services.get("reporting-service").get("environment")).containsEntry("AMK_KAFKA_REGISTRY_USERNAME", "registry");
        assertThat(Files.readString(ROOT.resolve("deploy/k8s/reporting-service.yaml"))).contains("{name: AMK_KAFKA_REGISTRY_USERNAME, value: registry}");
        // the broker itself asks every client to log in and grants nothing an ACL does not
        String server = Files.readString(ROOT.resolve("deploy/kafka/server.properties"));
        assertThat(server).contains("allow.everyone.if.no.acl.found=false", "super.users=User:admin");
        String protocols = server.lines().filter(l -> l.startsWith("listener.security.protocol.map=")).findFirst().orElseThrow();
        assertThat(protocols.substring(protocols.indexOf('=') + 1).split(","))
                .allSatisfy(listener -> assertThat(listener.split(":")[1]).as(listener).startsWith("SASL_"));
    }

    @Test
    void every_topic_the_services_use_and_access_conf_names_is_created_by_topics_conf_with_its_dead_letters() throws IOException {
        Map<String, Integer> partitions = new java.util.TreeMap<>();
        for (String line : Files.readAllLines(ROOT.resolve("deploy/kafka/topics.conf"))) {
            if (!line.isBlank() && !line.strip().startsWith("#")) {
                String[] fields = line.strip().split("\\s+");
                partitions.put(fields[0], Integer.valueOf(fields[1]));
            }
        }
        Set<String> used = new java.util.TreeSet<>();
        for (String topic : List.of(Topics.CASE_EVENTS, Topics.CASE_REGISTRY, Topics.REFERRAL_EVENTS, Topics.LAPOR_EVENTS, Topics.IDENTITY_EVENTS)) {
            used.add(topic);
            used.add(Topics.deadLetter(topic));
            // a dead letter goes to the partition number its message came from
            assertThat(partitions.get(Topics.deadLetter(topic))).as(topic).isEqualTo(partitions.get(topic));
        }
        for (String line : Files.readAllLines(ROOT.resolve("deploy/kafka/access.conf"))) {
            String[] fields = line.strip().split("\\s+");
            if (fields.length > 2 && !fields[0].startsWith("#") && !fields[1].equals("group")) {
                used.addAll(List.of(fields).subList(2, fields.length));
            }
        }
        assertThat(partitions.keySet()).containsExactlyInAnyOrderElementsOf(used);
        assertThat(Files.readString(ROOT.resolve("deploy/kafka/server.properties"))).contains("auto.create.topics.enable=false");
        assertThat(Files.readAllLines(ROOT.resolve("deploy/kafka/topics.conf"))).anySatisfy(line ->
                assertThat(line).startsWith(Topics.CASE_REGISTRY + " ").contains("cleanup.policy=compact"));
    }

    @Test
    @SuppressWarnings("unchecked")
    void every_kubernetes_deployment_is_probed_limited_non_root_and_takes_its_secrets_from_a_secret() throws IOException {
        List<Map<String, Object>> deployments = new ArrayList<>();
        try (var files = Files.list(ROOT.resolve("deploy/k8s"))) {
            for (Path file : files.filter(f -> f.toString().endsWith(".yaml")).toList()) {
                yaml(file).stream().filter(d -> "Deployment".equals(d.get("kind"))).forEach(deployments::add);
                assertThat(Files.readString(file)).doesNotContain("Demo#2026", "demo-web-secret", "demo-integration-secret");
            }
        }
        assertThat(deployments).extracting(d -> ((Map<String, Object>) d.get("metadata")).get("name"))
                .containsExactlyInAnyOrderElementsOf(SERVICES);
        for (Map<String, Object> deployment : deployments) {
            Map<String, Object> pod = (Map<String, Object>) ((Map<String, Object>) ((Map<String, Object>) deployment.get("spec"))
                    .get("template")).get("spec");
            assertThat(((Map<String, Object>) pod.get("securityContext")).get("runAsNonRoot")).isEqualTo(true);
            Map<String, Object> container = ((List<Map<String, Object>>) pod.get("containers")).get(0);
            assertThat(container).containsKeys("readinessProbe", "livenessProbe", "resources");
            String env = String.valueOf(container.get("env"));
            assertThat(env).doesNotContainPattern("PASSWORD, value=|SECRET, value=|MONGO_URI, value=");
        }
    }

    private static List<Map<String, Object>> yaml(Path file) throws IOException {
        List<Map<String, Object>> documents = new ArrayList<>();
        try (Reader reader = Files.newBufferedReader(file)) {
            for (Object document : new Yaml().loadAll(reader)) {
                if (document != null) {
                    documents.add(castMap(document));
                }
            }
        }
        return documents;
    }

    @SuppressWarnings("unchecked")
    private static Map<String, Object> castMap(Object o) {
        return (Map<String, Object>) o;
    }
}
