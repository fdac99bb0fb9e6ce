package id.amk.platform.kafka;

import id.amk.platform.test.AmkInfra;
import org.junit.jupiter.api.Test;
import org.springframework.boot.actuate.health.Status;

import java.io.IOException;
import java.net.ServerSocket;
import java.util.Map;

import static org.assertj.core.api.Assertions.assertThat;

class KafkaHealthIndicatorTest {

    @Test
    void is_up_when_the_broker_answers() {
        KafkaHealthIndicator health = new KafkaHealthIndicator(Map.of("bootstrap.servers", AmkInfra.get().kafkaBootstrapServers()));
        try {
            assertThat(health.health().getStatus()).isEqualTo(Status.UP);
        } finally {
            health.destroy();
        }
    }

    @Test
    void is_down_when_no_broker_listens() throws IOException {
        int closedPort;
        try (ServerSocket socket = new ServerSocket(0)) {
            closedPort = socket.getLocalPort();
        }
        KafkaHealthIndicator health = new KafkaHealthIndicator(Map.of("bootstrap.servers", "127.0.0.1:" + closedPort));
        try {
            assertThat(health.health().getStatus()).isEqualTo(Status.DOWN);
        } finally {
            health.destroy();
        }
    }
}
