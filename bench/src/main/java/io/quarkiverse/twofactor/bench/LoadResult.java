package io.quarkiverse.twofactor.bench;

import java.util.Arrays;
import java.util.List;
import java.util.Optional;

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
 * @param cpu the CPU time a flow took, when the run was metered
 */
public record LoadResult(String name, int clients, long flows, long errors, double seconds, long p50Micros,
        long p99Micros, List<String> firstErrors, Optional<CpuMeter.PerFlow> cpu) {

    static LoadResult of(String name, int clients, long[] latenciesMicros, long errors, double seconds,
            List<String> firstErrors) {
        long[] sorted = latenciesMicros.clone();
        Arrays.sort(sorted);
        return new LoadResult(name, clients, sorted.length, errors, seconds, percentile(sorted, 50),
                percentile(sorted, 99), List.copyOf(firstErrors), Optional.empty());
    }

    LoadResult withCpu(CpuMeter.PerFlow perFlow) {
        return new LoadResult(name, clients, flows, errors, seconds, p50Micros, p99Micros, firstErrors,
                Optional.of(perFlow));
    }

    /** Marks the line a peer JVM prints its result on, among whatever else it prints. */
    private static final String LINE_MARK = "load-result";

    /** This result as one line of tab-separated fields, for a peer JVM to hand to the benchmark. */
    public String asLine() {
        StringBuilder line = new StringBuilder(LINE_MARK);
        for (Object field : List.of(name, clients, flows, errors, seconds, p50Micros, p99Micros)) {
            line.append('\t').append(field);
        }
        firstErrors.forEach(error -> line.append('\t').append(error.replaceAll("\\s+", " ")));
        return line.toString();
    }

    /** The result a line made by {@link #asLine()} holds; empty for any other line. */
    static Optional<LoadResult> fromLine(String line) {
        String[] fields = line.split("\t");
        if (!fields[0].equals(LINE_MARK)) {
            return Optional.empty();
        }
        return Optional.of(new LoadResult(fields[1], Integer.parseInt(fields[2]), Long.parseLong(fields[3]),
                Long.parseLong(fields[4]), Double.parseDouble(fields[5]), Long.parseLong(fields[6]),
                Long.parseLong(fields[7]), List.of(fields).subList(8, fields.length), Optional.empty()));
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
