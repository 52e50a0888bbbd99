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
 * Measures one confirmation flow many ways at each client count, back to back: pgbench running the store's SQL and the
 * least SQL a flow needs (the database's ceilings), the Java API in this process (three steps and two), Spring
 * Security's one-time-token service in its own JVM, HTTP against the packaged demo with two memory settings, and the
 * Java API on the Redis store beside redis-benchmark running its commands. Prints the tables and writes them to the
 * documentation.
 */
@QuarkusMain
public class BenchmarkMain implements QuarkusApplication {

    @Inject
    InProcessFlow inProcessFlow;

    @Inject
    BenchConfig config;

    @ConfigProperty(name = "quarkus.datasource.jdbc.max-size")
    int poolSize;

    @Override
    public int run(String... args) throws Exception {
        if (args.length > 0 && args[0].equals(RedisInProcessPeer.ARGUMENT)) {
            PeerLoop.serve("Redis in-process", inProcessFlow::runThreeSteps);
            return 0;
        }
        RedisBenchmark.requireTools();
        BenchConfig.DatabaseConfig db = config.database();
        Database database = new Database(db.host(), db.port(), db.name(), db.user());
        Machine machine = Machine.read(database);
        System.out.println("Machine: " + machine.describe());
        Duration perRow = Duration.ofSeconds(config.seconds());
        Duration warmUp = Duration.ofSeconds(config.warmUpSeconds());
        int mostClients = config.clients().stream().mapToInt(Integer::intValue).max().orElseThrow();
        Path logs = Path.of(config.logDirectory());
        String redisHosts = "redis://" + config.redis().host() + ":" + config.redis().port();

        PgBench storeStatements = new PgBench(database, PgBench.STORE_STATEMENTS, "pgbench store");
        PgBench minimalFlow = new PgBench(database, PgBench.MINIMAL_FLOW, "pgbench minimal");
        RedisBenchmark redisBenchmark = new RedisBenchmark(config.redis().host(), config.redis().port());
        CpuMeter postgres = new CpuMeter("postgres");
        CpuMeter redisServer = new CpuMeter("redis-server");
        List<Report.Row> rows = new ArrayList<>();
        List<Report.Demo> demos;
        try (PackagedDemo reference = startDemo(database, DemoJvm.HEAP_256_MIB, logs.resolve("demo.log"));
                PackagedDemo tuned = startDemo(database, DemoJvm.TUNED, logs.resolve("demo-tuned.log"));
                HttpFlow referenceHttp = new HttpFlow(reference.base());
                HttpFlow tunedHttp = new HttpFlow(tuned.base());
                PeerProcess spring = SpringPeer.start(Path.of(config.springPeer()), database, poolSize,
                        logs.resolve("spring-peer.log"));
                PeerProcess redis = RedisInProcessPeer.start(Path.of(config.benchJar()), database, redisHosts,
                        logs.resolve("redis-peer.log"))) {
            LoadRun.run("warm-up", mostClients, warmUp, inProcessFlow::runThreeSteps);
            LoadRun.run("warm-up", mostClients, warmUp, inProcessFlow::runTwoSteps);
            spring.run(mostClients, warmUp);
            LoadRun.run("warm-up", mostClients, warmUp, referenceHttp::run);
            LoadRun.run("warm-up", mostClients, warmUp, tunedHttp::run);
            redis.run(mostClients, warmUp);
            // The measurements of a client count run back to back, so that a machine whose speed drifts (a shared
            // VM) moves them together and the ratios hold.
            for (int clients : config.clients()) {
                LoadResult store = printed(postgres.meter(() -> storeStatements.run(clients, perRow)));
                LoadResult minimal = printed(postgres.meter(() -> minimalFlow.run(clients, perRow)));
                database.emptyStoreTables();
                LoadResult threeSteps = printed(postgres.meter(() -> LoadRun.run("in-process", clients, perRow,
                        inProcessFlow::runThreeSteps)));
                database.emptyStoreTables();
                LoadResult twoSteps = printed(postgres.meter(() -> LoadRun.run("in-process 2-step", clients, perRow,
                        inProcessFlow::runTwoSteps)));
                LoadResult springFlows = printed(postgres.meter(() -> spring.run(clients, perRow)));
                database.emptyStoreTables();
                LoadResult http = printed(postgres.meter(() -> LoadRun.run("HTTP", clients, perRow,
                        referenceHttp::run)));
                database.emptyStoreTables();
                LoadResult httpTuned = printed(postgres.meter(() -> LoadRun.run("HTTP tuned", clients, perRow,
                        tunedHttp::run)));
                LoadResult redisFlows = printed(redisServer.meter(() -> redis.run(clients, perRow)));
                LoadResult redisCeiling = printed(redisBenchmark.run(clients));
                rows.add(new Report.Row(clients, store, minimal, threeSteps, twoSteps, springFlows, http, httpTuned,
                        redisFlows, redisCeiling));
            }
            demos = List.of(new Report.Demo(DemoJvm.HEAP_256_MIB, reference.peakResidentKib()),
                    new Report.Demo(DemoJvm.TUNED, tuned.peakResidentKib()));
        }

        Report report = new Report(rows, demos, machine, config.seconds());
        System.out.println();
        System.out.print(report.text());
        Files.writeString(Path.of(config.report()), report.asciidoc());
        System.out.println("Written to " + config.report());
        return rows.stream().allMatch(Report.Row::clean) ? 0 : 1;
    }

    private PackagedDemo startDemo(Database database, DemoJvm jvm, Path log) throws Exception {
        PackagedDemo demo = PackagedDemo.start(Path.of(config.demoJar()), database.jdbcUrl(), database.user(), log,
                jvm);
        System.out.println("Demo " + jvm.describe());
        return demo;
    }

    private static LoadResult printed(LoadResult result) {
        System.out.printf("%-18s %2d clients: %7.0f flows/s, p50 %6.1f ms, p99 %6.1f ms, %d errors %s%s%n",
                result.name(), result.clients(), result.flowsPerSecond(), result.p50Micros() / 1000.0,
                result.p99Micros() / 1000.0, result.errors(), result.firstErrors(),
                result.cpu().map(cpu -> String.format(", CPU per flow: server %.0f µs, rest %.0f µs, steal %.1f%%",
                        cpu.serverMicros(), cpu.otherMicros(), cpu.stealShare() * 100)).orElse(""));
        return result;
    }
}
