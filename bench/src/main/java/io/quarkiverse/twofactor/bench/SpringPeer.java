package io.quarkiverse.twofactor.bench;

import java.io.IOException;
import java.nio.file.Files;
import java.nio.file.Path;
import java.util.List;

/**
 * Starts the peer of {@code bench/spring-peer}: Spring Security's JDBC one-time-token service, on a HikariCP pool as
 * large as the extension's, in its own JVM.
 */
final class SpringPeer {

    private SpringPeer() {
    }

    /**
     * @param module the {@code bench/spring-peer} module, built: its jar and its dependencies in {@code target}
     */
    static PeerProcess start(Path module, Database database, int poolSize, Path log) throws IOException {
        Path jar = module.resolve("target/spring-peer.jar");
        if (!Files.isRegularFile(jar)) {
            throw new IllegalStateException(jar + " is missing: build bench/spring-peer first (see bench/run)");
        }
        String classpath = jar + java.io.File.pathSeparator + module.resolve("target/lib/*");
        return PeerProcess.start(List.of(PeerProcess.java(), "-cp", classpath,
                "io.quarkiverse.twofactor.bench.spring.SpringOneTimeTokenPeer", database.jdbcUrl(), database.user(),
                String.valueOf(poolSize)), log);
    }
}
