package io.quarkiverse.twofactor.bench;

import java.io.IOException;
import java.io.InputStream;
import java.nio.charset.StandardCharsets;
import java.util.ArrayList;
import java.util.List;
import java.util.Locale;
import java.util.OptionalDouble;
import java.util.function.Function;
import java.util.function.Predicate;
import java.util.stream.Collectors;

/** The benchmark's tables, printed for the console and written as the documentation page. */
final class Report {

    /** The throughput targets apply from this many clients on. */
    static final int TARGETS_FROM_CLIENTS = 8;

    /** The most resident memory the demo may take under the HTTP load with the tuned settings. */
    static final long PEAK_RESIDENT_TARGET_MIB = 300;

    /** One client count: every measurement made at it. */
    record Row(int clients, LoadResult storeCeiling, LoadResult minimalCeiling, LoadResult inProcess,
            LoadResult inProcessTwoSteps, LoadResult spring, LoadResult http, LoadResult httpTuned,
            LoadResult redisInProcess, LoadResult redisCeiling) {

        List<LoadResult> results() {
            return List.of(storeCeiling, minimalCeiling, inProcess, inProcessTwoSteps, spring, http, httpTuned,
                    redisInProcess, redisCeiling);
        }

        boolean clean() {
            return results().stream().allMatch(result -> result.errors() == 0);
        }
    }

    /** The demo run with some settings, and the most resident memory it took. */
    record Demo(DemoJvm jvm, long peakResidentKib) {
    }

    /** One flow's rate over another's at the same client count, and the least it should be, if it has a target. */
    private record Ratio(String name, Function<Row, LoadResult> flow, Function<Row, LoadResult> peer,
            OptionalDouble target) {

        double of(Row row) {
            return flow.apply(row).flowsPerSecond() / peer.apply(row).flowsPerSecond();
        }
    }

    private static final List<Ratio> RATIOS = List.of(
            new Ratio("in-process ÷ pgbench minimal", Row::inProcess, Row::minimalCeiling, OptionalDouble.of(0.9)),
            new Ratio("in-process ÷ pgbench store", Row::inProcess, Row::storeCeiling, OptionalDouble.empty()),
            new Ratio("pgbench store ÷ pgbench minimal", Row::storeCeiling, Row::minimalCeiling,
                    OptionalDouble.empty()),
            new Ratio("in-process 2-step ÷ Spring", Row::inProcessTwoSteps, Row::spring, OptionalDouble.of(1.0)),
            new Ratio("in-process ÷ Spring", Row::inProcess, Row::spring, OptionalDouble.empty()),
            new Ratio("HTTP ÷ pgbench minimal", Row::http, Row::minimalCeiling, OptionalDouble.of(0.55)),
            new Ratio("HTTP ÷ Spring", Row::http, Row::spring, OptionalDouble.empty()),
            new Ratio("HTTP tuned ÷ HTTP", Row::httpTuned, Row::http, OptionalDouble.of(0.95)),
            new Ratio("Redis in-process ÷ redis-benchmark", Row::redisInProcess, Row::redisCeiling,
                    OptionalDouble.empty()));

    /** A table: its header and its lines, each as many cells as the header. */
    private record Table(List<String> header, List<List<String>> lines) {

        String text() {
            int[] widths = new int[header.size()];
            List<List<String>> all = new ArrayList<>(List.of(header));
            all.addAll(lines);
            all.forEach(line -> {
                for (int i = 0; i < widths.length; i++) {
                    widths[i] = Math.max(widths[i], line.get(i).length());
                }
            });
            StringBuilder out = new StringBuilder();
            all.forEach(line -> {
                for (int i = 0; i < widths.length; i++) {
                    out.append(String.format(i == 0 ? "%-" + widths[i] + "s  " : "%" + widths[i] + "s  ", line.get(i)));
                }
                out.append('\n');
            });
            return out.toString();
        }

        String asciidoc() {
            StringBuilder out = new StringBuilder("[cols=\"3," + "1,".repeat(header.size() - 2)
                    + "1\",options=header]\n|===\n");
            List<List<String>> all = new ArrayList<>(List.of(header));
            all.addAll(lines);
            all.forEach(line -> out.append(line.stream().map(cell -> "|" + cell).collect(Collectors.joining(" ")))
                    .append('\n'));
            return out.append("|===\n").toString();
        }
    }

    private final List<Row> rows;
    private final List<Demo> demos;
    private final Machine machine;
    private final long secondsPerRow;

    Report(List<Row> rows, List<Demo> demos, Machine machine, long secondsPerRow) {
        this.rows = rows;
        this.demos = demos;
        this.machine = machine;
        this.secondsPerRow = secondsPerRow;
    }

    String text() {
        return figures().text() + '\n' + cpu().text() + '\n' + ratios().text() + '\n' + String.join("\n", verdicts())
                + '\n';
    }

