package io.quarkiverse.twofactor.it.replicas;

import java.io.IOException;
import java.net.ServerSocket;
import java.net.URI;
import java.net.http.HttpClient;
import java.net.http.HttpRequest;
import java.net.http.HttpResponse;
import java.nio.file.Files;
import java.nio.file.Path;
import java.time.Duration;
import java.time.LocalDateTime;
import java.time.format.DateTimeFormatter;
import java.util.ArrayList;
import java.util.List;
import java.util.Map;
import java.util.UUID;
import java.util.concurrent.ExecutionException;
import java.util.concurrent.TimeUnit;
import java.util.concurrent.TimeoutException;
import java.util.stream.Stream;

/** One packaged demo application running in its own JVM on a free port. */
final class Replica implements AutoCloseable {

    private static final HttpClient HTTP = HttpClient.newBuilder().connectTimeout(Duration.ofSeconds(5)).build();

    /** How a log line of the packaged application begins: its time on the application's clock. */
    private static final DateTimeFormatter LOG_TIME = DateTimeFormatter.ofPattern("yyyy-MM-dd HH:mm:ss,SSS");

    private final Process process;
    private final int port;
    private final Path log;

    private Replica(Process process, int port, Path log) {
        this.process = process;
        this.port = port;
        this.log = log;
    }

    static Replica start(String name, Map<String, String> properties) throws Exception {
        return start(name, properties, List.of());
    }

    /**
     * @param launcher what runs the {@code java} command, such as {@code faketime -f +15m}; empty to run it directly
     */
    static Replica start(String name, Map<String, String> properties, List<String> launcher) throws Exception {
        int port = freePort();
        List<String> command = new ArrayList<>(launcher);
        command.addAll(List.of(Path.of(System.getProperty("java.home"), "bin", "java").toString(),
                "-Dquarkus.http.port=" + port));
        properties.forEach((key, value) -> command.add("-D" + key + "=" + value));
        command.addAll(List.of("-jar", "target/quarkus-app/quarkus-run.jar"));
        Path log = Path.of("target", "replica-" + name + ".log");
        Process process = new ProcessBuilder(command).redirectErrorStream(true).redirectOutput(log.toFile()).start();
        Replica replica = new Replica(process, port, log);
        replica.awaitReady();
        return replica;
    }

    /** The time of the replica's first log line, written while it started, as its own clock gave it. */
    LocalDateTime firstLogTime() throws IOException {
        try (Stream<String> lines = Files.lines(log)) {
            String line = lines.filter(text -> text.length() > 23 && Character.isDigit(text.charAt(0))).findFirst()
                    .orElseThrow(() -> new IllegalStateException("the replica logged no timed line in " + log));
            return LocalDateTime.parse(line.substring(0, 23), LOG_TIME);
        }
    }

    /** A POST with a JSON body, or none when {@code json} is null, and headers given as name, value, name, value. */
    HttpResponse<String> post(String path, String json, String... headers) throws IOException, InterruptedException {
        HttpRequest.Builder request = HttpRequest.newBuilder(uri(path)).timeout(Duration.ofSeconds(30));
        if (headers.length > 0) {
            request.headers(headers);
        }
        request = json == null ? request.POST(HttpRequest.BodyPublishers.noBody())
                : request.header("Content-Type", "application/json").POST(HttpRequest.BodyPublishers.ofString(json));
        return HTTP.send(request.build(), HttpResponse.BodyHandlers.ofString());
    }

    HttpResponse<String> get(String path) throws IOException, InterruptedException {
        return HTTP.send(HttpRequest.newBuilder(uri(path)).timeout(Duration.ofSeconds(30)).GET().build(),
                HttpResponse.BodyHandlers.ofString());
    }

    private URI uri(String path) {
        return URI.create("http://127.0.0.1:" + port + path);
    }

    private void awaitReady() throws Exception {
        long deadline = System.nanoTime() + Duration.ofSeconds(90).toNanos();
        while (System.nanoTime() < deadline) {
            if (!process.isAlive()) {
                throw new IllegalStateException("replica exited with " + process.exitValue());
            }
            try {
                // Not found in open mode, unauthenticated in identity mode: either way the endpoints answer.
                int status = get("/two-factor/confirmations/" + UUID.randomUUID()).statusCode();
                if (status == 404 || status == 401) {
                    return;
                }
            } catch (IOException notYet) {
                // still starting
            }
            Thread.sleep(250);
        }
        throw new IllegalStateException("replica did not start in 90 s");
    }

    private static int freePort() throws IOException {
        try (ServerSocket socket = new ServerSocket(0)) {
            return socket.getLocalPort();
        }
    }

    @Override
    public void close() throws InterruptedException {
        // A launcher such as faketime runs the JVM as its child, which stopping the launcher alone would leave running.
        List<ProcessHandle> processes = Stream.concat(process.descendants(), Stream.of(process.toHandle())).toList();
        for (ProcessHandle running : processes) {
            running.destroy();
            try {
                running.onExit().get(20, TimeUnit.SECONDS);
            } catch (ExecutionException | TimeoutException e) {
                running.destroyForcibly();
            }
        }
    }
}
