package id.amk.e2e;

import id.amk.devstack.KafkaScripts;
import id.amk.platform.config.AmkDefaults;
import id.amk.platform.kafka.KafkaCredentials;
import kafka.server.KafkaConfig;
import kafka.server.KafkaRaftServer;
import org.apache.kafka.clients.admin.Admin;
import org.apache.kafka.clients.admin.Config;
import org.apache.kafka.clients.admin.NewTopic;
import org.apache.kafka.clients.admin.TopicDescription;
import org.apache.kafka.clients.consumer.ConsumerConfig;
import org.apache.kafka.clients.consumer.ConsumerRecord;
import org.apache.kafka.clients.consumer.KafkaConsumer;
import org.apache.kafka.clients.producer.KafkaProducer;
import org.apache.kafka.clients.producer.ProducerRecord;
import org.apache.kafka.common.config.ConfigResource;
import org.apache.kafka.common.errors.ClusterAuthorizationException;
import org.apache.kafka.common.errors.GroupAuthorizationException;
import org.apache.kafka.common.errors.SaslAuthenticationException;
import org.apache.kafka.common.errors.TopicAuthorizationException;
import org.apache.kafka.common.serialization.StringDeserializer;
import org.apache.kafka.common.serialization.StringSerializer;
import org.apache.kafka.common.utils.Time;
import org.junit.jupiter.api.AfterAll;
import org.junit.jupiter.api.BeforeAll;
import org.junit.jupiter.api.Test;
import org.junit.jupiter.api.io.TempDir;
import org.springframework.boot.SpringApplication;
import org.springframework.boot.autoconfigure.kafka.KafkaProperties;
import org.springframework.boot.context.properties.bind.Binder;
import org.springframework.core.env.MapPropertySource;
import org.springframework.core.env.StandardEnvironment;

import java.io.IOException;
import java.net.ServerSocket;
import java.nio.file.Path;
import java.time.Duration;
import java.util.ArrayList;
import java.util.HashMap;
import java.util.List;
import java.util.Map;
import java.util.UUID;
import java.util.concurrent.TimeUnit;

import static org.assertj.core.api.Assertions.assertThat;
import static org.assertj.core.api.Assertions.assertThatThrownBy;

/**
 * docker-compose's Kafka as it would run, on a real broker in this JVM: {@code deploy/kafka/start.sh} and
 * {@code apply-access.sh} run under /bin/sh exactly as the compose services run them, with the apache/kafka image's
 * tools replaced by recorders whose calls are then made with the same Kafka classes (StorageTool, TopicCommand,
 * ConfigCommand, AclCommand) the image's scripts start. So the broker runs the very server.properties compose gives it,
 * the topics are those of topics.conf, and the principals and ACLs those of access.conf. The clients log in as the services do: their settings come from
 * AmkDefaults with AMK_KAFKA_USERNAME/PASSWORD, as in compose.
 */
class KafkaAccessTest {

    private static final Path KAFKA = Path.of(System.getProperty("amk.root", "..")).toAbsolutePath().normalize().resolve("deploy/kafka");
    private static final String ADMIN_PASSWORD = "admin-" + UUID.randomUUID();
    private static final Map<String, String> PASSWORDS = Map.of(
            "case-service", "cs-" + UUID.randomUUID(), "referral-service", "rf-" + UUID.randomUUID(),
            "reporting-service", "rp-" + UUID.randomUUID(), "identity-service", "id-" + UUID.randomUUID(),
            "registry", "rg-" + UUID.randomUUID(), "partner", "pt-" + UUID.randomUUID());

    @TempDir
    static Path dir;
    private static KafkaRaftServer broker;
    private static String bootstrap;

