package id.amk.bench;

import com.fasterxml.jackson.databind.ObjectMapper;
import id.amk.platform.test.LocalPlatform;

import java.io.IOException;
import java.net.URI;
import java.net.http.HttpClient;
import java.net.http.HttpRequest;
import java.net.http.HttpResponse;
import java.nio.file.Files;
import java.nio.file.Path;
import java.time.Duration;
import java.time.Instant;
import java.time.LocalDate;
import java.util.ArrayList;
import java.util.HashMap;
import java.util.List;
import java.util.Locale;
import java.util.Map;
import java.util.concurrent.ConcurrentLinkedQueue;
import java.util.concurrent.CountDownLatch;
import java.util.concurrent.ExecutorService;
import java.util.concurrent.Executors;
import java.util.concurrent.Semaphore;
import java.util.concurrent.TimeUnit;
import java.util.concurrent.atomic.AtomicInteger;
import java.util.concurrent.atomic.AtomicLong;

/**
 * AMK's benchmark harness: starts the platform as {@code ./amk up} does (separate processes, real broker, tokens from
 * identity-service through the gateway) on its own ports and data directory, measures side by side in one run, prints
 * the figures and writes them with the machine and the date to {@code docs/benchmarks.md}.
 *
 * <ol>
 *   <li>{@code ./amk up} to all healthy: time, and the memory of the seven processes;</li>
 *   <li>command latency while the event store grows: the same command on a small and on a grown store;</li>
 *   <li>the same command through the gateway and straight to case-service, at a fixed rate;</li>
 *   <li>propagation: a case registered -> visible in reporting-service's view.</li>
 * </ol>
 */
public final class Bench {

    private static final Path ROOT = Path.of(System.getProperty("amk.root", ".")).toAbsolutePath().normalize();
    private static final int GATEWAY = 28080;
    private static final int CASES = 28081;
    private static final int REPORTING = 28083;
    private static final LocalPlatform PLATFORM = new LocalPlatform(ROOT, ROOT.resolve("bench/target/amk-bench"), GATEWAY, 29092, 47017)
            // the bench drives one user far beyond the per-user limit meant for people
            .with(Map.of("AMK_RATE_LIMIT_CAPACITY", "10000000"));
    private static final ObjectMapper JSON = new ObjectMapper();
    /** Daemon threads: the harness ends (exec:java returns) once the figures are written. */
    private static final HttpClient HTTP = HttpClient.newBuilder().executor(Executors.newFixedThreadPool(16, r -> {
        Thread thread = new Thread(r, "bench-http");
        thread.setDaemon(true);
        return thread;
    })).build();

    private final List<String> report = new ArrayList<>();
    private final int grow = Integer.getInteger("bench.grow", 20_000);
    private final int rate = Integer.getInteger("bench.rate", 100);
    private final int seconds = Integer.getInteger("bench.seconds", 60);
    /** Which parts run: up, growth, gateway, fairness, propagation, rebuild, search (default all). */
    private final List<String> parts = List.of(System.getProperty("bench.only", "up,growth,gateway,fairness,propagation,rebuild,search").split(","));
    private String token;
    private final AtomicInteger registered = new AtomicInteger();
    private Instant tokenAt;

    public static void main(String[] args) throws Exception {
        new Bench().run();
    }

