package id.amk.platform.test;

import de.bwaldvogel.mongo.MongoServer;
import de.bwaldvogel.mongo.backend.memory.MemoryBackend;
import org.springframework.kafka.test.EmbeddedKafkaKraftBroker;
import org.testcontainers.containers.MongoDBContainer;
import org.testcontainers.kafka.KafkaContainer;

import java.net.InetSocketAddress;
import java.util.Map;

/**
 * The Kafka broker and Mongo server of a test JVM, started once and shared by every test class in it.
 * {@code -Damk.test.infra=real} (Maven profile {@code real-infra}) uses real containers instead of the
 * embedded KRaft broker and mongo-java-server; the default never needs Docker.
 */
public final class AmkInfra implements AutoCloseable {

    private static AmkInfra instance;

    private final String kafkaBootstrapServers;
    private final String mongoUri;
    private final AutoCloseable[] resources;

    private AmkInfra(String kafkaBootstrapServers, String mongoUri, AutoCloseable... resources) {
        this.kafkaBootstrapServers = kafkaBootstrapServers;
        this.mongoUri = mongoUri;
        this.resources = resources;
    }

    public static synchronized AmkInfra get() {
        if (instance == null) {
            instance = "real".equals(System.getProperty("amk.test.infra")) ? startReal() : startEmbedded();
            Runtime.getRuntime().addShutdownHook(new Thread(instance::close, "amk-test-infra-stop"));
        }
        return instance;
    }

    private static AmkInfra startEmbedded() {
        EmbeddedKafkaKraftBroker kafka = new EmbeddedKafkaKraftBroker(1, 2);
        kafka.brokerProperties(Map.of(
                "auto.create.topics.enable", "true",
                "num.partitions", "2",
                "group.initial.rebalance.delay.ms", "0"));
        kafka.afterPropertiesSet();
        MongoServer mongo = new MongoServer(new MemoryBackend());
        InetSocketAddress address = mongo.bind();
        return new AmkInfra(kafka.getBrokersAsString(), "mongodb://127.0.0.1:" + address.getPort(),
                kafka::destroy, mongo::shutdownNow);
    }

    @SuppressWarnings("resource")
    private static AmkInfra startReal() {
        KafkaContainer kafka = new KafkaContainer("apache/kafka:3.9.2");
        MongoDBContainer mongo = new MongoDBContainer("mongo:7.0");
        kafka.start();
        mongo.start();
        return new AmkInfra(kafka.getBootstrapServers(), mongo.getConnectionString(), kafka::stop, mongo::stop);
    }

    public String kafkaBootstrapServers() {
        return kafkaBootstrapServers;
    }

    /** A Mongo connection string without a database: each service names its own. */
    public String mongoUri() {
        return mongoUri;
    }

    @Override
    public synchronized void close() {
        for (AutoCloseable resource : resources) {
            try {
                resource.close();
            } catch (Exception ignored) {
                // best effort at JVM exit
            }
        }
    }
}
