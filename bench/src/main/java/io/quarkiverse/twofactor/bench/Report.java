package io.quarkiverse.twofactor.bench;

import java.io.IOException;
import java.io.InputStream;
import java.nio.charset.StandardCharsets;
import java.util.ArrayList;
import java.util.List;
import java.util.Locale;
import java.util.Optional;
import java.util.OptionalDouble;
import java.util.function.Function;
import java.util.function.Predicate;
import java.util.stream.Collectors;
import java.util.stream.Stream;

/** The benchmark's tables, printed for the console and written as the documentation page. */
final class Report {

    /** The throughput targets apply from this many clients on. */
    static final int TARGETS_FROM_CLIENTS = 8;

    /** The most resident memory the demo may take under the HTTP load with the tuned settings. */
    static final long PEAK_RESIDENT_TARGET_MIB = 300;

    /** The share of the machine's CPU time taken by the host beyond which a verdict is marked as less certain. */
    static final double STEAL_WARNING = 0.05;

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

    /**
     * The most a ratio could be in this run, whatever the application did: what the database work it needs leaves of
     * the two cores when the application itself takes no CPU at all.
     *
     * @param what how it is computed, for the verdict
     * @param of its value at one client count, when the rows it needs were metered
     */
    private record Ceiling(String what, Function<Row, OptionalDouble> of) {
    }

    /**
     * The in-process and HTTP flows run the store's statements: with no CPU of its own, an application reaches the rate
     * of pgbench running them.
     */
    private static final Ceiling STORE_STATEMENTS = new Ceiling("pgbench store ÷ pgbench minimal",
            row -> OptionalDouble.of(row.storeCeiling().flowsPerSecond() / row.minimalCeiling().flowsPerSecond()));

    /**
     * Once the cores are busy, flows per second are the cores' time over the CPU time of a flow. Spring's flow takes
     * its total; the 2-step flow takes at least what PostgreSQL spends on its statements.
     */
    private static final Ceiling TWO_STEP_DATABASE_WORK = new Ceiling(
            "Spring's CPU per flow in all ÷ PostgreSQL's CPU per 2-step flow", row -> {
                Optional<CpuMeter.PerFlow> spring = row.spring().cpu();
                Optional<CpuMeter.PerFlow> twoSteps = row.inProcessTwoSteps().cpu();
                return spring.isPresent() && twoSteps.isPresent()
                        ? OptionalDouble.of((spring.get().serverMicros() + spring.get().otherMicros())
                                / twoSteps.get().serverMicros())
                        : OptionalDouble.empty();
            });

    /**
     * One flow's rate over another's at the same client count, the least it should be, if it has a target, and the
     * most it could be, where the run tells.
     */
    private record Ratio(String name, Function<Row, LoadResult> flow, Function<Row, LoadResult> peer,
            OptionalDouble target, Optional<Ceiling> ceiling) {

        Ratio(String name, Function<Row, LoadResult> flow, Function<Row, LoadResult> peer) {
            this(name, flow, peer, OptionalDouble.empty(), Optional.empty());
        }

        double of(Row row) {
            return flow.apply(row).flowsPerSecond() / peer.apply(row).flowsPerSecond();
        }
    }

    private static final List<Ratio> RATIOS = List.of(
            new Ratio("in-process ÷ pgbench minimal", Row::inProcess, Row::minimalCeiling, OptionalDouble.of(0.9),
                    Optional.of(STORE_STATEMENTS)),
            new Ratio("in-process ÷ pgbench store", Row::inProcess, Row::storeCeiling),
            new Ratio("pgbench store ÷ pgbench minimal", Row::storeCeiling, Row::minimalCeiling),
            new Ratio("in-process 2-step ÷ Spring", Row::inProcessTwoSteps, Row::spring, OptionalDouble.of(1.0),
                    Optional.of(TWO_STEP_DATABASE_WORK)),
            new Ratio("in-process ÷ Spring", Row::inProcess, Row::spring),
            new Ratio("HTTP ÷ pgbench minimal", Row::http, Row::minimalCeiling, OptionalDouble.of(0.55),
                    Optional.of(STORE_STATEMENTS)),
            new Ratio("HTTP ÷ Spring", Row::http, Row::spring),
            new Ratio("HTTP tuned ÷ HTTP", Row::httpTuned, Row::http, OptionalDouble.of(0.95), Optional.empty()),
            new Ratio("Redis in-process ÷ redis-benchmark", Row::redisInProcess, Row::redisCeiling));

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

    /**
     * The CPU time per flow of each metered measurement: the data server's, the rest of the machine's, and both; and
     * the share of the machine's CPU time the host took meanwhile.
     */
    private Table cpu() {
        return perMeasurement("CPU µs per flow at", List.of("rest", "total", "steal"),
                result -> result.cpu().isPresent(), result -> {
                    CpuMeter.PerFlow cpu = result.cpu().orElseThrow();
                    return List.of(format("%.0f", cpu.serverMicros()), format("%.0f", cpu.otherMicros()),
                            format("%.0f", cpu.serverMicros() + cpu.otherMicros()),
                            format("%.1f%%", cpu.stealShare() * 100));
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
                    + (missed.isEmpty() ? "met." : "missed, " + String.join(", ", missed) + ".")
                    + ratio.ceiling().map(this::ceilingNote).orElse("") + stealWarning(ratio));
        }
        for (Demo demo : demos) {
            long mib = demo.peakResidentKib() / 1024;
            String line = "Peak RSS of the demo under the HTTP load, " + demo.jvm().describe() + ": " + mib + " MiB";
            verdicts.add(demo.jvm() == DemoJvm.TUNED ? line + " (target ≤ " + PEAK_RESIDENT_TARGET_MIB + " MiB: "
                    + (mib <= PEAK_RESIDENT_TARGET_MIB ? "met" : "missed") + ")." : line + ".");
        }
        return verdicts;
    }

    /** The ceiling at each client count a target applies at. */
    private String ceilingNote(Ceiling ceiling) {
        List<String> values = new ArrayList<>();
        for (Row row : rows) {
            OptionalDouble value = ceiling.of().apply(row);
            if (row.clients() >= TARGETS_FROM_CLIENTS && value.isPresent()) {
                values.add(format("%.2f×", value.getAsDouble()) + " at " + row.clients() + " clients");
            }
        }
        return values.isEmpty() ? "" : " The most an application taking no CPU could reach in this run: "
                + String.join(", ", values) + " (" + ceiling.what() + ").";
    }

    /**
     * A warning when the host took more than {@link #STEAL_WARNING} of the machine's CPU time during a row a verdict
     * rests on, since the rows of a ratio run one after the other and the host may have slowed one of them only.
     */
    private String stealWarning(Ratio ratio) {
        double most = rows.stream().filter(row -> row.clients() >= TARGETS_FROM_CLIENTS)
                .flatMap(row -> Stream.of(ratio.flow().apply(row), ratio.peer().apply(row)))
                .flatMap(result -> result.cpu().stream()).mapToDouble(CpuMeter.PerFlow::stealShare).max().orElse(0);
        return most > STEAL_WARNING ? format(" The host took up to %.0f%% of the CPU time during these rows: judge"
                + " with care.", most * 100) : "";
    }

    private static String errors(LoadResult result) {
        return result.errors() == 0 ? "" : " (" + result.errors() + " errors)";
    }

    private static String format(String pattern, double value) {
        return String.format(Locale.ROOT, pattern, value);
    }
}
