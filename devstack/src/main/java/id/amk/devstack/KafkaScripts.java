package id.amk.devstack;

import org.apache.kafka.common.Uuid;
import org.apache.kafka.common.utils.Exit;

import java.io.IOException;
import java.io.InputStream;
import java.io.PrintStream;
import java.nio.charset.StandardCharsets;
import java.nio.file.Files;
import java.nio.file.Path;
import java.util.Arrays;
import java.util.List;
import java.util.Map;
import java.util.Properties;
import java.util.function.Consumer;
import java.util.stream.Stream;

/**
 * docker-compose's Kafka scripts ({@code deploy/kafka/start.sh}, {@code apply-access.sh}) run here as they run in the
 * apache/kafka image: by /bin/sh, with the same environment. Only the image's {@code bin/} tools are different: stand-ins
 * record each call, which is then made in this JVM with the Kafka classes those tools start (StorageTool, TopicCommand,
 * ConfigCommand, AclCommand). So the embedded broker runs compose's server.properties, topics, principals and ACLs, and
 * there is one description of each.
 */
public final class KafkaScripts {

    /** What start.sh asked for: the storage format (absent when the storage was formatted already) and the broker's configuration. */
    public record Start(List<String> format, Path serverProperties) {

        public boolean formats() {
            return format != null;
        }

        public Properties server() throws IOException {
            Properties server = new Properties();
            try (InputStream in = Files.newInputStream(serverProperties)) {
                server.load(in);
            }
            return server;
        }
    }

    private final Path scripts;
    private final Path work;
    private int runs;

    /** {@code scripts}: deploy/kafka; {@code work}: where the stand-ins and their records go. */
    public KafkaScripts(Path scripts, Path work) {
        this.scripts = scripts;
        this.work = work;
    }

    /** Runs start.sh; the format (if any) is not made yet: {@link #format(Start)}. */
    public Start start(Map<String, String> environment) throws IOException, InterruptedException {
        List<List<String>> calls = run("start.sh", environment);
        List<String> format = null;
        Path server = null;
        for (List<String> call : calls) {
            switch (call.get(0)) {
                case "kafka-storage.sh" -> format = call.subList(1, call.size());
                case "kafka-server-start.sh" -> server = Path.of(call.get(1));
                default -> throw new IllegalStateException("start.sh called " + call);
            }
        }
        if (server == null) {
            throw new IllegalStateException("start.sh did not start the broker");
        }
        return new Start(format, server);
    }

    public void format(Start start) {
        if (start.formats()) {
            int exit = kafka.tools.StorageTool.execute(start.format().toArray(String[]::new), new PrintStream(System.out, true, StandardCharsets.UTF_8));
            if (exit != 0) {
                throw new IllegalStateException("formatting the Kafka storage failed (exit " + exit + ")");
            }
        }
    }

    /** Runs apply-access.sh against a running broker and makes its calls; returns them (tool and arguments). */
    public List<List<String>> applyAccess(Map<String, String> environment) throws IOException, InterruptedException {
        List<List<String>> calls = run("apply-access.sh", environment);
        for (List<String> call : calls) {
            String[] args = call.subList(1, call.size()).toArray(String[]::new);
            switch (call.get(0)) {
                case "kafka-configs.sh" -> tool(call, () -> kafka.admin.ConfigCommand.main(args));
                case "kafka-acls.sh" -> tool(call, () -> kafka.admin.AclCommand.main(args));
                case "kafka-topics.sh" -> tool(call, () -> org.apache.kafka.tools.TopicCommand.main(args));
                default -> throw new IllegalStateException("apply-access.sh called " + call);
            }
        }
        return calls;
    }

    /** The environment variable apply-access.sh reads a principal's password from. */
    public static String passwordVariable(String principal) {
        return "AMK_KAFKA_" + principal.toUpperCase(java.util.Locale.ROOT).replace('-', '_') + "_PASSWORD";
    }

