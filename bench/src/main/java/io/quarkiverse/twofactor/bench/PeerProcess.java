package io.quarkiverse.twofactor.bench;

import java.io.BufferedReader;
import java.io.IOException;
import java.io.InputStreamReader;
import java.io.Writer;
import java.nio.charset.StandardCharsets;
import java.nio.file.Files;
import java.nio.file.Path;
import java.nio.file.StandardOpenOption;
import java.time.Duration;
import java.util.List;
import java.util.Optional;
import java.util.concurrent.TimeUnit;

/**
 * A flow measured in a JVM of its own, which runs {@link PeerLoop}: it stays up between rows, so that it warms up once
 * and its rows run back to back with the others. Whatever else it prints goes to its log.
 */
final class PeerProcess implements AutoCloseable {

    private final Process process;
    private final BufferedReader output;
    private final Writer requests;
    private final Path log;

    private PeerProcess(Process process, Path log) {
        this.process = process;
        this.output = new BufferedReader(new InputStreamReader(process.getInputStream(), StandardCharsets.UTF_8));
        this.requests = process.outputWriter(StandardCharsets.UTF_8);
        this.log = log;
    }

    static PeerProcess start(List<String> command, Path log) throws IOException {
        Files.deleteIfExists(log);
        Process process = new ProcessBuilder(command).redirectError(ProcessBuilder.Redirect.appendTo(log.toFile()))
                .start();
        return new PeerProcess(process, log);
    }

    LoadResult run(int clients, Duration duration) throws IOException {
        requests.write(clients + " " + duration.toSeconds() + "\n");
        requests.flush();
        for (String line = output.readLine(); line != null; line = output.readLine()) {
            Optional<LoadResult> result = LoadResult.fromLine(line);
            if (result.isPresent()) {
                return result.get();
            }
            Files.writeString(log, line + "\n", StandardOpenOption.CREATE, StandardOpenOption.APPEND);
        }
        throw new IllegalStateException("the peer exited without a result, see " + log);
    }

    /** The path of the {@code java} that runs this JVM, for peers to run on the same one. */
    static String java() {
        return Path.of(System.getProperty("java.home"), "bin", "java").toString();
    }

    @Override
    public void close() throws IOException, InterruptedException {
        // The end of its input ends the peer's loop.
        requests.close();
        if (!process.waitFor(20, TimeUnit.SECONDS)) {
            process.destroyForcibly();
        }
    }
}
