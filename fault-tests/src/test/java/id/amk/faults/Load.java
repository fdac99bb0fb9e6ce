package id.amk.faults;

import com.fasterxml.jackson.databind.ObjectMapper;
import id.amk.platform.test.LocalPlatform;

import java.net.ConnectException;
import java.net.http.HttpResponse;
import java.util.Map;
import java.util.Set;
import java.util.concurrent.ConcurrentHashMap;
import java.util.concurrent.ExecutorService;
import java.util.concurrent.Executors;
import java.util.concurrent.TimeUnit;
import java.util.concurrent.atomic.AtomicInteger;

/**
 * Case registrations sent by a few clients, as a field office would: a command refused before it reached the service
 * (connection refused) is sent again; a command whose answer was lost (the
 * service died with it in flight) is not, because its outcome is unknown and a registration is not idempotent.
 */
final class Load {

    private static final ObjectMapper JSON = new ObjectMapper();

    final Set<String> accepted = ConcurrentHashMap.newKeySet();
    final AtomicInteger retried = new AtomicInteger();
    final AtomicInteger unknown = new AtomicInteger();
    final Map<String, AtomicInteger> refusedFinally = new ConcurrentHashMap<>();
    private final AtomicInteger next = new AtomicInteger();
    private final ExecutorService clients;
    private final LocalPlatform platform;
    private final int port;
    private final String token;
    private final int commands;
    private final long pauseMillis;

    Load(LocalPlatform platform, int port, String token, int commands, int clients, long pauseMillis) {
        this.platform = platform;
        this.port = port;
        this.token = token;
        this.commands = commands;
        this.pauseMillis = pauseMillis;
        this.clients = Executors.newFixedThreadPool(clients);
        for (int i = 0; i < clients; i++) {
            this.clients.submit(this::drive);
        }
        this.clients.shutdown();
    }

    int commands() {
        return commands;
    }

    boolean await(long minutes) throws InterruptedException {
        return clients.awaitTermination(minutes, TimeUnit.MINUTES);
    }

    private Void drive() throws InterruptedException {
        while (next.incrementAndGet() <= commands) {
            long giveUpAt = System.nanoTime() + TimeUnit.MINUTES.toNanos(3);
            while (true) {
                Outcome outcome = sendOnce();
                if (outcome != Outcome.REFUSED_BEFORE_PROCESSING) {
                    break;
                }
                if (System.nanoTime() > giveUpAt) {
                    refusedFinally.computeIfAbsent("gave up after 3 min", k -> new AtomicInteger()).incrementAndGet();
                    break;
                }
                retried.incrementAndGet();
                Thread.sleep(250);
            }
            if (pauseMillis > 0) {
                Thread.sleep(pauseMillis);
            }
        }
        return null;
    }

    private enum Outcome { ACCEPTED, REFUSED_BEFORE_PROCESSING, UNKNOWN, REJECTED }

    private Outcome sendOnce() {
        try {
            HttpResponse<String> response = platform.send(port, "POST", "/api/cases", token, null, """
                    {"regionCode":"32.73.02","child":{"name":"Anak Uji Gangguan","birthDate":"2016-03-03","sex":"F"},
                     "clusters":["NEGLECT_VICTIM"],"riskLevel":"MEDIUM","source":"WALK_IN","consent":true}""");
            if (response.statusCode() == 201) {
                accepted.add(JSON.readTree(response.body()).path("caseId").asText());
                return Outcome.ACCEPTED;
            }
            // a 503 from the gateway may come after the call reached the service (time limit): not sent again
            refusedFinally.computeIfAbsent(String.valueOf(response.statusCode()), k -> new AtomicInteger()).incrementAndGet();
            return Outcome.REJECTED;
        } catch (ConnectException e) {
            return Outcome.REFUSED_BEFORE_PROCESSING;
        } catch (InterruptedException e) {
            Thread.currentThread().interrupt();
            return Outcome.UNKNOWN;
        } catch (Exception e) {
            // reset, closed or timed out with the command in flight: it may or may not have been recorded
            unknown.incrementAndGet();
            return Outcome.UNKNOWN;
        }
    }
}