    @BeforeAll
    static void start_the_compose_broker_and_apply_its_access() throws Exception {
        int port = freePort();
        int controllerPort = freePort();
        bootstrap = "127.0.0.1:" + port;
        KafkaScripts scripts = new KafkaScripts(KAFKA, dir.resolve("scripts"));
        Map<String, String> environment = new HashMap<>(Map.of(
                "AMK_KAFKA_ADMIN_PASSWORD", ADMIN_PASSWORD, "AMK_KAFKA_DATA", dir.resolve("data").toString(),
                "AMK_KAFKA_CONFIG_DIR", dir.resolve("config").toString(), "AMK_KAFKA_ADVERTISED_HOST", "127.0.0.1",
                "AMK_KAFKA_PORT", String.valueOf(port), "AMK_KAFKA_CONTROLLER_PORT", String.valueOf(controllerPort)));
        KafkaScripts.Start start = scripts.start(environment);
        assertThat(start.format()).contains("--add-scram", "SCRAM-SHA-512=[name=admin,password=" + ADMIN_PASSWORD + "]");
        scripts.format(start);
        broker = new KafkaRaftServer(KafkaConfig.fromProps(start.server()), Time.SYSTEM);
        broker.startup();
        // a restart (compose restarts the broker with its volume) starts on the formatted storage: no second format
        assertThat(scripts.start(environment).formats()).isFalse();

        environment.put("AMK_KAFKA_BOOTSTRAP", bootstrap);
        environment.put("AMK_KAFKA_ADMIN_CONFIG", dir.resolve("config/admin.properties").toString());
        assertThat(scripts.principals()).containsExactlyInAnyOrderElementsOf(PASSWORDS.keySet());
        PASSWORDS.forEach((principal, password) -> environment.put(KafkaScripts.passwordVariable(principal), password));
        List<List<String>> calls = scripts.applyAccess(environment);
        assertThat(calls).filteredOn(call -> call.get(0).equals("kafka-configs.sh")).hasSize(PASSWORDS.size());
        // applied twice (compose runs it on every `up`): still the same access, no error
        scripts.applyAccess(environment);
    }

    @AfterAll
    static void stop() {
        if (broker != null) {
            broker.shutdown();
            broker.awaitShutdown();
        }
    }

    @Test
    void a_partner_reads_the_public_case_events_but_is_refused_the_registry_topic_the_identity_topic_and_the_services_groups() {
        try (var producer = producer("case-service")) {
            producer.send(new ProducerRecord<>("case.events.v1", "case-1", "{\"type\":\"public\"}")).get(30, TimeUnit.SECONDS);
            producer.send(new ProducerRecord<>("case.registry.v1", "case-1", "{\"nik\":\"3201010101010001\"}")).get(30, TimeUnit.SECONDS);
        } catch (Exception e) {
            throw new AssertionError("case-service may write its own topics", e);
        }

        assertThat(read("partner", "partner.dashboard", "case.events.v1")).extracting(ConsumerRecord::key).contains("case-1");
        assertThatThrownBy(() -> read("partner", "partner.dashboard", "case.registry.v1"))
                .isInstanceOf(TopicAuthorizationException.class).hasMessageContaining("case.registry.v1");
        assertThatThrownBy(() -> read("partner", "partner.dashboard", "identity.events.v1"))
                .isInstanceOf(TopicAuthorizationException.class);
        // a partner cannot join a service's group either (it would take the service's partitions and offsets)
        assertThatThrownBy(() -> read("partner", "reporting-service.monitoring", "case.events.v1"))
                .isInstanceOf(GroupAuthorizationException.class);
    }

    @Test
    void the_registry_principal_alone_reads_the_registry_topic_and_reporting_service_reads_it_through_that_principal_only() {
        try (var producer = producer("case-service")) {
            producer.send(new ProducerRecord<>("case.registry.v1", "case-2", "{\"nik\":\"3201010101010002\"}")).get(30, TimeUnit.SECONDS);
        } catch (Exception e) {
            throw new AssertionError(e);
        }
        // reporting-service's own principal: refused; its registry-links listener, logging in as configured in its
        // application.yml (amk.kafka.listeners.registry-links.*): reads
        assertThatThrownBy(() -> read("reporting-service", "reporting-service.registry-links", "case.registry.v1"))
                .isInstanceOf(TopicAuthorizationException.class);
        Map<String, Object> registryLogin = KafkaCredentials.ofListener(environment("reporting-service", Map.of(
                "amk.kafka.listeners.registry-links.username", "registry",
                "amk.kafka.listeners.registry-links.password", PASSWORDS.get("registry"))), "registry-links");
        assertThat(read("reporting-service", registryLogin, "reporting-service.registry-links", "case.registry.v1"))
                .extracting(ConsumerRecord::key).contains("case-2");
        for (String other : List.of("case-service", "referral-service", "identity-service", "partner")) {
            assertThatThrownBy(() -> read(other, other.replace("-service", "") + ".x", "case.registry.v1")).as(other)
                    .isInstanceOfAny(TopicAuthorizationException.class, GroupAuthorizationException.class);
        }
    }

