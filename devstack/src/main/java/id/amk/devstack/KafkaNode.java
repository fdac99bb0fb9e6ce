package id.amk.devstack;

import kafka.server.KafkaConfig;
import kafka.server.KafkaRaftServer;
import org.apache.kafka.common.utils.Time;

import java.nio.charset.StandardCharsets;
import java.nio.file.Files;
import java.nio.file.Path;
import java.time.Instant;
import java.util.HashMap;
import java.util.Map;
import java.util.Properties;

/**
 * A real single-node Apache Kafka broker in KRaft mode (broker and controller in one process), configured as
 * docker-compose configures its broker: {@code deploy/kafka/start.sh} writes its server.properties (SASL/SCRAM for every
 * client, ACLs, nothing allowed that {@code access.conf} does not grant) and {@code apply-access.sh} gives each principal
 * its password and its ACLs (see {@link KafkaScripts}). The storage is formatted on the first start only, so topics and
 * their events survive `amk down`/`amk up`; retention is unlimited: AMK's topics keep events forever. When the broker
 * answers and the access is applied, {@code <data-dir>/ready} says so.
 *
 * <p>Usage: {@code KafkaNode <data-dir> <port> <controller-port> <deploy/kafka>}; the passwords come from the
 * environment ({@code AMK_KAFKA_ADMIN_PASSWORD}, {@code AMK_KAFKA_<PRINCIPAL>_PASSWORD}), as in compose.</p>
 */
public final class KafkaNode {

    public static void main(String[] args) throws Exception {
        Path dataDir = Path.of(args[0]).toAbsolutePath();
        int port = Integer.parseInt(args[1]);
        int controllerPort = Integer.parseInt(args[2]);
        Path deploy = Path.of(args[3]).toAbsolutePath();
        Path logDir = dataDir.resolve("log");
        Path config = dataDir.resolve("config");
        Path ready = dataDir.resolve("ready");
        Path loginsMarker = dataDir.resolve("scram");
        Files.createDirectories(dataDir);
        Files.deleteIfExists(ready);
        if (Files.exists(logDir.resolve("meta.properties")) && !Files.exists(loginsMarker)) {
            System.err.println("kafka: " + logDir + " was formatted before the broker asked clients to log in; it has no admin"
                    + " login. Remove it (./amk down; rm -rf " + dataDir + ") and start again.");
            System.exit(78);
        }

        KafkaScripts scripts = new KafkaScripts(deploy, dataDir.resolve("scripts"));
        Map<String, String> environment = new HashMap<>(System.getenv());
        environment.put("AMK_KAFKA_DATA", logDir.toString());
        environment.put("AMK_KAFKA_CONFIG_DIR", config.toString());
        environment.put("AMK_KAFKA_ADVERTISED_HOST", "localhost");
        environment.put("AMK_KAFKA_PORT", String.valueOf(port));
        environment.put("AMK_KAFKA_CONTROLLER_PORT", String.valueOf(controllerPort));
        KafkaScripts.Start start = scripts.start(environment);
        scripts.format(start);
        if (start.formats()) {
            Files.writeString(loginsMarker, "formatted with the admin's SCRAM login " + Instant.now() + "\n", StandardCharsets.UTF_8);
        }

        Properties server = start.server();
        // one machine: listen on the loopback only; fewer offset partitions than a cluster's 50 start faster
        server.setProperty("listeners", server.getProperty("listeners").replace("0.0.0.0", "127.0.0.1"));
        server.setProperty("offsets.topic.num.partitions", "10");
        KafkaRaftServer broker = new KafkaRaftServer(KafkaConfig.fromProps(server), Time.SYSTEM);
        broker.startup();
        Runtime.getRuntime().addShutdownHook(new Thread(() -> {
            broker.shutdown();
            broker.awaitShutdown();
        }, "kafka-shutdown"));
        try {
            environment.put("AMK_KAFKA_BOOTSTRAP", "localhost:" + port);
            environment.put("AMK_KAFKA_ADMIN_CONFIG", config.resolve("admin.properties").toString());
            scripts.applyAccess(environment);
        } catch (Exception e) {
            System.err.println("kafka: applying " + deploy.resolve("access.conf") + " failed: " + e.getMessage());
            System.exit(1);
        }
        Files.writeString(ready, Instant.now() + "\n", StandardCharsets.UTF_8);
        System.out.println("kafka: ready on localhost:" + port + ", every client logs in (SASL/SCRAM-SHA-512), access as in "
                + deploy.resolve("access.conf"));
        broker.awaitShutdown();
    }

    private KafkaNode() {
    }
}
