package id.amk.platform.privacy;

import com.mongodb.client.MongoClients;
import de.bwaldvogel.mongo.MongoServer;
import de.bwaldvogel.mongo.backend.memory.MemoryBackend;
import org.junit.jupiter.api.AfterAll;
import org.junit.jupiter.api.BeforeAll;
import org.junit.jupiter.api.Test;
import org.springframework.data.mongodb.core.MongoTemplate;

import static org.assertj.core.api.Assertions.assertThat;
import static org.assertj.core.api.Assertions.assertThatThrownBy;

class SubjectKeysTest {

    private static MongoServer server;
    private static SubjectKeys keys;

    @BeforeAll
    static void start() {
        server = new MongoServer(new MemoryBackend());
        var address = server.bind();
        keys = new SubjectKeys(new MongoTemplate(MongoClients.create("mongodb://" + address.getHostString() + ":" + address.getPort()), "keys"),
                "subject_keys");
    }

    @AfterAll
    static void stop() {
        server.shutdownNow();
    }

    @Test
    void sealed_data_open_until_the_subject_is_forgotten_and_nothing_is_sealed_for_it_afterwards() {
        String sealed = keys.sealText("case-1", "Siti Aminah");
        assertThat(keys.openText("case-1", sealed)).contains("Siti Aminah");

        keys.forget("case-1");

        assertThat(keys.openText("case-1", sealed)).isEmpty();
        assertThatThrownBy(() -> keys.sealText("case-1", "a note after the erasure")).isInstanceOf(SubjectForgotten.class);
        assertThat(keys.openText("case-1", sealed)).as("still erased, not a tampered ciphertext").isEmpty();
        assertThat(keys.openText("case-2", keys.sealText("case-2", "Budi"))).contains("Budi");
    }
}