    @Test
    void each_service_writes_only_its_own_topics() {
        for (var refused : Map.of("case-service", "referral.events.v1", "referral-service", "case.events.v1",
                "reporting-service", "case.registry.v1", "identity-service", "lapor.events.v1").entrySet()) {
            try (var producer = producer(refused.getKey())) {
                assertThatThrownBy(() -> producer.send(new ProducerRecord<>(refused.getValue(), "k", "forged")).get(30, TimeUnit.SECONDS))
                        .as(refused.getKey() + " -> " + refused.getValue()).hasCauseInstanceOf(TopicAuthorizationException.class);
            }
        }
        // a partner writes no topic at all: it cannot even open an (idempotent) producer
        try (var producer = producer("partner")) {
            assertThatThrownBy(() -> producer.send(new ProducerRecord<>("case.events.v1", "k", "forged")).get(30, TimeUnit.SECONDS))
                    .hasCauseInstanceOf(ClusterAuthorizationException.class);
        }
        try (var producer = producer("referral-service")) {
            producer.send(new ProducerRecord<>("referral.events.v1", "referral-1", "{}")).get(30, TimeUnit.SECONDS);
            // what it cannot process of case-service's events goes to the dead-letter topic it writes
            producer.send(new ProducerRecord<>("case.events.v1.dlt", "case-1", "{}")).get(30, TimeUnit.SECONDS);
        } catch (Exception e) {
            throw new AssertionError("referral-service may write its topic and its dead letters", e);
        }
    }

    @Test
    void the_topics_of_topics_conf_exist_before_anyone_writes_and_no_client_creates_another() throws Exception {
        Map<String, Object> admin = new HashMap<>(Map.of("bootstrap.servers", bootstrap));
        admin.putAll(KafkaCredentials.clientProperties("admin", ADMIN_PASSWORD, null));
        try (Admin client = Admin.create(admin)) {
            Map<String, TopicDescription> topics = client.describeTopics(List.of("case.events.v1", "referral.events.v1",
                    "lapor.events.v1", "identity.events.v1", "case.registry.v1", "referral.events.v1.dlt")).allTopicNames().get(30, TimeUnit.SECONDS);
            topics.values().forEach(topic -> assertThat(topic.partitions()).as(topic.name()).hasSize(3));
            ConfigResource registry = new ConfigResource(ConfigResource.Type.TOPIC, "case.registry.v1");
            Config settings = client.describeConfigs(List.of(registry)).all().get(30, TimeUnit.SECONDS).get(registry);
            assertThat(settings.get("cleanup.policy").value()).isEqualTo("compact");
            ConfigResource events = new ConfigResource(ConfigResource.Type.TOPIC, "case.events.v1");
            assertThat(client.describeConfigs(List.of(events)).all().get(30, TimeUnit.SECONDS).get(events).get("retention.ms").value()).isEqualTo("-1");
        }
        // a writer may write its topics but not make a new one, neither by sending to it nor by asking
        try (var producer = producer("case-service")) {
            assertThatThrownBy(() -> producer.send(new ProducerRecord<>("case.events.v2", "k", "{}")).get(30, TimeUnit.SECONDS))
                    .hasCauseInstanceOf(TopicAuthorizationException.class);
        }
        Map<String, Object> service = new HashMap<>(Map.of("bootstrap.servers", bootstrap));
        service.putAll(KafkaCredentials.clientProperties("case-service", PASSWORDS.get("case-service"), null));
        try (Admin client = Admin.create(service)) {
            assertThatThrownBy(() -> client.createTopics(List.of(new NewTopic("case.events.v1.copy", 1, (short) 1))).all().get(30, TimeUnit.SECONDS))
                    .hasCauseInstanceOf(TopicAuthorizationException.class);
        }
    }

