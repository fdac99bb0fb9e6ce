package id.amk.platform.relay;

import org.apache.kafka.clients.producer.MockProducer;
import org.apache.kafka.clients.producer.ProducerRecord;
import org.apache.kafka.common.errors.SaslAuthenticationException;
import org.apache.kafka.common.serialization.ByteArraySerializer;
import org.apache.kafka.common.serialization.StringSerializer;
import org.junit.jupiter.api.Test;

import java.time.Duration;
import java.util.ArrayList;
import java.util.List;
import java.util.concurrent.ExecutionException;
import java.util.concurrent.TimeoutException;

import static org.assertj.core.api.Assertions.assertThat;
import static org.assertj.core.api.Assertions.assertThatThrownBy;

class IntegrationEventProducerTest {

    private final List<MockProducer<String, byte[]>> opened = new ArrayList<>();
    private final IntegrationEventProducer producer = new IntegrationEventProducer(() -> {
        // the first producer fails its sends as one that could not log in; later ones deliver
        MockProducer<String, byte[]> mock = new MockProducer<>(opened.size() > 0, new StringSerializer(), new ByteArraySerializer());
        opened.add(mock);
        return mock;
    });
    private final ProducerRecord<String, byte[]> record = new ProducerRecord<>("case.events.v1", "case-1", new byte[]{1});

    @Test
    void a_failed_send_closes_its_producer_and_the_retry_goes_through_a_new_one() throws Exception {
        Thread failer = new Thread(() -> {
            while (opened.isEmpty() || !opened.get(0).errorNext(new SaslAuthenticationException("invalid credentials"))) {
                Thread.onSpinWait();
            }
        });
        failer.start();
        assertThatThrownBy(() -> producer.send(record, Duration.ofSeconds(5)))
                .isInstanceOf(ExecutionException.class).hasCauseInstanceOf(SaslAuthenticationException.class);
        failer.join();
        assertThat(opened.get(0).closed()).isTrue();

        assertThat(producer.send(record, Duration.ofSeconds(5)).topic()).isEqualTo("case.events.v1");
        assertThat(opened).hasSize(2);
        assertThat(opened.get(1).history()).containsExactly(record);
        // a producer that works is kept
        producer.send(record, Duration.ofSeconds(5));
        assertThat(opened).hasSize(2);
    }

    @Test
    void a_send_that_never_completes_is_given_up_and_its_producer_replaced() throws Exception {
        assertThatThrownBy(() -> producer.send(record, Duration.ofMillis(100))).isInstanceOf(TimeoutException.class);
        assertThat(opened.get(0).closed()).isTrue();
        assertThat(producer.send(record, Duration.ofSeconds(5))).isNotNull();
        producer.close();
        assertThat(opened.get(1).closed()).isTrue();
    }
}
