package id.amk.reporting.projection;

import id.amk.platform.kafka.ReceivedEvent;
import id.amk.platform.test.AmkTest;
import id.amk.reporting.monitoring.MonitoringEvents;
import id.amk.reporting.monitoring.MonitoringProjection;
import org.apache.kafka.clients.consumer.ConsumerRecord;
import org.apache.kafka.clients.producer.ProducerRecord;
import org.apache.kafka.common.record.TimestampType;
import org.bson.Document;
import org.junit.jupiter.api.Test;
import org.springframework.beans.factory.annotation.Autowired;
import org.springframework.boot.test.context.SpringBootTest;
import org.springframework.data.mongodb.core.MongoTemplate;

import java.util.ArrayList;
import java.util.Collections;
import java.util.Comparator;
import java.util.List;
import java.util.Optional;
import java.util.Random;
import java.util.UUID;

import static org.assertj.core.api.Assertions.assertThat;

/** Every event twice, in a shuffled order across (and within) aggregates, gives exactly the facts of one in-order pass. */
@AmkTest
@SpringBootTest
class DuplicatesAndReorderingTest {

    @Autowired
    MongoTemplate mongo;

    @Autowired
    MonitoringProjection projection;

    @Test
    void duplicated_and_shuffled_events_give_the_same_monitoring_facts() {
        MonitoringEvents history = new MonitoringEvents("92", 80, 11);
        List<ReceivedEvent> inOrder = new ArrayList<>();
        for (int i = 0; i < history.records.size(); i++) {
            inOrder.add(ReceivedEvent.from(consumerRecord(history.records.get(i), i)));
        }
        List<ReceivedEvent> twiceShuffled = new ArrayList<>(inOrder);
        twiceShuffled.addAll(inOrder);
        Collections.shuffle(twiceShuffled, new Random(42));
        assertThat(twiceShuffled).isNotEqualTo(inOrder);

        ProjectionStore once = new ProjectionStore(mongo, "check-" + UUID.randomUUID(), 1);
        ProjectionStore messy = new ProjectionStore(mongo, "check-" + UUID.randomUUID(), 1);
        inOrder.forEach(e -> projection.apply(e, once));
        twiceShuffled.forEach(e -> projection.apply(e, messy));

        for (String collection : projection.collections()) {
            List<Document> expected = sorted(once.all(collection));
            assertThat(expected).isNotEmpty();
            assertThat(sorted(messy.all(collection))).isEqualTo(expected);
        }
    }

    private static List<Document> sorted(List<Document> documents) {
        return documents.stream().sorted(Comparator.comparing(d -> d.getString("_id"))).toList();
    }

    private static ConsumerRecord<String, byte[]> consumerRecord(ProducerRecord<String, byte[]> record, long offset) {
        return new ConsumerRecord<>(record.topic(), 0, offset, 0L, TimestampType.CREATE_TIME, -1, -1, record.key(), record.value(),
                record.headers(), Optional.empty());
    }
}
