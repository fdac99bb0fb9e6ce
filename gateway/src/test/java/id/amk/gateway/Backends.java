package id.amk.gateway;

import com.sun.net.httpserver.HttpServer;
import org.springframework.test.context.DynamicPropertyRegistry;

import java.io.IOException;
import java.io.OutputStream;
import java.net.InetSocketAddress;
import java.net.ServerSocket;
import java.nio.charset.StandardCharsets;
import java.util.Map;
import java.util.concurrent.ConcurrentHashMap;

/** Real HTTP backends standing in for the services: each answers with its name and the path it got. */
final class Backends {

    static final Map<String, HttpServer> SERVERS = new ConcurrentHashMap<>();
    static final Map<String, Map<String, String>> LAST_HEADERS = new ConcurrentHashMap<>();
    /** Calls to a path ending in /slow running at once in each backend, and the most there were. */
    static final Map<String, java.util.concurrent.atomic.AtomicInteger> RUNNING = new ConcurrentHashMap<>();
    static final Map<String, Integer> PEAK = new ConcurrentHashMap<>();

    /** Starts the named backends; {@code down} gets the address of a closed port, as a service that is down. */
    static void register(DynamicPropertyRegistry registry, String down, String... services) throws IOException {
        for (String service : services) {
            LAST_HEADERS.remove(service); // what an earlier test class's calls left says nothing about this one's
            HttpServer server = HttpServer.create(new InetSocketAddress("127.0.0.1", 0), 0);
            server.setExecutor(java.util.concurrent.Executors.newFixedThreadPool(64)); // as concurrent as a real service
            server.createContext("/", exchange -> {
                if (exchange.getRequestURI().getPath().endsWith("/slow")) { // a service that takes its time
                    int running = RUNNING.computeIfAbsent(service, k -> new java.util.concurrent.atomic.AtomicInteger()).incrementAndGet();
                    PEAK.merge(service, running, Math::max);
                    try {
                        Thread.sleep(300);
                    } catch (InterruptedException e) {
                        Thread.currentThread().interrupt();
                    }
                    RUNNING.get(service).decrementAndGet();
                }
                Map<String, String> headers = new ConcurrentHashMap<>();
                exchange.getRequestHeaders().forEach((name, values) -> headers.put(name.toLowerCase(), values.get(0)));
                LAST_HEADERS.put(service, headers);
                exchange.getResponseHeaders().add("X-Request-Id", headers.getOrDefault("x-request-id", "")); // as the services do
                byte[] body = (service + " " + exchange.getRequestURI().getPath()).getBytes(StandardCharsets.UTF_8);
                exchange.sendResponseHeaders(200, body.length);
                try (OutputStream out = exchange.getResponseBody()) {
                    out.write(body);
                }
            });
            server.start();
            SERVERS.put(service, server);
            registry.add("amk.services." + service, () -> "http://127.0.0.1:" + server.getAddress().getPort());
        }
        if (down != null) {
            int closed;
            try (ServerSocket socket = new ServerSocket(0)) {
                closed = socket.getLocalPort();
            }
            registry.add("amk.services." + down, () -> "http://127.0.0.1:" + closed);
        }
    }

    private Backends() {
    }
}
