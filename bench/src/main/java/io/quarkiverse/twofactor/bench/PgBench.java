package io.quarkiverse.twofactor.bench;

import java.io.IOException;
import java.io.InputStream;
import java.nio.file.Files;
import java.nio.file.Path;
import java.time.Duration;
import java.util.List;
import java.util.regex.Matcher;
import java.util.regex.Pattern;
import java.util.stream.Stream;

/**
 * The database's ceiling: pgbench running one flow's SQL from a script in this module's resources, in a schema made
 * from the shipped DDL. {@link #STORE_STATEMENTS} is the store's own SQL, {@link #MINIMAL_FLOW} the least a flow needs.
 */
final class PgBench {

    static final String STORE_STATEMENTS = "flow.pgbench.sql";
    static final String MINIMAL_FLOW = "flow-minimal.pgbench.sql";

    private static final Pattern FAILED = Pattern.compile("number of failed transactions: (\\d+)");

    private final Database database;
    private final String script;
    private final String name;

    /**
     * @param script the script's resource name
     * @param name the row's name in the results
     */
    PgBench(Database database, String script, String name) {
        this.database = database;
        this.script = script;
        this.name = name;
    }

    LoadResult run(int clients, Duration duration) throws Exception {
        database.recreateCeilingSchema();
        Path work = Files.createTempDirectory("two-factor-pgbench");
        Path flow = work.resolve("flow.sql");
        try (InputStream in = PgBench.class.getClassLoader().getResourceAsStream(script)) {
            Files.copy(in, flow);
        }
        int threads = Math.min(clients, Runtime.getRuntime().availableProcessors());
        ProcessBuilder pgbench = new ProcessBuilder("pgbench", "-h", database.host(), "-p",
                String.valueOf(database.port()), "-U", database.user(), "--no-vacuum", "--protocol=prepared",
                "--client=" + clients, "--jobs=" + threads, "--time=" + duration.toSeconds(), "--file=" + flow,
                "--log", "--log-prefix=" + work.resolve("latency"), database.name()).redirectErrorStream(true);
        pgbench.environment().put("PGOPTIONS", "-c search_path=" + Database.CEILING_SCHEMA);
        Process process = pgbench.start();
        String output = new String(process.getInputStream().readAllBytes());
        if (process.waitFor() != 0) {
            throw new IllegalStateException("pgbench failed:\n" + output);
        }
        Matcher failed = FAILED.matcher(output);
        return LoadResult.of(name, clients, latencies(work), failed.find() ? Long.parseLong(failed.group(1)) : 0,
                duration.toSeconds(), List.of());
    }

    /** Each line of pgbench's per-transaction logs holds the flow's latency in microseconds as its third field. */
    private static long[] latencies(Path work) throws IOException {
        try (Stream<Path> files = Files.list(work)) {
            return files.filter(file -> file.getFileName().toString().startsWith("latency")).flatMap(PgBench::lines)
                    .mapToLong(line -> Long.parseLong(line.split(" ")[2])).toArray();
        }
    }

    private static Stream<String> lines(Path file) {
        try {
            return Files.readAllLines(file).stream();
        } catch (IOException e) {
            throw new IllegalStateException(e);
        }
    }
}
