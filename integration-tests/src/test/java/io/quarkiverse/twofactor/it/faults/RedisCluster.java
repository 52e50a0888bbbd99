package io.quarkiverse.twofactor.it.faults;

import java.io.IOException;
import java.io.UncheckedIOException;
import java.nio.file.Files;
import java.nio.file.Path;
import java.time.Duration;
import java.util.ArrayList;
import java.util.Comparator;
import java.util.List;
import java.util.Map;
import java.util.TreeMap;
import java.util.stream.Collectors;
import java.util.stream.Stream;

import org.junit.jupiter.api.extension.AfterAllCallback;
import org.junit.jupiter.api.extension.BeforeAllCallback;
import org.junit.jupiter.api.extension.ExtensionContext;

/**
 * A Redis Cluster of the test's own: three {@link RedisServer#clusterNode cluster nodes} on loopback ports, joined as
 * three masters without replicas by {@code redis-cli --cluster create}, each serving a third of the hash slots. Their
 * cluster state lives in a temporary directory that {@link #stop()} deletes with the servers. Registered as a static
 * JUnit extension it runs around a test class; {@link RedisClusterResource} runs it around a Quarkus application.
 */
public final class RedisCluster implements BeforeAllCallback, AfterAllCallback {

    private static final int MASTERS = 3;
    private static final Duration FORMING = Duration.ofSeconds(20);

    private final List<RedisServer> masters = new ArrayList<>();
    private Path dir;

    /** Starts the servers and joins them; returns once every one of them reports {@code cluster_state:ok}. */
    public synchronized void start() {
        try {
            dir = Files.createTempDirectory("redis-cluster");
        } catch (IOException e) {
            throw new UncheckedIOException(e);
        }
        List<String> create = new ArrayList<>(List.of("--cluster", "create"));
        for (int i = 0; i < MASTERS; i++) {
            RedisServer master = RedisServer.clusterNode(dir);
            masters.add(master);
            master.start();
            create.add("127.0.0.1:" + master.port());
        }
        create.addAll(List.of("--cluster-replicas", "0", "--cluster-yes"));
        masters.get(0).cli(create.toArray(String[]::new));
        awaitClusterOk();
    }

    /** Stops the servers and deletes their cluster state. */
    public synchronized void stop() {
        masters.forEach(RedisServer::stop);
        masters.clear();
        if (dir != null) {
            try (Stream<Path> files = Files.walk(dir)) {
                files.sorted(Comparator.reverseOrder()).forEach(file -> file.toFile().delete());
            } catch (IOException e) {
                throw new UncheckedIOException(e);
            }
            dir = null;
        }
    }

    /** Stops one master, as a crash would: the others then report the cluster down, since its slots have no server. */
    public synchronized void stopOneMaster() {
        masters.get(0).stop();
    }

    /** The masters as {@code quarkus.redis.hosts} lists them. */
    public String hosts() {
        return masters.stream().map(master -> "redis://127.0.0.1:" + master.port()).collect(Collectors.joining(","));
    }

    /** The application settings that reach this cluster through the default Redis client. */
    public Map<String, String> clientSettings() {
        return Map.of("quarkus.redis.client-type", "cluster", "quarkus.redis.hosts", hosts());
    }

    /** How many keys each master holds ({@code DBSIZE}), by its port. */
    public Map<Integer, Long> keysPerMaster() {
        Map<Integer, Long> keys = new TreeMap<>();
        for (RedisServer master : masters) {
            keys.put(master.port(), Long.parseLong(master.cli("DBSIZE").strip()));
        }
        return keys;
    }

    @Override
    public void beforeAll(ExtensionContext context) {
        start();
    }

    @Override
    public void afterAll(ExtensionContext context) {
        stop();
    }

    private void awaitClusterOk() {
        long deadline = System.nanoTime() + FORMING.toNanos();
        while (!masters.stream().allMatch(master -> master.cli("CLUSTER", "INFO").contains("cluster_state:ok"))) {
            if (System.nanoTime() > deadline) {
                throw new IllegalStateException("the Redis Cluster did not reach cluster_state:ok within " + FORMING);
            }
            try {
                Thread.sleep(50);
            } catch (InterruptedException e) {
                Thread.currentThread().interrupt();
                throw new IllegalStateException(e);
            }
        }
    }
}