    @Test
    void a_wrong_password_or_no_login_gets_nothing() {
        Map<String, Object> wrong = new HashMap<>(consumerConfig("partner", Map.of()));
        wrong.putAll(KafkaCredentials.clientProperties("partner", "not-the-password", null));
        assertThatThrownBy(() -> read(wrong, "partner.x", "case.events.v1")).isInstanceOf(SaslAuthenticationException.class);

        Map<String, Object> anonymous = new HashMap<>(Map.of(ConsumerConfig.BOOTSTRAP_SERVERS_CONFIG, bootstrap,
                ConsumerConfig.DEFAULT_API_TIMEOUT_MS_CONFIG, 3000, ConsumerConfig.GROUP_ID_CONFIG, "partner.x"));
        try (var consumer = new KafkaConsumer<>(anonymous, new StringDeserializer(), new StringDeserializer())) {
            assertThatThrownBy(() -> consumer.partitionsFor("case.events.v1"))
                    .isInstanceOf(org.apache.kafka.common.errors.TimeoutException.class);
        }
    }

    // --- clients configured as the services configure theirs

    private static StandardEnvironment environment(String principal, Map<String, Object> more) {
        Map<String, Object> properties = new HashMap<>(more);
        properties.put("spring.kafka.bootstrap-servers", bootstrap);
        properties.put(KafkaCredentials.USERNAME, principal);
        properties.put(KafkaCredentials.PASSWORD, PASSWORDS.get(principal));
        StandardEnvironment environment = new StandardEnvironment();
        environment.getPropertySources().addFirst(new MapPropertySource("compose", properties));
        new AmkDefaults().postProcessEnvironment(environment, new SpringApplication());
        return environment;
    }

    private static KafkaProperties kafkaProperties(String principal) {
        return Binder.get(environment(principal, Map.of())).bind("spring.kafka", KafkaProperties.class).get();
    }

    private static Map<String, Object> consumerConfig(String principal, Map<String, Object> login) {
        Map<String, Object> config = new HashMap<>(kafkaProperties(principal).buildConsumerProperties(null));
        config.putAll(login);
        config.put(ConsumerConfig.DEFAULT_API_TIMEOUT_MS_CONFIG, 10_000);
        return config;
    }

    private static KafkaProducer<String, String> producer(String principal) {
        Map<String, Object> config = new HashMap<>(kafkaProperties(principal).buildProducerProperties(null));
        config.put("delivery.timeout.ms", 20_000);
        config.put("request.timeout.ms", 10_000);
        return new KafkaProducer<>(config, new StringSerializer(), new StringSerializer());
    }

    private static List<ConsumerRecord<String, String>> read(String principal, String group, String topic) {
        return read(principal, Map.of(), group, topic);
    }

    private static List<ConsumerRecord<String, String>> read(String principal, Map<String, Object> login, String group, String topic) {
        return read(consumerConfig(principal, login), group, topic);
    }

    private static List<ConsumerRecord<String, String>> read(Map<String, Object> base, String group, String topic) {
        Map<String, Object> config = new HashMap<>(base);
        config.put(ConsumerConfig.GROUP_ID_CONFIG, group);
        config.put(ConsumerConfig.AUTO_OFFSET_RESET_CONFIG, "earliest");
        try (var consumer = new KafkaConsumer<>(config, new StringDeserializer(), new StringDeserializer())) {
            consumer.subscribe(List.of(topic));
            List<ConsumerRecord<String, String>> records = new ArrayList<>();
            long until = System.nanoTime() + Duration.ofSeconds(30).toNanos();
            while (records.isEmpty() && System.nanoTime() < until) {
                consumer.poll(Duration.ofMillis(500)).forEach(records::add);
            }
            if (!records.isEmpty()) {
                consumer.commitSync();
            }
            return records;
        }
    }

    private static int freePort() throws IOException {
        try (ServerSocket socket = new ServerSocket(0)) {
            return socket.getLocalPort();
        }
    }
}
