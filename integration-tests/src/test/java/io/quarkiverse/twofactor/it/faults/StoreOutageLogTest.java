package io.quarkiverse.twofactor.it.faults;

import static io.quarkiverse.twofactor.it.Api.PROBLEM;
import static io.quarkiverse.twofactor.it.Api.check;
import static org.hamcrest.MatcherAssert.assertThat;
import static org.hamcrest.Matchers.containsString;
import static org.hamcrest.Matchers.endsWith;
import static org.hamcrest.Matchers.not;
import static org.junit.jupiter.api.Assertions.assertEquals;
import static org.junit.jupiter.api.Assertions.assertTrue;

import java.io.InterruptedIOException;
import java.net.ConnectException;
import java.net.NoRouteToHostException;
import java.net.SocketTimeoutException;
import java.sql.SQLException;
import java.util.List;
import java.util.Map;
import java.util.UUID;
import java.util.concurrent.CopyOnWriteArrayList;
import java.util.logging.Handler;
import java.util.logging.Level;
import java.util.logging.LogRecord;
import java.util.logging.Logger;
import java.util.regex.Matcher;
import java.util.regex.Pattern;

import org.junit.jupiter.api.AfterEach;
import org.junit.jupiter.api.BeforeEach;
import org.junit.jupiter.api.Test;

import io.quarkus.test.junit.QuarkusTest;
import io.quarkus.test.junit.QuarkusTestProfile;
import io.quarkus.test.junit.TestProfile;

/**
 * The WARN line of a store outage says what failed, keeps secrets in the failure's text out, and a burst logs at most
 * one line a second per kind of cause, the next line counting those left out.
 */
@QuarkusTest
@TestProfile(StoreOutageLogTest.Unreachable.class)
class StoreOutageLogTest {

    private static final Pattern LEFT_OUT = Pattern.compile("\\((\\d+) more failures? of this kind");

    public static class Unreachable implements QuarkusTestProfile {
        @Override
        public Map<String, String> getConfigOverrides() {
            return Map.of("quarkus.two-factor.store", "unreachable", "quarkus.two-factor.destinations.store", "memory",
                    "quarkus.two-factor.authenticators.store", "memory");
        }
    }

    private final List<String> warnings = new CopyOnWriteArrayList<>();
    private final Handler capture = new Handler() {
        @Override
        public void publish(LogRecord record) {
            if (record.getLevel().intValue() >= Level.WARNING.intValue()
                    && record.getMessage().contains("store is unavailable")) {
                warnings.add(record.getMessage());
            }
        }

        @Override
        public void flush() {
        }

        @Override
        public void close() {
        }
    };

    @BeforeEach
    void captureLogs() {
        Logger.getLogger("").addHandler(capture);
    }

    @AfterEach
    void stopCapturing() {
        Logger.getLogger("").removeHandler(capture);
    }

    @Test
    void burstOfOutagesLogsAtMostOneLineASecondAndTheNextLineCountsTheOthers() throws Exception {
        UnreachableStore.cause = () -> new ConnectException("Connection refused: db.internal/10.0.0.5:5432");
        int burst = 40;
        long started = System.nanoTime();
        for (int i = 0; i < burst; i++) {
            unavailable();
        }
        Thread.sleep(1_100);
        unavailable();
        long seconds = (System.nanoTime() - started) / 1_000_000_000L;

        List<String> lines = warnings.stream().filter(line -> line.contains("java.net.ConnectException")).toList();
        assertTrue(lines.size() >= 2 && lines.size() <= 2 + seconds, () -> lines.size() + " lines: " + lines);
        int accounted = lines.size() + lines.stream().mapToInt(StoreOutageLogTest::leftOut).sum();
        assertEquals(burst + 1, accounted, () -> "every failure is logged or counted: " + lines);
        assertThat(lines.get(0), containsString("Connection refused: db.internal/10.0.0.5:5432"));
        assertThat(lines.get(0), containsString("io.quarkiverse.twofactor.spi.StoreUnavailableException"));
        // A slow machine may spread the burst over several seconds: some later line, not necessarily the last, counts.
        assertTrue(lines.stream().skip(1).anyMatch(line -> line.contains("more failures of this kind")),
                () -> "a later line counts those left out: " + lines);
    }

    @Test
    void anotherKindOfCauseIsLoggedAtOnce() {
        UnreachableStore.cause = () -> new NoRouteToHostException("No route to host");
        unavailable();
        UnreachableStore.cause = () -> new SocketTimeoutException("Read timed out");
        unavailable();

        assertEquals(1, warnings.stream().filter(line -> line.contains("NoRouteToHostException")).count(), warnings::toString);
        assertEquals(1, warnings.stream().filter(line -> line.contains("SocketTimeoutException: Read timed out")).count(),
                warnings::toString);
    }

    @Test
    void credentialsInTheCauseNeverReachTheLog() {
        UnreachableStore.cause = () -> new SQLException("Cannot connect to jdbc:postgresql://app:hunter2@db.internal:5432/"
                + "app?user=app&password=hunter2&ssl=true", "08001",
                new InterruptedIOException("redis://:s3cr3t-r3dis@cache.internal:6379 unreachable (token=t0k3n, "
                        + "Password: 'pa ss', secret=xyz)\nsecond line"));
        unavailable();

        String line = warnings.stream().filter(w -> w.contains("InterruptedIOException")).findFirst()
                .orElseThrow(() -> new AssertionError("not logged: " + warnings));
        for (String secret : List.of("hunter2", "s3cr3t-r3dis", "t0k3n", "pa ss", "xyz")) {
            assertThat(line, not(containsString(secret)));
        }
        assertThat(line, containsString("jdbc:postgresql://***@db.internal:5432/app?user=app&password=***&ssl=true"));
        assertThat(line, containsString("redis://***@cache.internal:6379"));
        assertThat(line, not(containsString("\n")));
    }

    private static void unavailable() {
        check(UUID.randomUUID().toString()).statusCode(503).contentType(PROBLEM)
                .body("type", endsWith("store-unavailable"));
    }

    private static int leftOut(String line) {
        Matcher matcher = LEFT_OUT.matcher(line);
        return matcher.find() ? Integer.parseInt(matcher.group(1)) : 0;
    }
}
