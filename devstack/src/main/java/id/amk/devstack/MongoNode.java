package id.amk.devstack;

import de.bwaldvogel.mongo.MongoServer;
import de.bwaldvogel.mongo.backend.h2.H2Backend;

import java.io.IOException;
import java.nio.file.Files;
import java.nio.file.Path;
import java.util.concurrent.CountDownLatch;

/**
 * The Mongo wire-protocol server of the embedded platform: mongo-java-server with its H2 backend, all
 * databases in one file under the data directory, so data survives `amk down`/`amk up`. A development
 * stand-in: no transactions, no change streams, non-_id queries scan (production runs real MongoDB).
 *
 * <p>Usage: {@code MongoNode <data-dir> <port>}</p>
 */
public final class MongoNode {

    public static void main(String[] args) throws IOException, InterruptedException {
        Path dataDir = Path.of(args[0]).toAbsolutePath();
        int port = Integer.parseInt(args[1]);
        Files.createDirectories(dataDir);
        H2Backend backend = new H2Backend(dataDir.resolve("amk.mv").toString());
        MongoServer server = new MongoServer(backend);
        server.bind("127.0.0.1", port);
        System.out.println("mongo: listening on 127.0.0.1:" + port + ", data in " + dataDir);

        CountDownLatch stopped = new CountDownLatch(1);
        Runtime.getRuntime().addShutdownHook(new Thread(() -> {
            System.out.println("mongo: shutting down, flushing data");
            server.shutdown(); // closes the backend: the H2 store is committed and closed
            stopped.countDown();
        }, "mongo-shutdown"));
        stopped.await();
    }

    private MongoNode() {
    }
}