    /** The principals of access.conf. */
    public List<String> principals() throws IOException {
        return Files.readAllLines(scripts.resolve("access.conf")).stream()
                .map(String::strip).filter(line -> !line.isEmpty() && !line.startsWith("#"))
                .map(line -> line.split("\\s+")[0]).distinct().sorted().toList();
    }

    private List<List<String>> run(String script, Map<String, String> environment) throws IOException, InterruptedException {
        String run = script + "-" + (++runs);
        Path bin = work.resolve("bin-" + run);
        Path calls = work.resolve("calls-" + run);
        deleteTree(bin);
        deleteTree(calls);
        Files.createDirectories(bin);
        Files.createDirectories(calls);
        for (String tool : List.of("kafka-storage.sh", "kafka-server-start.sh", "kafka-configs.sh", "kafka-acls.sh", "kafka-topics.sh")) {
            Path stub = bin.resolve(tool);
            Files.writeString(stub, """
                    #!/bin/sh
                    if [ "$1" = random-uuid ]; then echo "%s"; exit 0; fi
                    n=$(ls "%s" | wc -l)
                    printf '%%s\\0' "$(basename "$0")" "$@" > "%s/$(printf '%%04d' "$n")"
                    """.formatted(Uuid.randomUuid(), calls, calls));
            if (!stub.toFile().setExecutable(true)) {
                throw new IOException("cannot make " + stub + " executable");
            }
        }
        ProcessBuilder process = new ProcessBuilder("/bin/sh", scripts.resolve(script).toString()).redirectErrorStream(true);
        process.environment().putAll(environment);
        process.environment().put("KAFKA_BIN", bin.toString());
        Process started = process.start();
        String output = new String(started.getInputStream().readAllBytes(), StandardCharsets.UTF_8);
        int exit = started.waitFor();
        if (exit != 0) {
            throw new IllegalStateException(script + " failed (exit " + exit + "): " + output.strip());
        }
        try (Stream<Path> files = Files.list(calls)) {
            return files.sorted().map(KafkaScripts::call).toList();
        }
    }

    private static List<String> call(Path file) {
        try {
            return Arrays.asList(Files.readString(file, StandardCharsets.UTF_8).split("\0"));
        } catch (IOException e) {
            throw new IllegalStateException(e);
        }
    }

    /**
     * A Kafka command-line tool in this JVM: a non-zero exit becomes an error naming the call; an exit 0 returns (some
     * tools exit 0 in a finally block and would take an exception there for a failure).
     */
    private static void tool(List<String> call, Runnable main) {
        Exit.setExitProcedure((code, message) -> {
            if (code != 0) {
                throw new ToolExit(code, message);
            }
        });
        try {
            main.run();
        } catch (ToolExit exit) {
            if (exit.code != 0) {
                // the call may hold a password: name the tool and the principal (or topic), not the arguments
                throw new IllegalStateException(call.get(0) + " failed (exit " + exit.code + ") for " + principalOf(call));
            }
        } finally {
            Exit.resetExitProcedure();
        }
    }

    private static String principalOf(List<String> call) {
        for (int i = 0; i < call.size() - 1; i++) {
            if (call.get(i).equals("--entity-name") || call.get(i).equals("--allow-principal") || call.get(i).equals("--topic")) {
                return call.get(i + 1);
            }
        }
        return "?";
    }

    private static void deleteTree(Path path) throws IOException {
        if (!Files.exists(path)) {
            return;
        }
        try (Stream<Path> files = Files.walk(path)) {
            files.sorted(java.util.Comparator.reverseOrder()).forEach(uncheck(Files::delete));
        }
    }

    private interface IoAction {
        void run(Path path) throws IOException;
    }

    private static Consumer<Path> uncheck(IoAction action) {
        return path -> {
            try {
                action.run(path);
            } catch (IOException e) {
                throw new IllegalStateException(e);
            }
        };
    }

    private static final class ToolExit extends RuntimeException {
        final int code;

        ToolExit(int code, String message) {
            super(message);
            this.code = code;
        }
    }
}
