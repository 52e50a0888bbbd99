package io.quarkiverse.twofactor.bench;

import java.io.IOException;
import java.net.ServerSocket;
import java.net.URI;
import java.net.http.HttpClient;
import java.net.http.HttpRequest;
import java.net.http.HttpResponse;
import java.nio.file.Files;
import java.nio.file.Path;
import java.time.Duration;
import java.util.ArrayList;
import java.util.List;
import java.util.concurrent.TimeUnit;
import java.util.regex.Matcher;
import java.util.regex.Pattern;

/**
 * The packaged demo application (integration-tests, built for PostgreSQL) in its own JVM, in production mode, with
 * readings of its memory.
 */
public final class PackagedDemo implements AutoCloseable {

    /** What one space of the heap holds: G1 prints one for the whole heap, the serial collector one per generation. */
    private static final Pattern HEAP_USED = Pattern.compile("total \\d+K, used (\\d+)K");

    private final Process process;
    private final URI base;

    private PackagedDemo(Process process, URI base) {
        this.process = process;
        this.base = base;
    }

    /**
     * Starts the demo on a free port against the given PostgreSQL database and waits until it answers.
     *
     * @param jar the demo's {@code quarkus-run.jar}
     * @param jdbcUrl the database, shared with whoever checks the tables
     * @param user the database user
     * @param log where the demo's output goes
     * @param jvm its JVM's settings
     */
    public static PackagedDemo start(Path jar, String jdbcUrl, String user, Path log, DemoJvm jvm) throws Exception {
        if (!Files.isRegularFile(jar)) {
            throw new IllegalStateException(jar + " is missing: build the demo for PostgreSQL first (see bench/run)");
        }
        int port = freePort();
        List<String> command = new ArrayList<>(List.of(PeerProcess.java()));
        // One connection per client at the most clients measured, as pgbench has; the settings may change it.
        command.addAll(List.of("-Dquarkus.http.port=" + port,
                "-Dquarkus.datasource.jdbc.url=" + jdbcUrl,
                "-Dquarkus.datasource.username=" + user,
                "-Dquarkus.datasource.jdbc.max-size=32",
                // As the benchmark's own pool: the connections of a row that ended go back to PostgreSQL.
                "-Dquarkus.datasource.jdbc.idle-removal-interval=2S",
                // The flow names its recipient, which the demo's default identity mode refuses.
                "-Dquarkus.two-factor.rest.mode=open",
                // The demo's audit trail writes a line per event: the application's cost, not the extension's.
                "-Dquarkus.log.category.\"io.quarkiverse.twofactor.demo.audit\".level=WARN"));
        // After those, so that a property the settings name wins: the last -D of a name does.
        command.addAll(jvm.options());
        command.addAll(List.of("-jar", jar.toString()));
        ProcessBuilder demo = new ProcessBuilder(command).redirectErrorStream(true).redirectOutput(log.toFile());
        demo.environment().putAll(jvm.environment());
        Process process = demo.start();
        PackagedDemo started = new PackagedDemo(process, URI.create("http://127.0.0.1:" + port));
        started.awaitReady(log);
        return started;
    }

    public URI base() {
        return base;
    }

    /** Resident memory now, in KiB. */
    public long residentKib() throws IOException {
        return procStatus("VmRSS");
    }

    /** The most resident memory the process has had, in KiB. */
    public long peakResidentKib() throws IOException {
        return procStatus("VmHWM");
    }

    /** Heap in use after a full collection, in KiB: the live data, without the garbage of the moment. */
    public long liveHeapKib() throws IOException, InterruptedException {
        jcmd("GC.run");
        String heapInfo = jcmd("GC.heap_info");
        Matcher used = HEAP_USED.matcher(heapInfo);
        long kib = 0;
        boolean found = false;
        while (used.find()) {
            kib += Long.parseLong(used.group(1));
            found = true;
        }
        if (!found) {
            throw new IllegalStateException("jcmd GC.heap_info printed no heap use: " + heapInfo);
        }
        return kib;
    }

    private long procStatus(String field) throws IOException {
        for (String line : Files.readAllLines(Path.of("/proc", String.valueOf(process.pid()), "status"))) {
            if (line.startsWith(field + ":")) {
                return Long.parseLong(line.replaceAll("\\D", ""));
            }
        }
        throw new IllegalStateException(field + " is not in /proc/" + process.pid() + "/status");
    }

    private String jcmd(String command) throws IOException, InterruptedException {
        Process jcmd = new ProcessBuilder(Path.of(System.getProperty("java.home"), "bin", "jcmd").toString(),
                String.valueOf(process.pid()), command).redirectErrorStream(true).start();
        String output = new String(jcmd.getInputStream().readAllBytes());
        if (jcmd.waitFor() != 0) {
            throw new IllegalStateException("jcmd " + command + " failed: " + output);
        }
        return output;
    }

    private void awaitReady(Path log) throws Exception {
        HttpClient client = HttpClient.newHttpClient();
        long deadline = System.nanoTime() + Duration.ofSeconds(90).toNanos();
        while (System.nanoTime() < deadline) {
            if (!process.isAlive()) {
                throw new IllegalStateException("the demo exited with " + process.exitValue() + ", see " + log);
            }
            try {
                HttpRequest probe = HttpRequest.newBuilder(base.resolve("/two-factor/confirmations/"
                        + "00000000-0000-0000-0000-000000000000")).build();
                if (client.send(probe, HttpResponse.BodyHandlers.discarding()).statusCode() == 404) {
                    return;
                }
            } catch (IOException notYet) {
                // still starting
            }
            Thread.sleep(250);
        }
        throw new IllegalStateException("the demo did not answer within 90 s, see " + log);
    }

    private static int freePort() throws IOException {
        try (ServerSocket socket = new ServerSocket(0)) {
            return socket.getLocalPort();
        }
    }

    @Override
    public void close() throws InterruptedException {
        process.destroy();
        if (!process.waitFor(20, TimeUnit.SECONDS)) {
            process.destroyForcibly();
        }
    }
}
