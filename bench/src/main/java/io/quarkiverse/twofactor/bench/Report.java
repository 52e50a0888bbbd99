package io.quarkiverse.twofactor.bench;

import java.io.IOException;
import java.io.InputStream;
import java.nio.charset.StandardCharsets;
import java.util.ArrayList;
import java.util.List;
import java.util.Locale;
import java.util.function.ToDoubleFunction;

/** The benchmark's table, printed for the console and written as the documentation page. */
final class Report {

    /** The targets: in-process flows against the ceiling, and HTTP flows against it, at 8 clients and more. */
    static final double IN_PROCESS_TARGET = 0.8;
    static final double HTTP_TARGET = 0.4;
    static final int TARGETS_FROM_CLIENTS = 8;

    /** One client count: the ceiling and the two flows measured at it. */
    record Row(int clients, LoadResult ceiling, LoadResult inProcess, LoadResult http) {

        double inProcessRatio() {
            return inProcess.flowsPerSecond() / ceiling.flowsPerSecond();
        }

        double httpRatio() {
            return http.flowsPerSecond() / ceiling.flowsPerSecond();
        }
    }

    private static final List<String> HEADER = List.of("clients", "pgbench flows/s", "p50 ms", "p99 ms",
            "in-process flows/s", "p50 ms", "p99 ms", "÷ pgbench", "HTTP flows/s", "p50 ms", "p99 ms", "÷ pgbench");

    private final List<Row> rows;
    private final long peakResidentKib;
    private final Machine machine;
    private final long secondsPerRow;

    Report(List<Row> rows, long peakResidentKib, Machine machine, long secondsPerRow) {
        this.rows = rows;
        this.peakResidentKib = peakResidentKib;
        this.machine = machine;
        this.secondsPerRow = secondsPerRow;
    }

    String text() {
        StringBuilder out = new StringBuilder();
        List<List<String>> lines = new ArrayList<>();
        lines.add(HEADER);
        rows.forEach(row -> lines.add(cells(row)));
        int[] widths = new int[HEADER.size()];
        lines.forEach(line -> {
            for (int i = 0; i < widths.length; i++) {
                widths[i] = Math.max(widths[i], line.get(i).length());
            }
        });
        lines.forEach(line -> {
            for (int i = 0; i < widths.length; i++) {
                out.append(String.format("%" + widths[i] + "s  ", line.get(i)));
            }
            out.append('\n');
        });
        out.append(summary()).append('\n');
        return out.toString();
    }

    String asciidoc() throws IOException {
        StringBuilder table = new StringBuilder("[cols=\"" + "1,".repeat(HEADER.size() - 1) + "1\",options=header]\n|===\n");
        table.append(String.join(" ", HEADER.stream().map(cell -> "|" + cell).toList())).append('\n');
        rows.forEach(row -> table.append(String.join(" ", cells(row).stream().map(cell -> "|" + cell).toList()))
                .append('\n'));
        table.append("|===\n");
        try (InputStream in = Report.class.getClassLoader().getResourceAsStream("benchmark-page.adoc")) {
            return new String(in.readAllBytes(), StandardCharsets.UTF_8).replace("{machine}", machine.describe())
                    .replace("{seconds}", String.valueOf(secondsPerRow)).replace("{table}", table)
                    .replace("{summary}", summary());
        }
    }

    private String summary() {
        return "Peak RSS of the packaged demo under the HTTP load: " + peakResidentKib / 1024 + " MiB. "
                + verdict("In-process", IN_PROCESS_TARGET, Row::inProcessRatio) + " "
                + verdict("HTTP", HTTP_TARGET, Row::httpRatio);
    }

    /** Whether a flow reaches its target ratio at every client count the targets apply to, and where it does not. */
    private String verdict(String flow, double target, ToDoubleFunction<Row> ratio) {
        List<String> missed = rows.stream()
                .filter(row -> row.clients() >= TARGETS_FROM_CLIENTS && ratio.applyAsDouble(row) < target)
                .map(row -> String.valueOf(row.clients())).toList();
        return flow + " target (≥ " + target + "× pgbench from " + TARGETS_FROM_CLIENTS + " clients): "
                + (missed.isEmpty() ? "met." : "missed at " + String.join(", ", missed) + " clients.");
    }

    private static List<String> cells(Row row) {
        List<String> cells = new ArrayList<>(List.of(String.valueOf(row.clients())));
        cells.addAll(figures(row.ceiling()));
        cells.addAll(figures(row.inProcess()));
        cells.add(format("%.2f×", row.inProcessRatio()));
        cells.addAll(figures(row.http()));
        cells.add(format("%.2f×", row.httpRatio()));
        return cells;
    }

    private static List<String> figures(LoadResult result) {
        return List.of(format("%.0f", result.flowsPerSecond()), format("%.1f", result.p50Micros() / 1000.0),
                format("%.1f", result.p99Micros() / 1000.0));
    }

    private static String format(String pattern, double value) {
        return String.format(Locale.ROOT, pattern, value);
    }
}