    String asciidoc() throws IOException {
        try (InputStream in = Report.class.getClassLoader().getResourceAsStream("benchmark-page.adoc")) {
            return new String(in.readAllBytes(), StandardCharsets.UTF_8).replace("{machine}", machine.describe())
                    .replace("{seconds}", String.valueOf(secondsPerRow)).replace("{figures}", figures().asciidoc()).replace("{cpu}", cpu().asciidoc())
                    .replace("{ratios}", ratios().asciidoc())
                    .replace("{tuned}", "[source,bash]\n----\n" + DemoJvm.TUNED.commandLine()
                            + " -jar quarkus-run.jar\n----")
                    .replace("{verdicts}", verdicts().stream().map(line -> "* " + line)
                            .collect(Collectors.joining("\n")));
        }
    }

    /** Flows per second and latencies: a line per measurement, three columns per client count. */
    private Table figures() {
        return perMeasurement("flows/s, p50 ms, p99 ms at", List.of("p50", "p99"), result -> true,
                result -> List.of(format("%.0f", result.flowsPerSecond()) + errors(result),
                        format("%.1f", result.p50Micros() / 1000.0), format("%.1f", result.p99Micros() / 1000.0)));
    }

    /** The CPU time per flow of each metered measurement: the data server's, the rest of the machine's, and both. */
    private Table cpu() {
        return perMeasurement("CPU µs per flow at", List.of("rest", "total"), result -> result.cpu().isPresent(),
                result -> {
                    CpuMeter.PerFlow cpu = result.cpu().orElseThrow();
                    return List.of(format("%.0f", cpu.serverMicros()), format("%.0f", cpu.otherMicros()),
                            format("%.0f", cpu.serverMicros() + cpu.otherMicros()));
                });
    }

    /**
     * A line per measurement that {@code included} accepts, with the cells {@code cells} makes of it at each client
     * count; the first cell's column is headed by the client count, the others by {@code moreColumns}.
     */
    private Table perMeasurement(String title, List<String> moreColumns, Predicate<LoadResult> included,
            Function<LoadResult, List<String>> cells) {
        List<String> header = new ArrayList<>(List.of(title));
        rows.forEach(row -> {
            header.add(row.clients() + " clients");
            header.addAll(moreColumns);
        });
        List<List<String>> lines = new ArrayList<>();
        for (int i = 0; i < rows.get(0).results().size(); i++) {
            int measurement = i;
            if (!included.test(rows.get(0).results().get(i))) {
                continue;
            }
            List<String> line = new ArrayList<>(List.of(rows.get(0).results().get(i).name()));
            rows.forEach(row -> line.addAll(cells.apply(row.results().get(measurement))));
            lines.add(line);
        }
        return new Table(header, lines);
    }

    private Table ratios() {
        List<String> header = new ArrayList<>(List.of("ratio", "target"));
        rows.forEach(row -> header.add(row.clients() + " clients"));
        List<List<String>> lines = RATIOS.stream().map(ratio -> {
            List<String> line = new ArrayList<>(List.of(ratio.name(), ratio.target().isPresent()
                    ? format("≥ %.2f×", ratio.target().getAsDouble()) + " from " + TARGETS_FROM_CLIENTS
                    : "none"));
            rows.forEach(row -> line.add(format("%.2f×", ratio.of(row))));
            return line;
        }).toList();
        return new Table(header, lines);
    }

    /** Whether each target is met, with the figures that decide it. */
    private List<String> verdicts() {
        List<String> verdicts = new ArrayList<>();
        for (Ratio ratio : RATIOS) {
            if (ratio.target().isEmpty()) {
                continue;
            }
            double target = ratio.target().getAsDouble();
            List<String> missed = rows.stream()
                    .filter(row -> row.clients() >= TARGETS_FROM_CLIENTS && ratio.of(row) < target)
                    .map(row -> format("%.2f×", ratio.of(row)) + " at " + row.clients() + " clients").toList();
            verdicts.add(ratio.name() + format(" ≥ %.2f×", target) + " from " + TARGETS_FROM_CLIENTS + " clients: "
                    + (missed.isEmpty() ? "met." : "missed, " + String.join(", ", missed) + "."));
        }
        for (Demo demo : demos) {
            long mib = demo.peakResidentKib() / 1024;
            String line = "Peak RSS of the demo under the HTTP load, " + demo.jvm().describe() + ": " + mib + " MiB";
            verdicts.add(demo.jvm() == DemoJvm.TUNED ? line + " (target ≤ " + PEAK_RESIDENT_TARGET_MIB + " MiB: "
                    + (mib <= PEAK_RESIDENT_TARGET_MIB ? "met" : "missed") + ")." : line + ".");
        }
        return verdicts;
    }

    private static String errors(LoadResult result) {
        return result.errors() == 0 ? "" : " (" + result.errors() + " errors)";
    }

    private static String format(String pattern, double value) {
        return String.format(Locale.ROOT, pattern, value);
    }
}