    private void run() throws Exception {
        String machine = machine();
        System.out.println(machine);
        // a first start builds what is missing and trains the class-data-sharing archives; the measured start comes after it
        PLATFORM.amk("down");
        PLATFORM.wipe();
        PLATFORM.amkOk("up");
        PLATFORM.amkOk("down");
        PLATFORM.wipe();
        long started = System.nanoTime();
        PLATFORM.amkOk("up");
        double upSeconds = (System.nanoTime() - started) / 1e9;
        if (parts.contains("up")) {
            line("| `./amk up` to all healthy (empty data directory, built jars, CDS archives trained) | %.1f s |", upSeconds);
            line("| memory of the 7 processes right after (RSS sum) | %d MB |", PLATFORM.rssMb());
        }
        try {
            if (parts.contains("growth")) {
                storeGrowth();
            }
            if (parts.contains("gateway")) {
                gatewayVersusDirect();
            }
            if (parts.contains("fairness")) {
                fairness();
            }
            if (parts.contains("propagation")) {
                propagation();
            }
            if (parts.contains("search")) {
                search(Integer.getInteger("bench.search-cases", 50_000));
            }
            if (parts.contains("rebuild")) {
                new RebuildBench(PLATFORM, this::line).run(Integer.getInteger("bench.rebuild-events", 1_000_000));
            }
        } finally {
            PLATFORM.amk("down");
        }
        write(machine);
    }

    /**
     * Finding a child (issue 18) in a caseload of {@code cases} children with generated Indonesian names (Datafaker's
     * "id" locale), registered through the API: the search by a name spelt another way, and the duplicate check of a
     * registration, each p50 / p95 over 500 calls one at a time, straight to case-service, as the worker of the regency
     * whose caseload it is (the scope every search has).
     */
    private void search(int cases) throws Exception {
        java.util.Random random = new java.util.Random(20261203L);
        net.datafaker.Faker faker = new net.datafaker.Faker(Locale.forLanguageTag("id"), random);
        List<String[]> children = new ArrayList<>();
        for (int i = 0; i < cases; i++) {
            LocalDate born = LocalDate.now().minusYears(18).plusDays(1 + random.nextInt(18 * 365 - 2)); // a child: under 18 today
            children.add(new String[] {faker.name().firstName() + " " + faker.name().lastName(), born.toString(), random.nextBoolean() ? "F" : "M",
                    String.format(Locale.ROOT, "08%02d%08d", 11 + random.nextInt(88), random.nextInt(100_000_000))});
        }
        long before = System.nanoTime();
        AtomicInteger next = new AtomicInteger();
        java.util.Set<Integer> done = java.util.concurrent.ConcurrentHashMap.newKeySet();
        ExecutorService pool = Executors.newFixedThreadPool(4);
        for (int t = 0; t < 4; t++) {
            pool.submit(() -> {
                int n;
                while ((n = next.getAndIncrement()) < cases) {
                    String[] c = children.get(n);
                    try {
                        HttpResponse<String> answer = send(CASES, "POST", "/api/cases", null, ("{\"regionCode\":\"32.73.01\",\"child\":{\"name\":\"%s\","
                                + "\"birthDate\":\"%s\",\"sex\":\"%s\",\"guardianPhone\":\"%s\"},\"clusters\":[\"NEGLECT_VICTIM\"],"
                                + "\"riskLevel\":\"MEDIUM\",\"source\":\"WALK_IN\",\"consent\":true}").formatted(c[0], c[1], c[2], c[3]));
                        if (answer.statusCode() == 201) {
                            registered.incrementAndGet();
                            done.add(n);
                        } else {
                            System.err.println("search: register " + answer.statusCode() + " " + answer.body());
                        }
                        if (n % 1000 == 0) {
                            System.out.printf("search: %d of %d registered%n", n, cases);
                        }
                    } catch (Exception e) {
                        System.err.println("search: " + e.getMessage());
                    }
                }
                return null;
            });
        }
        pool.shutdown();
        pool.awaitTermination(3, TimeUnit.HOURS);
        double registering = (System.nanoTime() - before) / 1e9;
        // searched only once every registered child has its line in case-service's view: a search "at 50,000" is one over 50,000 lines
        // (not waiting for reporting-service's dashboard as settle() does: reading it every second reads every fact, and
        // slows the embedded Mongo the view is written to)
        long caughtUp = System.nanoTime() + TimeUnit.MINUTES.toNanos(Integer.getInteger("bench.search-settle-minutes", 90));
        long lines = 0;
        while ((lines = JSON.readTree(send(CASES, "GET", "/api/cases?size=1", null, null).body()).path("total").asLong()) < done.size()
                && System.nanoTime() < caughtUp) {
            Thread.sleep(15_000);
        }
        double viewsTook = (System.nanoTime() - before) / 1e9 - registering;
        List<Integer> registeredChildren = new ArrayList<>(done);
        java.util.Collections.sort(registeredChildren);
        Latencies byName = new Latencies();
        Latencies duplicates = new Latencies();
        int found = 0;
        for (int i = 0; i < 550; i++) {
            String[] c = children.get(registeredChildren.get(random.nextInt(registeredChildren.size())));
            // as a school writes it: the old spelling
            String variant = c[0].replace("j", "dj").replace("u", "oe").replace("y", "j").replace("c", "tj");
            long started = System.nanoTime();
            HttpResponse<String> answer = send(CASES, "GET", "/api/cases?size=20&name="
                    + java.net.URLEncoder.encode(variant, java.nio.charset.StandardCharsets.UTF_8), null, null);
            double ms = (System.nanoTime() - started) / 1e6;
            started = System.nanoTime();
            HttpResponse<String> check = send(CASES, "POST", "/api/cases/likely-duplicates", null,
                    "{\"regionCode\":\"32.73\",\"child\":{\"name\":\"%s\",\"birthDate\":\"%s\",\"sex\":\"%s\"}}".formatted(variant, c[1], c[2]));
            double checkMs = (System.nanoTime() - started) / 1e6;
            if (i >= 50 && answer.statusCode() == 200 && check.statusCode() == 200) { // the first 50 warm up
                byName.add(ms);
                duplicates.add(checkMs);
                found += check.body().contains(c[0]) ? 1 : 0;
            }
        }
        line("| caseload of %d generated children (Datafaker id names, %d registered) at %.0f/s with 4 clients; lines in the worker's caseload when searched (%.0f s after the last registration) | %d |",
                cases, registeredChildren.size(), cases / registering, viewsTook, lines);
        line("| search by a name in old spelling, one at a time, straight to case-service, first page of 20: p50 / p95 (target p95 < 200 ms at 50,000) | %.1f / %.1f ms |",
                byName.p(50), byName.p(95));
        line("| duplicate check of a registration (that name, birth date, sex), the child among those shown %d of %d times: p50 / p95 | %.1f / %.1f ms |",
                found, duplicates.count(), duplicates.p(50), duplicates.p(95));
    }

