package io.quarkiverse.twofactor.bench;

import java.time.Duration;
import java.util.ArrayList;
import java.util.Arrays;
import java.util.Collections;
import java.util.List;
import java.util.concurrent.ExecutorService;
import java.util.concurrent.Executors;
import java.util.concurrent.Future;
import java.util.concurrent.atomic.AtomicLong;

/** Runs a flow over and over from concurrent clients for a set time, timing every run. */
public final class LoadRun {

    private static final int ERRORS_KEPT = 5;

    /** One flow: it returns when every step answered as it should, and throws otherwise. */
    @FunctionalInterface
    public interface Flow {
        void run() throws Exception;
    }

    private LoadRun() {
    }

    public static LoadResult run(String name, int clients, Duration duration, Flow flow) throws Exception {
        AtomicLong errors = new AtomicLong();
        List<String> firstErrors = Collections.synchronizedList(new ArrayList<>());
        long start = System.nanoTime();
        long end = start + duration.toNanos();
        ExecutorService pool = Executors.newFixedThreadPool(clients);
        try {
            List<Future<long[]>> perClient = new ArrayList<>();
            for (int i = 0; i < clients; i++) {
                perClient.add(pool.submit(() -> runUntil(end, flow, errors, firstErrors)));
            }
            List<long[]> latencies = new ArrayList<>();
            for (Future<long[]> client : perClient) {
                latencies.add(client.get());
            }
            double seconds = (System.nanoTime() - start) / 1e9;
            long[] all = latencies.stream().flatMapToLong(Arrays::stream).toArray();
            return LoadResult.of(name, clients, all, errors.get(), seconds, firstErrors);
        } finally {
            pool.shutdownNow();
        }
    }

    private static long[] runUntil(long end, Flow flow, AtomicLong errors, List<String> firstErrors) {
        long[] micros = new long[1024];
        int count = 0;
        while (System.nanoTime() < end) {
            long started = System.nanoTime();
            try {
                flow.run();
            } catch (Exception e) {
                errors.incrementAndGet();
                synchronized (firstErrors) {
                    if (firstErrors.size() < ERRORS_KEPT) {
                        firstErrors.add(e.toString());
                    }
                }
                continue;
            }
            if (count == micros.length) {
                micros = Arrays.copyOf(micros, count * 2);
            }
            micros[count++] = (System.nanoTime() - started) / 1000;
        }
        return Arrays.copyOf(micros, count);
    }
}
