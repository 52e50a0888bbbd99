package io.quarkiverse.twofactor.bench;

import java.io.IOException;
import java.nio.file.Files;
import java.nio.file.Path;
import java.sql.SQLException;
import java.util.Optional;

/** What the figures were measured on. */
record Machine(String cpu, int cores, long memoryMib, String os, String java, String postgres, String fsync,
        String synchronousCommit) {

    static Machine read(Database database) throws IOException, SQLException {
        return new Machine(procLine("/proc/cpuinfo", "model name").orElse(System.getProperty("os.arch")),
                Runtime.getRuntime().availableProcessors(),
                procLine("/proc/meminfo", "MemTotal").map(kib -> Long.parseLong(kib.replaceAll("\\D", "")) / 1024)
                        .orElse(0L),
                System.getProperty("os.name") + " " + System.getProperty("os.version"),
                System.getProperty("java.vm.name") + " " + System.getProperty("java.version"),
                database.queryOne("SHOW server_version"), database.queryOne("SHOW fsync"),
                database.queryOne("SHOW synchronous_commit"));
    }

    String describe() {
        return cpu + ", " + cores + " cores, " + memoryMib + " MiB; " + os + "; " + java + "; PostgreSQL " + postgres
                + " (fsync " + fsync + ", synchronous_commit " + synchronousCommit + ")";
    }

    private static Optional<String> procLine(String file, String key) throws IOException {
        Path path = Path.of(file);
        if (!Files.isReadable(path)) {
            return Optional.empty();
        }
        return Files.readAllLines(path).stream().filter(line -> line.startsWith(key))
                .map(line -> line.substring(line.indexOf(':') + 1).strip()).findFirst();
    }
}