    /** The same command (a progress note with If-Match) on one case, before and after the store grew by {@code grow} events. */
    private void storeGrowth() throws Exception {
        String probe = register(CASES);
        notes(CASES, probe, 200); // warm-up: JIT, caches
        settle();
        Latencies small = notes(CASES, probe, 300);
        long before = System.nanoTime();
        AtomicInteger done = new AtomicInteger();
        AtomicLong lap = new AtomicLong(before);
        ExecutorService pool = Executors.newFixedThreadPool(4);
        for (int t = 0; t < 4; t++) {
            pool.submit(() -> {
                int n;
                while ((n = done.incrementAndGet()) <= grow) {
                    try {
                        register(CASES);
                        if (n % 1000 == 0) {
                            // the rate along the way shows whether registering slows down as the store grows
                            long now = System.nanoTime();
                            System.out.printf("growth: %d registered, %.0f/s over the last 1000%n", n, 1000 / ((now - lap.getAndSet(now)) / 1e9));
                        }
                    } catch (Exception e) {
                        System.err.println("growth: " + e.getMessage());
                    }
                }
                return null;
            });
        }
        pool.shutdown();
        pool.awaitTermination(2, TimeUnit.HOURS);
        double growSeconds = (System.nanoTime() - before) / 1e9;
        settle();
        Latencies large = notes(CASES, probe, 300);
        line("| command latency (progress note, If-Match, straight to case-service, one at a time), store of ~%d events: p50 / p99 "
                + "| %.1f / %.1f ms |", 700, small.p(50), small.p(99));
        line("| the same after the store grew by %d registrations (%.0f registrations/s with 4 clients), once every consumer caught up: "
                + "p50 / p99 | %.1f / %.1f ms |", grow, grow / growSeconds, large.p(50), large.p(99));
        line("| ratio grown / small store: p50 / p99 | %.2f / %.2f |", large.p(50) / small.p(50), large.p(99) / small.p(99));
    }

