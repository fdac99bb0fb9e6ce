package id.amk.devstack;

import de.bwaldvogel.mongo.MongoServer;
import de.bwaldvogel.mongo.bson.Document;
import de.bwaldvogel.mongo.backend.h2.H2Backend;
import io.netty.channel.Channel;
import org.h2.mvstore.MVStore;

import java.io.IOException;
import java.nio.file.Files;
import java.nio.file.Path;
import java.util.concurrent.CountDownLatch;

/**
 * The Mongo wire-protocol server of the embedded platform: mongo-java-server with its H2 backend, all
 * databases in one file under the data directory, so data survives `amk down`/`amk up`. A development
 * stand-in: no transactions, no change streams (production runs real MongoDB). Queries on a declared index's
 * first key use that index ({@link IndexingH2Backend}); other queries scan.
 *
 * <p>Usage: {@code MongoNode <data-dir> <port>}</p>
 */
public final class MongoNode {

    public static void main(String[] args) throws IOException, InterruptedException {
        Path dataDir = Path.of(args[0]).toAbsolutePath();
        int port = Integer.parseInt(args[1]);
        Files.createDirectories(dataDir);
        String profileSeconds = System.getenv("AMK_MONGO_PROFILE");
        MVStore store = MVStore.open(dataDir.resolve("amk.mv").toString());
        H2Backend backend = profileSeconds == null ? new IndexingH2Backend(store) : profiled(store, Integer.parseInt(profileSeconds));
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

    /** The backend, timing every command; the top 15 by total time are printed every {@code seconds}. */
    private static H2Backend profiled(MVStore store, int seconds) {
        CommandProfile profile = new CommandProfile();
        Thread printer = new Thread(() -> {
            try {
                while (true) {
                    Thread.sleep(seconds * 1000L);
                    System.out.println("mongo: profile of the last " + seconds + " s (total, count, mean, command)\n" + profile.report(15));
                }
            } catch (InterruptedException stopped) {
                Thread.currentThread().interrupt();
            }
        }, "mongo-profile");
        printer.setDaemon(true);
        printer.start();
        return new IndexingH2Backend(store) {
            @Override
            public Document handleCommand(Channel channel, String database, String command, Document query) {
                long started = System.nanoTime();
                try {
                    return super.handleCommand(channel, database, command, query);
                } finally {
                    profile.record(database, command, query, System.nanoTime() - started);
                }
            }
        };
    }

    private MongoNode() {
    }
}
