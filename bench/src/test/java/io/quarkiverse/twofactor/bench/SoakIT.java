package io.quarkiverse.twofactor.bench;

import static org.junit.jupiter.api.Assertions.assertEquals;
import static org.junit.jupiter.api.Assertions.assertTrue;

import java.nio.file.Path;
import java.time.Duration;
import java.util.List;
import java.util.Map;
import java.util.Queue;
import java.util.TreeMap;
import java.util.UUID;
import java.util.concurrent.Callable;
import java.util.concurrent.ConcurrentLinkedQueue;
import java.util.concurrent.ExecutorService;
import java.util.concurrent.Executors;
import java.util.concurrent.Future;

import org.junit.jupiter.api.Test;

/**
 * The packaged demo on PostgreSQL under 32 concurrent clients running request → confirm → use for
 * {@code soak.seconds} (60 by default; CI runs a shorter one): no flow fails, every confirmation it made is spent
 * exactly once, and memory at the end is where it was after the warm-up. The demo runs with the benchmark's reference
 * settings ({@link DemoJvm#HEAP_256_MIB}). With the tuned ones the live heap does not grow either, but it is small
 * enough that what happens to be in flight when it is measured (open connections, requests under way) moves it by a
 * tenth either way, too close to the drift this test allows.
 */
class SoakIT {

    private static final int CLIENTS = 32;
    private static final Duration WARM_UP = Duration.ofSeconds(10);
    private static final double MEMORY_DRIFT_ALLOWED = 0.20;

    @Test
    void thirtyTwoClientsRunFlowsWithoutErrorsOrMemoryGrowth() throws Exception {
        Duration soak = Duration.ofSeconds(Long.getLong("soak.seconds", 60));
        Database database = new Database("127.0.0.1", 5432, System.getProperty("soak.database", "test"), "postgres");
        System.out.println("Soak: the demo runs with " + DemoJvm.HEAP_256_MIB.describe());
        try (PackagedDemo demo = PackagedDemo.start(Path.of(System.getProperty("demo.jar")), database.jdbcUrl(),
                database.user(), Path.of("target", "soak-demo.log"), DemoJvm.HEAP_256_MIB);
                HttpFlow flow = new HttpFlow(demo.base())) {
            LoadResult warmUp = LoadRun.run("warm-up", CLIENTS, WARM_UP, flow::run);
            assertEquals(0, warmUp.errors(), () -> "warm-up failures: " + warmUp.firstErrors());
            long heapAfterWarmUp = demo.liveHeapKib();
            long residentAfterWarmUp = demo.residentKib();

            Queue<UUID> spent = new ConcurrentLinkedQueue<>();
            LoadResult soaked = LoadRun.run("soak", CLIENTS, soak, () -> spent.add(flow.run()));
            long residentAtEnd = demo.residentKib();
            long heapAtEnd = demo.liveHeapKib();

            System.out.printf("Soak: %d clients for %d s: %d flows (%.0f/s), %d errors, p50 %.1f ms, p99 %.1f ms;"
                    + " live heap %d -> %d KiB, RSS %d -> %d KiB (after warm-up -> at end)%n", CLIENTS,
                    soak.toSeconds(), soaked.flows(), soaked.flowsPerSecond(), soaked.errors(),
                    soaked.p50Micros() / 1000.0, soaked.p99Micros() / 1000.0, heapAfterWarmUp, heapAtEnd,
                    residentAfterWarmUp, residentAtEnd);

            assertEquals(0, soaked.errors(), () -> "failed flows, first ones: " + soaked.firstErrors());
            assertTrue(soaked.flows() > 0, "no flow completed");
            assertEquals(Map.of(403, soaked.flows()), spendAgain(flow, List.copyOf(spent)),
                    "every confirmation a flow spent is refused a second time");
            assertWithinDrift("live heap", heapAfterWarmUp, heapAtEnd);
            assertWithinDrift("RSS", residentAfterWarmUp, residentAtEnd);
        }
    }

    /** Tries to spend every confirmation once more, from all clients, and counts the answers by status. */
    private static Map<Integer, Long> spendAgain(HttpFlow flow, List<UUID> spent) throws Exception {
        ExecutorService pool = Executors.newFixedThreadPool(CLIENTS);
        try {
            List<Callable<Integer>> secondUses = spent.stream()
                    .map(id -> (Callable<Integer>) () -> flow.useConfirmation(id)).toList();
            Map<Integer, Long> byStatus = new TreeMap<>();
            for (Future<Integer> answer : pool.invokeAll(secondUses)) {
                byStatus.merge(answer.get(), 1L, Long::sum);
            }
            return byStatus;
        } finally {
            pool.shutdownNow();
        }
    }

    private static void assertWithinDrift(String what, long afterWarmUp, long atEnd) {
        double drift = Math.abs(atEnd - afterWarmUp) / (double) afterWarmUp;
        assertTrue(drift <= MEMORY_DRIFT_ALLOWED, String.format("%s moved %.0f%% (%d -> %d KiB), more than %.0f%%", what,
                drift * 100, afterWarmUp, atEnd, MEMORY_DRIFT_ALLOWED * 100));
    }
}
