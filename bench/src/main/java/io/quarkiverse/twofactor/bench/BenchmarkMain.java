package io.quarkiverse.twofactor.bench;

import java.nio.file.Files;
import java.nio.file.Path;
import java.time.Duration;
import java.util.ArrayList;
import java.util.List;

import jakarta.inject.Inject;

import io.quarkus.runtime.QuarkusApplication;
import io.quarkus.runtime.annotations.QuarkusMain;

/**
 * Measures one request → confirm → use flow three ways at each client count: pgbench running the store's SQL (the
 * database's ceiling), the Java API in this process, and HTTP against the packaged demo. Prints the table and writes
 * it to the documentation.
 */
@QuarkusMain
public class BenchmarkMain implements QuarkusApplication {

    @Inject
    InProcessFlow inProcessFlow;

    @Inject
    BenchConfig config;

    @Override
    public int run(String... args) throws Exception {
        BenchConfig.DatabaseConfig db = config.database();
        Database database = new Database(db.host(), db.port(), db.name(), db.user());
        Machine machine = Machine.read(database);
        System.out.println("Machine: " + machine.describe());
        Duration perRow = Duration.ofSeconds(config.seconds());
        int mostClients = config.clients().stream().mapToInt(Integer::intValue).max().orElseThrow();

        PgBench pgbench = new PgBench(database);
        List<Report.Row> rows = new ArrayList<>();
        long peakResidentKib;
        try (PackagedDemo demo = PackagedDemo.start(Path.of(config.demoJar()), database.jdbcUrl(), db.user(),
                Path.of(config.demoLog()));
                HttpFlow httpFlow = new HttpFlow(demo.base())) {
            Duration warmUp = Duration.ofSeconds(config.warmUpSeconds());
            LoadRun.run("warm-up", mostClients, warmUp, inProcessFlow::run);
            LoadRun.run("warm-up", mostClients, warmUp, httpFlow::run);
            // The three measurements of a client count run back to back, so that a machine whose speed drifts
            // (a shared VM) moves them together and the ratios hold.
            for (int clients : config.clients()) {
                LoadResult ceiling = printed(pgbench.run(clients, perRow));
                database.emptyStoreTables();
                LoadResult inProcess = printed(LoadRun.run("in-process", clients, perRow, inProcessFlow::run));
                database.emptyStoreTables();
                LoadResult http = printed(LoadRun.run("HTTP", clients, perRow, httpFlow::run));
                rows.add(new Report.Row(clients, ceiling, inProcess, http));
            }
            peakResidentKib = demo.peakResidentKib();
        }

        Report report = new Report(rows, peakResidentKib, machine, config.seconds());
        System.out.println();
        System.out.print(report.text());
        Files.writeString(Path.of(config.report()), report.asciidoc());
        System.out.println("Written to " + config.report());
        boolean clean = rows.stream().allMatch(row -> row.ceiling().errors() == 0 && row.inProcess().errors() == 0
                && row.http().errors() == 0);
        return clean ? 0 : 1;
    }

    private static LoadResult printed(LoadResult result) {
        System.out.printf("%-10s %2d clients: %7.0f flows/s, p50 %6.1f ms, p99 %6.1f ms, %d errors %s%n",
                result.name(), result.clients(), result.flowsPerSecond(), result.p50Micros() / 1000.0,
                result.p99Micros() / 1000.0, result.errors(), result.firstErrors());
        return result;
    }
}
