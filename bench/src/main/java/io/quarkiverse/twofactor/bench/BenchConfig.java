package io.quarkiverse.twofactor.bench;

import java.util.List;

import io.smallrye.config.ConfigMapping;

/** The benchmark's settings ({@code bench.*} in its application.properties, or system properties). */
@ConfigMapping(prefix = "bench")
interface BenchConfig {

    /** Client counts measured. */
    List<Integer> clients();

    /** Seconds per measured row. */
    int seconds();

    /** Seconds of warm-up before the in-process and HTTP rows. */
    int warmUpSeconds();

    /** The packaged demo's {@code quarkus-run.jar}, relative to the repository root. */
    String demoJar();

    /** Where the demo's output goes. */
    String demoLog();

    /** The documentation page the table is written to. */
    String report();

    DatabaseConfig database();

    interface DatabaseConfig {
        String host();

        int port();

        String name();

        String user();
    }
}
