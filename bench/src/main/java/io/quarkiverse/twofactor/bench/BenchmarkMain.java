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
        List<LoadResult> ceiling = new ArrayList<>();
        for (int clients : clientCounts) {
            ceiling.add(printed(pgbench.run(clients, perRow)));
        }

        List<LoadResult> inProcess = new ArrayList<>();
        LoadRun.run("warm-up", mostClients, Duration.ofSeconds(warmUpSeconds), inProcessFlow::run);
        for (int clients : clientCounts) {
            database.emptyStoreTables();
            inProcess.add(printed(LoadRun.run("in-process", clients, perRow, inProcessFlow::run)));
        }

        List<LoadResult> http = new ArrayList<>();
        long peakResidentKib;
        try (PackagedDemo demo = PackagedDemo.start(Path.of(demoJar), database.jdbcUrl(), user, Path.of(demoLog));
                HttpFlow flow = new HttpFlow(demo.base())) {
            LoadRun.run("warm-up", mostClients, Duration.ofSeconds(warmUpSeconds), flow::run);
            for (int clients : clientCounts) {
                database.emptyStoreTables();
                http.add(printed(LoadRun.run("HTTP", clients, perRow, flow::run)));
            }
            peakResidentKib = demo.peakResidentKib();
        }

        List<Report.Row> rows = new ArrayList<>();
        for (int i = 0; i < clientCounts.size(); i++) {
            rows.add(new Report.Row(clientCounts.get(i), ceiling.get(i), inProcess.get(i), http.get(i)));
        }
        Report report = new Report(rows, peakResidentKib, machine, seconds);
        System.out.println();
        System.out.print(report.text());
        Files.writeString(Path.of(reportPage), report.asciidoc());
        System.out.println("Written to " + reportPage);
        boolean clean = ceiling.stream().allMatch(result -> result.errors() == 0)
                && inProcess.stream().allMatch(result -> result.errors() == 0)
                && http.stream().allMatch(result -> result.errors() == 0);
        return clean ? 0 : 1;
    }

    private static LoadResult printed(LoadResult result) {
        System.out.printf("%-10s %2d clients: %7.0f flows/s, p50 %6.1f ms, p99 %6.1f ms, %d errors %s%n",
                result.name(), result.clients(), result.flowsPerSecond(), result.p50Micros() / 1000.0,
                result.p99Micros() / 1000.0, result.errors(), result.firstErrors());
        return result;
    }
}
