package io.quarkiverse.twofactor.bench;

import java.util.Arrays;
import java.util.List;

/**
 * What one measured run did: flows completed, flows that failed, and the latency of the completed ones.
 *
 * @param name what ran
 * @param clients concurrent clients
 * @param flows flows completed
 * @param errors flows that failed
 * @param seconds how long the run took
 * @param p50Micros median flow latency
 * @param p99Micros 99th percentile flow latency
 * @param firstErrors the first few failures, for the report
 */
public record LoadResult(String name, int clients, long flows, long errors, double seconds, long p50Micros,
        long p99Micros, List<String> firstErrors) {

    static LoadResult of(String name, int clients, long[] latenciesMicros, long errors, double seconds,
            List<String> firstErrors) {
        long[] sorted = latenciesMicros.clone();
        Arrays.sort(sorted);
        return new LoadResult(name, clients, sorted.length, errors, seconds, percentile(sorted, 50),
                percentile(sorted, 99), List.copyOf(firstErrors));
    }

    public double flowsPerSecond() {
        return flows / seconds;
    }

    /** Nearest-rank percentile of sorted values; 0 when there are none. */
    private static long percentile(long[] sorted, int percent) {
        if (sorted.length == 0) {
            return 0;
        }
        int rank = (int) Math.ceil(percent / 100.0 * sorted.length);
        return sorted[Math.max(0, rank - 1)];
    }
}
