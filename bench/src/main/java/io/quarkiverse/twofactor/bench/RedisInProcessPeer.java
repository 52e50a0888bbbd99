package io.quarkiverse.twofactor.bench;

import java.io.IOException;
import java.nio.file.Files;
import java.nio.file.Path;
import java.util.List;

/**
 * Starts this benchmark application a second time, with the Redis store, to run the in-process flow there: the store
 * is chosen at startup, so the Redis row needs a JVM of its own.
 */
final class RedisInProcessPeer {

    /** The argument that makes {@link BenchmarkMain} serve the in-process flow to its parent instead of measuring. */
    static final String ARGUMENT = "serve-in-process";

    /** Its keys stay apart from anything else on the server. */
    private static final String KEY_PREFIX = "bench:in-process:";

    private RedisInProcessPeer() {
    }

    /**
     * @param benchJar this application's {@code quarkus-run.jar}
     * @param database the parent's database, whose tables this one must leave alone
     * @param redisHosts the Redis server, as {@code quarkus.redis.hosts} takes it
     */
    static PeerProcess start(Path benchJar, Database database, String redisHosts, Path log) throws IOException {
        if (!Files.isRegularFile(benchJar)) {
            throw new IllegalStateException(benchJar + " is missing: build the benchmark first (see bench/run)");
        }
        return PeerProcess.start(List.of(PeerProcess.java(),
                "-Dquarkus.two-factor.store=redis",
                "-Dquarkus.two-factor.redis.key-prefix=" + KEY_PREFIX,
                "-Dquarkus.redis.hosts=" + redisHosts,
                "-Dquarkus.datasource.jdbc.url=" + database.jdbcUrl(),
                "-Dquarkus.hibernate-orm.schema-management.strategy=none",
                "-jar", benchJar.toString(), ARGUMENT), log);
    }
}
