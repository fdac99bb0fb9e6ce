package id.amk.platform.test;

import com.fasterxml.jackson.databind.JsonNode;
import com.fasterxml.jackson.databind.ObjectMapper;

import java.io.File;
import java.io.IOException;
import java.io.Reader;
import java.io.UncheckedIOException;
import java.net.URI;
import java.net.http.HttpClient;
import java.net.http.HttpRequest;
import java.net.http.HttpResponse;
import java.nio.charset.StandardCharsets;
import java.nio.file.Files;
import java.nio.file.Path;
import java.time.Duration;
import java.util.ArrayList;
import java.util.Base64;
import java.util.Collections;
import java.util.HashMap;
import java.util.List;
import java.util.Map;
import java.util.Properties;
import java.util.concurrent.Executors;
import java.util.concurrent.TimeUnit;
import java.util.stream.Stream;

/**
 * The platform as a newcomer runs it, {@code ./amk up} (separate processes, real broker, tokens from identity-service
 * through the gateway), on ports and a data directory of its own, for the end-to-end tests, the fault tests and the
 * benchmark harness. Ports follow the gateway's: case-service +1, referral-service +2, reporting-service +3,
 * identity-service +4, SMTP +5, the dev mailbox +6; the broker's controller is the broker's +1.
 */
public final class LocalPlatform {

    public static final String DEMO_PASSWORD = "Demo#2026";
    private static final ObjectMapper JSON = new ObjectMapper();

    private final Path root;
    private final Path data;
    private final int gateway;
    private final int kafka;
    private final int mongo;
    private final Map<String, String> env = new HashMap<>();
    private final HttpClient http = HttpClient.newBuilder().executor(Executors.newFixedThreadPool(16, r -> {
        Thread thread = new Thread(r, "local-platform-http");
        thread.setDaemon(true);
        return thread;
    })).connectTimeout(Duration.ofSeconds(5)).build();

    public record Result(int exitCode, String output) {
    }

    public LocalPlatform(Path root, Path data, int gateway, int kafka, int mongo) {
        this.root = root.toAbsolutePath().normalize();
        this.data = data.toAbsolutePath().normalize();
        this.gateway = gateway;
        this.kafka = kafka;
        this.mongo = mongo;
        env.putAll(Map.of("AMK_GATEWAY_PORT", String.valueOf(gateway), "AMK_CASE_PORT", String.valueOf(casePort()),
                "AMK_REFERRAL_PORT", String.valueOf(referralPort()), "AMK_REPORTING_PORT", String.valueOf(reportingPort()),
                "AMK_IDENTITY_PORT", String.valueOf(gateway + 4), "AMK_KAFKA_PORT", String.valueOf(kafka),
                "AMK_KAFKA_CONTROLLER_PORT", String.valueOf(kafka + 1), "AMK_MONGO_PORT", String.valueOf(mongo),
                "AMK_DATA_DIR", this.data.toString()));
        env.putAll(Map.of("AMK_SMTP_PORT", String.valueOf(smtpPort()), "AMK_MAILBOX_PORT", String.valueOf(mailboxPort())));
    }

    /** Environment for the processes (configuration the services bind, e.g. AMK_CASES_TIMELINESS_...). */
    public LocalPlatform with(Map<String, String> extra) {
        env.putAll(extra);
        return this;
    }

    /** The environment {@code ./amk} runs with (ports, data directory, extra configuration), for other tools to call it too. */
    public Map<String, String> environment() {
        return Map.copyOf(env);
    }

    public int gatewayPort() {
        return gateway;
    }

    public int casePort() {
        return gateway + 1;
    }

    public int referralPort() {
        return gateway + 2;
    }

    public int reportingPort() {
        return gateway + 3;
    }

    /** The embedded SMTP server's port: the gateway's +5; its web mailbox the gateway's +6 ({@code /api/messages}). */
    public int smtpPort() {
        return gateway + 5;
    }

    public int mailboxPort() {
        return gateway + 6;
    }

    public String kafkaBootstrap() {
        return "localhost:" + kafka;
    }

    /**
     * A Kafka client's settings for this platform's broker, logged in as its admin (the broker asks every client to log
     * in; KafkaNode writes the admin's settings to {@code kafka/config/admin.properties} of the data directory).
     */
    public Map<String, Object> kafkaClient() {
        Map<String, Object> config = new HashMap<>();
        Properties admin = new Properties();
        try (Reader in = Files.newBufferedReader(data.resolve("kafka/config/admin.properties"))) {
            admin.load(in);
        } catch (IOException e) {
            throw new IllegalStateException("the platform's Kafka admin login is not there (is it up?)", e);
        }
        admin.forEach((key, value) -> config.put(key.toString(), value));
        config.put("bootstrap.servers", kafkaBootstrap());
        return config;
    }

    public String mongoUri() {
        return "mongodb://localhost:" + mongo;
    }

    public Path data() {
        return data;
    }

