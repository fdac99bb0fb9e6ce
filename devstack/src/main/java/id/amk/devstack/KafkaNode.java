package id.amk.devstack;

import kafka.tools.StorageTool;
import org.apache.kafka.common.Uuid;

import java.io.IOException;
import java.io.OutputStream;
import java.io.PrintStream;
import java.nio.charset.StandardCharsets;
import java.nio.file.Files;
import java.nio.file.Path;
import java.util.Properties;

/**
 * A real single-node Apache Kafka broker in KRaft mode (broker and controller in one process), with its
 * log under the data directory. The storage is formatted on the first start only, so topics and their
 * events survive `amk down`/`amk up`; retention is unlimited: AMK's topics keep events forever.
 *
 * <p>Usage: {@code KafkaNode <data-dir> <port> <controller-port>}</p>
 */
public final class KafkaNode {

    public static void main(String[] args) throws IOException {
        Path dataDir = Path.of(args[0]).toAbsolutePath();
        int port = Integer.parseInt(args[1]);
        int controllerPort = Integer.parseInt(args[2]);
        Path logDir = dataDir.resolve("log");
        Files.createDirectories(logDir);

        Properties config = new Properties();
        config.setProperty("process.roles", "broker,controller");
        config.setProperty("node.id", "1");
        config.setProperty("controller.quorum.voters", "1@127.0.0.1:" + controllerPort);
        config.setProperty("listeners", "PLAINTEXT://127.0.0.1:" + port + ",CONTROLLER://127.0.0.1:" + controllerPort);
        config.setProperty("advertised.listeners", "PLAINTEXT://localhost:" + port);
        config.setProperty("controller.listener.names", "CONTROLLER");
        config.setProperty("inter.broker.listener.name", "PLAINTEXT");
        config.setProperty("listener.security.protocol.map", "PLAINTEXT:PLAINTEXT,CONTROLLER:PLAINTEXT");
        config.setProperty("log.dirs", logDir.toString());
        config.setProperty("num.partitions", "3");
        config.setProperty("auto.create.topics.enable", "true");
        config.setProperty("offsets.topic.replication.factor", "1");
        config.setProperty("offsets.topic.num.partitions", "10");
        config.setProperty("transaction.state.log.replication.factor", "1");
        config.setProperty("transaction.state.log.min.isr", "1");
        config.setProperty("group.initial.rebalance.delay.ms", "0");
        config.setProperty("log.retention.ms", "-1");
        config.setProperty("log.retention.bytes", "-1");
        Path properties = dataDir.resolve("server.properties");
        try (OutputStream out = Files.newOutputStream(properties)) {
            config.store(out, "written by AMK devstack on every start");
        }

        if (!Files.exists(logDir.resolve("meta.properties"))) {
            Path clusterIdFile = dataDir.resolve("cluster.id");
            if (!Files.exists(clusterIdFile)) {
                Files.writeString(clusterIdFile, Uuid.randomUuid().toString(), StandardCharsets.UTF_8);
            }
            String clusterId = Files.readString(clusterIdFile, StandardCharsets.UTF_8).trim();
            int exit = StorageTool.execute(new String[]{"format", "-t", clusterId, "-c", properties.toString(), "--ignore-formatted"},
                    new PrintStream(System.out, true, StandardCharsets.UTF_8));
            if (exit != 0) {
                System.err.println("kafka: formatting the storage failed (exit " + exit + ")");
                System.exit(exit);
            }
        }
        kafka.Kafka.main(new String[]{properties.toString()});
    }

    private KafkaNode() {
    }
}