    /** A fixed rate of commands for {@code seconds}, straight to case-service, then through the gateway. */
    private void gatewayVersusDirect() throws Exception {
        for (int r : List.of(rate, Integer.getInteger("bench.sustainable-rate", 20))) {
            settle();
            Latencies direct = fixedRate(CASES, r);
            settle();
            Latencies viaGateway = fixedRate(GATEWAY, r);
            line("| %d commands/s for %d s straight to case-service: p50 / p99 (%d answered 200, %d refused %s, %d not sent as all 64 cases "
                    + "were busy) | %.1f / %.1f ms |", r, seconds, direct.count(), direct.failed, direct.refusals, direct.skipped, direct.p(50),
                    direct.p(99));
            line("| %d commands/s for %d s through the gateway: p50 / p99 (%d answered 200, %d refused %s, %d not sent) | %.1f / %.1f ms |",
                    r, seconds, viaGateway.count(), viaGateway.failed, viaGateway.refusals, viaGateway.skipped, viaGateway.p(50),
                    viaGateway.p(99));
            line("| gateway / direct at %d/s: p50 / p99 ratio (target < 1.3 and p99 < 50 ms at 100/s) | %.2f / %.2f |", r,
                    viaGateway.p(50) / direct.p(50), viaGateway.p(99) / direct.p(99));
        }
    }

    /**
     * Per-caller fairness at the gateway (issue 19): one person's burst of 500 concurrent reads, while another person
     * reads one at a time; then five people with 100 concurrent reads each. Every caller's answers by status, the
     * p50 / p95 of what was served, and whether anyone who was not bursting got anything but 200.
     */
    private void fairness() throws Exception {
        settle();
        List<String> people = List.of("peksos.bandung", "supervisor.jabar", "analis.kemensos", "admin", "mitra.handayani");
        Map<String, String> tokens = new java.util.LinkedHashMap<>();
        for (String person : people) {
            tokens.put(person, PLATFORM.userToken(person));
        }
        HttpClient burstClient = HttpClient.newBuilder().executor(Executors.newFixedThreadPool(64)).build();
        // one caller bursts, another reads one at a time meanwhile
        java.util.concurrent.CompletableFuture<Map<String, Latencies>> burst = java.util.concurrent.CompletableFuture.supplyAsync(
                () -> concurrentReads(burstClient, Map.of("peksos.bandung", tokens.get("peksos.bandung")), 500));
        Latencies bystander = new Latencies();
        while (!burst.isDone()) {
            read(HTTP, tokens.get("supervisor.jabar"), bystander);
            Thread.sleep(50);
        }
        Latencies burster = burst.get().get("peksos.bandung");
        line("| burst: one person's 500 concurrent reads through the gateway (notifications): answers, p50 / p95 of the 200s | %s, %.1f / %.1f ms |",
                statuses(burster), burster.p(50), burster.p(95));
        line("| meanwhile another person reading one at a time: answers, p50 / p95 (target: all 200) | %s, %.1f / %.1f ms |",
                statuses(bystander), bystander.p(50), bystander.p(95));
        settle();
        Map<String, Latencies> five = concurrentReads(burstClient, tokens, 100);
        for (var person : five.entrySet()) {
            line("| five people x 100 concurrent reads, %s: answers, p50 / p95 of the 200s | %s, %.1f / %.1f ms |", person.getKey(),
                    statuses(person.getValue()), person.getValue().p(50), person.getValue().p(95));
        }
    }

