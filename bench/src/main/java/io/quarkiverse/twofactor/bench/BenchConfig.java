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

    /** This application's own {@code quarkus-run.jar}, which the Redis row starts again with the Redis store. */
    String benchJar();

    /** The {@code bench/spring-peer} module, built, whose JVM runs Spring Security's one-time-token service. */
    String springPeer();

    /** Where the output of the demo and of the peers' JVMs goes. */
    String logDirectory();

    /** The documentation page the table is written to. */
    String report();

    DatabaseConfig database();

    RedisConfig redis();

    interface DatabaseConfig {
        String host();

        int port();

        String name();

        String user();
    }

    /** The Redis server of the Redis rows. */
    interface RedisConfig {
        String host();

        int port();
    }
}