    /** {@code ./amk <command>}: its exit code and what it printed (also echoed to stdout). */
    public Result amk(String... command) {
        try {
            File log = Files.createTempFile("amk-" + command[0], ".log").toFile();
            List<String> line = new ArrayList<>(List.of("bash", root.resolve("amk").toString()));
            line.addAll(List.of(command));
            ProcessBuilder builder = new ProcessBuilder(line).directory(root.toFile()).redirectErrorStream(true).redirectOutput(log);
            builder.environment().putAll(env);
            Process process = builder.start();
            if (!process.waitFor(10, TimeUnit.MINUTES)) {
                process.destroyForcibly();
                throw new IllegalStateException("./amk " + String.join(" ", command) + " did not finish in 10 minutes");
            }
            String output = Files.readString(log.toPath());
            System.out.println("./amk " + String.join(" ", command) + ":\n" + output);
            return new Result(process.exitValue(), output);
        } catch (IOException e) {
            throw new UncheckedIOException(e);
        } catch (InterruptedException e) {
            Thread.currentThread().interrupt();
            throw new IllegalStateException(e);
        }
    }

    /** {@code ./amk <command>}, which must succeed. */
    public Result amkOk(String... command) {
        Result result = amk(command);
        if (result.exitCode() != 0) {
            throw new IllegalStateException("./amk " + String.join(" ", command) + " failed:\n" + result.output());
        }
        return result;
    }

    /** The pid of each running process (kafka, mongo, the services), from the run directory. */
    public Map<String, Long> pids() throws IOException {
        Map<String, Long> pids = new HashMap<>();
        Path run = data.resolve("run");
        if (!Files.isDirectory(run)) {
            return pids;
        }
        try (Stream<Path> files = Files.list(run)) {
            for (Path file : files.filter(p -> p.toString().endsWith(".pid")).toList()) {
                pids.put(file.getFileName().toString().replace(".pid", ""), Long.parseLong(Files.readString(file).trim()));
            }
        }
        return pids;
    }

    /** Resident memory of all the platform's processes, in MB. */
    public long rssMb() throws IOException {
        long kb = 0;
        for (long pid : pids().values()) {
            Path status = Path.of("/proc", String.valueOf(pid), "status");
            if (Files.exists(status)) {
                kb += Files.readAllLines(status).stream().filter(l -> l.startsWith("VmRSS"))
                        .mapToLong(l -> Long.parseLong(l.replaceAll("\\D+", ""))).sum();
            }
        }
        return kb / 1024;
    }

    /** An access token of the demo machine client (client credentials, every scope). */
    public String clientToken() throws Exception {
        String basic = Base64.getEncoder().encodeToString("demo-integration:demo-integration-secret".getBytes(StandardCharsets.UTF_8));
        HttpResponse<String> response = http.send(HttpRequest.newBuilder(URI.create("http://localhost:" + gateway + "/oauth2/token"))
                .header("Authorization", "Basic " + basic).header("Content-Type", "application/x-www-form-urlencoded")
                .POST(HttpRequest.BodyPublishers.ofString("grant_type=client_credentials")).build(), HttpResponse.BodyHandlers.ofString());
        if (response.statusCode() != 200) {
            throw new IllegalStateException("token: " + response.statusCode() + " " + response.body());
        }
        return JSON.readTree(response.body()).path("access_token").asText();
    }

    /** A demo user's access token, signed in through the gateway like a browser (code + PKCE). */
    public String userToken(String username) throws Exception {
        HttpResponse<String> tokens = new OidcBrowser(gateway).signInForTokens(username, DEMO_PASSWORD);
        if (tokens.statusCode() != 200) {
            throw new IllegalStateException("sign-in of " + username + ": " + tokens.statusCode() + " " + tokens.body());
        }
        return JSON.readTree(tokens.body()).path("access_token").asText();
    }

    /** A call to one of the platform's HTTP ports (the gateway's, or a service's straight). */
    public HttpResponse<String> send(int port, String method, String path, String token, String ifMatch, String body)
            throws IOException, InterruptedException {
        HttpRequest.Builder request = HttpRequest.newBuilder(URI.create("http://localhost:" + port + path)).timeout(Duration.ofSeconds(30));
        if (token != null) {
            request.header("Authorization", "Bearer " + token);
        }
        if (ifMatch != null) {
            request.header("If-Match", ifMatch);
        }
        if (body != null) {
            request.header("Content-Type", "application/json");
        }
        request.method(method, body == null ? HttpRequest.BodyPublishers.noBody() : HttpRequest.BodyPublishers.ofString(body));
        return http.send(request.build(), HttpResponse.BodyHandlers.ofString());
    }

    public HttpResponse<String> get(String path, String token) throws IOException, InterruptedException {
        return send(gateway, "GET", path, token, null, null);
    }

    public static JsonNode json(HttpResponse<String> response) throws IOException {
        return JSON.readTree(response.body());
    }

    /** Removes the data directory (the platform must be down). */
    public void wipe() throws IOException {
        if (!Files.exists(data)) {
            return;
        }
        try (Stream<Path> files = Files.walk(data)) {
            files.sorted(Collections.reverseOrder()).map(Path::toFile).forEach(File::delete);
        }
    }
}