    /** {@code each} concurrent reads of GET /api/notifications per person, all at once. */
    private Map<String, Latencies> concurrentReads(HttpClient client, Map<String, String> tokens, int each) {
        Map<String, Latencies> results = new java.util.LinkedHashMap<>();
        List<java.util.concurrent.CompletableFuture<Void>> calls = new ArrayList<>();
        for (var person : tokens.entrySet()) {
            Latencies latencies = new Latencies();
            results.put(person.getKey(), latencies);
            for (int i = 0; i < each; i++) {
                long started = System.nanoTime();
                calls.add(client.sendAsync(notifications(person.getValue()), HttpResponse.BodyHandlers.ofString())
                        .handle((answer, error) -> {
                            record(latencies, answer == null ? -1 : answer.statusCode(), started);
                            return null;
                        }));
            }
        }
        calls.forEach(java.util.concurrent.CompletableFuture::join);
        return results;
    }

    private void read(HttpClient client, String token, Latencies latencies) {
        long started = System.nanoTime();
        try {
            record(latencies, client.send(notifications(token), HttpResponse.BodyHandlers.ofString()).statusCode(), started);
        } catch (Exception e) {
            record(latencies, -1, started);
        }
    }

    private static HttpRequest notifications(String token) {
        return HttpRequest.newBuilder(URI.create("http://localhost:" + GATEWAY + "/api/notifications?size=20"))
                .header("Authorization", "Bearer " + token).build();
    }

    private static void record(Latencies latencies, int status, long started) {
        latencies.refusals.computeIfAbsent(String.valueOf(status), k -> new AtomicInteger()).incrementAndGet();
        if (status == 200) {
            latencies.add((System.nanoTime() - started) / 1e6);
        }
    }

    private static String statuses(Latencies latencies) {
        return new java.util.TreeMap<>(latencies.refusals).entrySet().stream().map(e -> e.getValue() + " x " + e.getKey())
                .collect(java.util.stream.Collectors.joining(", "));
    }

    /** Time from a case's registration (201) to its coordination thread in reporting-service (fed by Kafka). */
    private void propagation() throws Exception {
        settle();
        Latencies latencies = new Latencies();
        for (int i = 0; i < 100; i++) {
            String caseId = register(CASES);
            long accepted = System.nanoTime();
            while (true) {
                HttpResponse<String> thread = send(REPORTING, "GET", "/api/coordination/" + caseId, null, null);
                if (thread.statusCode() == 200) {
                    break;
                }
                if (System.nanoTime() - accepted > TimeUnit.SECONDS.toNanos(30)) {
                    latencies.failed++;
                    break;
                }
                Thread.sleep(5);
            }
            latencies.add((System.nanoTime() - accepted) / 1e6);
        }
        line("| propagation case registered -> reporting-service's view (polled every 5 ms): p50 / p99 (target p99 < 1 s) | %.0f / %.0f ms |",
                latencies.p(50), latencies.p(99));
    }

    /**
     * Waits until the platform has caught up with what the bench did: reporting-service (the last consumer in the chain)
     * counts every case registered so far. Measuring during a backlog would measure the backlog.
     */
    private void settle() throws Exception {
        String client = clientToken();
        long deadline = System.nanoTime() + TimeUnit.MINUTES.toNanos(10);
        while (System.nanoTime() < deadline) {
            HttpResponse<String> figures = HTTP.send(HttpRequest.newBuilder(URI.create("http://localhost:" + GATEWAY
                    + "/api/dashboards/cases?region=32.73")).header("Authorization", "Bearer " + client).build(), HttpResponse.BodyHandlers.ofString());
            if (figures.statusCode() == 200 && JSON.readTree(figures.body()).path("total").asLong() >= registered.get()) {
                return;
            }
            Thread.sleep(1000);
        }
        System.err.println("the platform did not catch up within 10 minutes");
    }

