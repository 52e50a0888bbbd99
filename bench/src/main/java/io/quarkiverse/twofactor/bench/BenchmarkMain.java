package io.quarkiverse.twofactor.bench;

import java.nio.file.Files;
import java.nio.file.Path;
import java.time.Duration;
import java.util.ArrayList;
import java.util.List;

import jakarta.inject.Inject;

import org.eclipse.microprofile.config.inject.ConfigProperty;

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

    @ConfigProperty(name = "bench.clients")
    List<Integer> clientCounts;

    @ConfigProperty(name = "bench.seconds")
    int seconds;

    @ConfigProperty(name = "bench.warm-up-seconds")
    int warmUpSeconds;

    @ConfigProperty(name = "bench.demo-jar")
    String demoJar;

    @ConfigProperty(name = "bench.demo-log")
    String demoLog;

    @ConfigProperty(name = "bench.report")
    String reportPage;

    @ConfigProperty(name = "bench.database.host")
    String host;

    @ConfigProperty(name = "bench.database.port")
    int port;

    @ConfigProperty(name = "bench.database.name")
    String name;

    @ConfigProperty(name = "bench.database.user")
    String user;

    @Override
    public int run(String... args) throws Exception {
        Database database = new Database(host, port, name, user);
        Machine machine = Machine.read(database);
        System.out.println("Machine: " + machine.describe());
        Duration perRow = Duration.ofSeconds(seconds);
        int mostClients = clientCounts.stream().mapToInt(Integer::intValue).max().orElseThrow();

        PgBench pgbench = new PgBench(database);
        List<Report.Row> rows = new ArrayList<>();
        long peakResidentKib;
        try (PackagedDemo demo = PackagedDemo.start(Path.of(demoJar), database.jdbcUrl(), user, Path.of(demoLog));
                HttpFlow httpFlow = new HttpFlow(demo.base())) {
            Duration warmUp = Duration.ofSeconds(warmUpSeconds);
            LoadRun.run("warm-up", mostClients, warmUp, inProcessFlow::run);
            LoadRun.run("warm-up", mostClients, warmUp, httpFlow::run);
            // The three measurements of a client count run back to back, so that a machine whose speed drifts
            // (a shared VM) moves them together and the ratios hold.
            for (int clients : clientCounts) {
                LoadResult ceiling = printed(pgbench.run(clients, perRow));
                database.emptyStoreTables();
                LoadResult inProcess = printed(LoadRun.run("in-process", clients, perRow, inProcessFlow::run));
                database.emptyStoreTables();
                LoadResult http = printed(LoadRun.run("HTTP", clients, perRow, httpFlow::run));
                rows.add(new Report.Row(clients, ceiling, inProcess, http));
            }
            peakResidentKib = demo.peakResidentKib();
        }

        Report report = new Report(rows, peakResidentKib, machine, seconds);
        System.out.println();
        System.out.print(report.text());
        Files.writeString(Path.of(reportPage), report.asciidoc());
        System.out.println("Written to " + reportPage);
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
