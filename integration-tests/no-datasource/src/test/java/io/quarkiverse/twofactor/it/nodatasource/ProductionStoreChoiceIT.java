package io.quarkiverse.twofactor.it.nodatasource;

import static org.junit.jupiter.api.Assertions.assertEquals;
import static org.junit.jupiter.api.Assertions.assertFalse;
import static org.junit.jupiter.api.Assertions.assertNotEquals;
import static org.junit.jupiter.api.Assertions.assertTrue;

import java.io.IOException;
import java.net.ServerSocket;
import java.nio.file.Files;
import java.nio.file.Path;
import java.util.ArrayList;
import java.util.List;
import java.util.concurrent.TimeUnit;

import org.junit.jupiter.api.Test;

/**
 * The packaged application, which has no Hibernate ORM, started in production mode: without a chosen store it refuses
 * to start, naming the property; with {@code quarkus.two-factor.store=memory} it starts on the memory store.
 */
class ProductionStoreChoiceIT {

    private static final String SMS = "-Dquarkus.two-factor.senders.\"default\".";

    @Test
    void withoutAChosenStoreProductionRefusesToStartAndNamesTheChoices() throws Exception {
        Path log = Path.of("target", "production-without-store.log");
        Process app = start(log, List.of());
        assertTrue(app.waitFor(60, TimeUnit.SECONDS), "the application should have stopped");
        String output = Files.readString(log);
        assertNotEquals(0, app.exitValue(), output);
        assertTrue(output.contains("quarkus.two-factor.store is not set"), output);
        assertTrue(output.contains("quarkus.two-factor.store=memory"), output);
    }

    @Test
    void memoryChosenExplicitlyStartsInProduction() throws Exception {
        Path log = Path.of("target", "production-with-memory-store.log");
        Process app = start(log, List.of("-Dquarkus.two-factor.store=memory", "-Dquarkus.http.port=" + freePort()));
        try {
            assertFalse(app.waitFor(15, TimeUnit.SECONDS), () -> "the application stopped: " + read(log));
        } finally {
            app.destroy();
            assertTrue(app.waitFor(30, TimeUnit.SECONDS));
        }
        String output = Files.readString(log);
        assertTrue(output.contains("Confirmations are kept in memory"), output);
        assertEquals(-1, output.indexOf("quarkus.two-factor.store is not set"), output);
    }

    /** The packaged jar with a production sender (Twilio towards a closed loopback port) and a hash key. */
    private static Process start(Path log, List<String> properties) throws IOException {
        List<String> command = new ArrayList<>(List.of(Path.of(System.getProperty("java.home"), "bin", "java")
                .toString(),
                "-Dquarkus.two-factor.code.hash-key=production-choice-test-key-0123456789abc",
                SMS + "backend=twilio",
                SMS + "twilio.account-sid=AC0123456789abcdef0123456789abcdef",
                SMS + "twilio.auth-token=not-a-real-token",
                SMS + "twilio.from=+15005550006",
                SMS + "twilio.api-base-url=http://127.0.0.1:9"));
        command.addAll(properties);
        command.addAll(List.of("-jar", "target/quarkus-app/quarkus-run.jar"));
        return new ProcessBuilder(command).redirectErrorStream(true)
                .redirectOutput(log.toFile()).start();
    }

    private static String read(Path log) {
        try {
            return Files.readString(log);
        } catch (IOException e) {
            return e.toString();
        }
    }

    private static int freePort() throws IOException {
        try (ServerSocket socket = new ServerSocket(0)) {
            return socket.getLocalPort();
        }
    }
}