    private static String clientToken() throws Exception {
        return PLATFORM.clientToken();
    }

    private Latencies fixedRate(int port, int rate) throws Exception {
        int pool = 64;
        List<String> cases = new ArrayList<>();
        Map<String, String> versions = new HashMap<>();
        Map<String, Semaphore> free = new HashMap<>();
        for (int i = 0; i < pool; i++) {
            String id = register(CASES);
            cases.add(id);
            versions.put(id, "\"0\"");
            free.put(id, new Semaphore(1));
        }
        Latencies latencies = new Latencies();
        int total = rate * seconds;
        CountDownLatch finished = new CountDownLatch(total);
        long periodNanos = TimeUnit.SECONDS.toNanos(1) / rate;
        long start = System.nanoTime();
        String bearer = token();
        for (int i = 0; i < total; i++) {
            long due = start + i * periodNanos;
            long wait = due - System.nanoTime();
            if (wait > 0) {
                TimeUnit.NANOSECONDS.sleep(wait);
            }
            String caseId = null;
            for (int k = 0; k < pool && caseId == null; k++) {
                String candidate = cases.get((i + k) % pool);
                if (free.get(candidate).tryAcquire()) {
                    caseId = candidate;
                }
            }
            if (caseId == null) {
                latencies.skipped++;
                finished.countDown();
                continue;
            }
            String id = caseId;
            long sent = System.nanoTime();
            HttpRequest request = HttpRequest.newBuilder(URI.create("http://localhost:" + port + "/api/cases/" + id + "/notes"))
                    .header("Authorization", "Bearer " + bearer).header("Content-Type", "application/json").header("If-Match", versions.get(id))
                    .POST(HttpRequest.BodyPublishers.ofString("{\"note\":\"bench\"}")).build();
            HTTP.sendAsync(request, HttpResponse.BodyHandlers.ofString()).whenComplete((response, error) -> {
                double ms = (System.nanoTime() - sent) / 1e6;
                if (error == null && response.statusCode() == 200) {
                    versions.put(id, response.headers().firstValue("ETag").orElseThrow());
                    latencies.add(ms);
                } else {
                    latencies.failed++;
                    latencies.refusals.computeIfAbsent(error != null ? error.getClass().getSimpleName() : String.valueOf(response.statusCode()),
                            k -> new AtomicInteger()).incrementAndGet();
                }
                free.get(id).release();
                finished.countDown();
            });
        }
        finished.await(2, TimeUnit.MINUTES);
        return latencies;
    }

    private Latencies notes(int port, String caseId, int count) throws Exception {
        Latencies latencies = new Latencies();
        String version = send(port, "GET", "/api/cases/" + caseId, null, null).headers().firstValue("ETag").orElseThrow();
        for (int i = 0; i < count; i++) {
            long sent = System.nanoTime();
            HttpResponse<String> response = send(port, "POST", "/api/cases/" + caseId + "/notes", version, "{\"note\":\"bench\"}");
            latencies.add((System.nanoTime() - sent) / 1e6);
            if (response.statusCode() != 200) {
                throw new IllegalStateException("note: " + response.statusCode() + " " + response.body());
            }
            version = response.headers().firstValue("ETag").orElseThrow();
        }
        return latencies;
    }

    private String register(int port) throws Exception {
        HttpResponse<String> response = send(port, "POST", "/api/cases", null, """
                {"regionCode":"32.73.01","child":{"name":"Anak Bench","birthDate":"2016-03-03","sex":"F"},
                 "clusters":["NEGLECT_VICTIM"],"riskLevel":"MEDIUM","source":"WALK_IN","consent":true}""");
        if (response.statusCode() != 201) {
            throw new IllegalStateException("register: " + response.statusCode() + " " + response.body());
        }
        registered.incrementAndGet();
        return JSON.readTree(response.body()).path("caseId").asText();
    }

    private HttpResponse<String> send(int port, String method, String path, String ifMatch, String body) throws Exception {
        HttpRequest.Builder request = HttpRequest.newBuilder(URI.create("http://localhost:" + port + path))
                .header("Authorization", "Bearer " + token()).header("Content-Type", "application/json");
        if (ifMatch != null) {
            request.header("If-Match", ifMatch);
        }
        request.method(method, body == null ? HttpRequest.BodyPublishers.noBody() : HttpRequest.BodyPublishers.ofString(body));
        return HTTP.send(request.build(), HttpResponse.BodyHandlers.ofString());
    }

    /** The demo worker's access token, signed in through the gateway like a browser; renewed before it expires. */
    private synchronized String token() throws Exception {
        if (token == null || Duration.between(tokenAt, Instant.now()).toMinutes() >= 10) {
            token = PLATFORM.userToken("peksos.bandung");
            tokenAt = Instant.now();
        }
        return token;
    }

    void line(String format, Object... args) {
        String text = String.format(Locale.ROOT, format, args);
        System.out.println(text);
        report.add(text);
    }

    private void write(String machine) throws IOException {
        Path file = ROOT.resolve("docs/benchmarks.md");
        String body = "# Benchmarks\n\nWritten by the harness (`bench` module): `./mvnw -q -Pbench -DskipTests install && "
                + "./mvnw -q -Pbench -pl bench org.codehaus.mojo:exec-maven-plugin:3.5.0:java`.\nThe platform runs as `./amk up` runs it (separate JVMs, embedded Kafka broker, "
                + "mongo-java-server with its H2 file backend), the driver in the same machine.\n\n## Run of " + LocalDate.now() + "\n\n"
                + machine + "\n\n| measure | figure |\n|---|---|\n" + String.join("\n", report) + "\n";
        // what people wrote about a run stays below the marker when the harness writes the figures again
        String marker = "<!-- notes: kept by the harness -->";
        String notes = Files.exists(file) && Files.readString(file).contains(marker)
                ? Files.readString(file).substring(Files.readString(file).indexOf(marker)) : marker + "\n";
        Files.createDirectories(file.getParent());
        Files.writeString(file, body + "\n" + notes);
        System.out.println("written to " + file);
    }

    private static String machine() throws IOException {
        long cores = Runtime.getRuntime().availableProcessors();
        String model = Files.readAllLines(Path.of("/proc/cpuinfo")).stream().filter(l -> l.startsWith("model name"))
                .map(l -> l.substring(l.indexOf(':') + 1).trim()).findFirst().orElse("unknown CPU");
        String memory = Files.readAllLines(Path.of("/proc/meminfo")).stream().filter(l -> l.startsWith("MemTotal"))
                .map(l -> l.replaceAll("\\D+", "")).findFirst().map(kb -> Long.parseLong(kb) / 1024 / 1024 + " GiB").orElse("?");
        return "Machine: " + cores + " cores (" + model + "), " + memory + " RAM, Java " + System.getProperty("java.version") + " ("
                + System.getProperty("java.vm.name") + "), " + System.getProperty("os.name") + " " + System.getProperty("os.version") + ".";
    }

    /** Latencies in milliseconds, and how many calls failed. */
    static final class Latencies {
        private final ConcurrentLinkedQueue<Double> values = new ConcurrentLinkedQueue<>();
        volatile int failed;
        volatile int skipped;
        final Map<String, AtomicInteger> refusals = new java.util.concurrent.ConcurrentHashMap<>();

        void add(double ms) {
            values.add(ms);
        }

        int count() {
            return values.size();
        }

        double p(int percentile) {
            List<Double> sorted = new ArrayList<>(values);
            java.util.Collections.sort(sorted);
            if (sorted.isEmpty()) {
                return Double.NaN;
            }
            return sorted.get(Math.min(sorted.size() - 1, (int) Math.ceil(percentile / 100.0 * sorted.size()) - 1));
        }
    }
}
