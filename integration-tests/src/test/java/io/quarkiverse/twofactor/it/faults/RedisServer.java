package io.quarkiverse.twofactor.it.faults;

import java.io.BufferedReader;
import java.io.IOException;
import java.io.InputStreamReader;
import java.io.OutputStream;
import java.io.UncheckedIOException;
import java.net.InetAddress;
import java.net.ServerSocket;
import java.net.Socket;
import java.nio.charset.StandardCharsets;
import java.nio.file.Path;
import java.time.Duration;
import java.util.ArrayList;
import java.util.List;
import java.util.concurrent.TimeUnit;

/**
 * A {@code redis-server} process of the test's own on a loopback port, which keeps no data on disk: after
 * {@link #stop()} and {@link #start()} the port answers again, with every key gone, as a non-persistent Redis does
 * after a restart. Needs {@code redis-server} on the PATH, and {@code redis-cli} for {@link #cli}.
 */
final class RedisServer {

    private static final Duration STARTUP = Duration.ofSeconds(10);

    private final int port;
    /** Options beyond the port and persistence ones every server gets. */
    private final List<String> options;
    private Process process;

    RedisServer() {
        this(freePort(), List.of());
    }

    private RedisServer(int port, List<String> options) {
        this.port = port;
        this.options = options;
        // The server outlives this JVM unless killed; the hook covers a run that ends without the resource's stop().
        Runtime.getRuntime().addShutdownHook(new Thread(this::stop, "redis-server-stop"));
    }

    /**
     * A server that runs as a Redis Cluster node, not yet part of a cluster ({@link RedisCluster} joins them). Its
     * cluster state, the one file it writes, goes to {@code dir}. It takes a master that stops answering for failed
     * after a second, so that a test sees the cluster go down without waiting Redis's default quarter of a minute.
     */
    static RedisServer clusterNode(Path dir) {
        int port = freePort();
        return new RedisServer(port, List.of("--cluster-enabled", "yes", "--dir", dir.toString(),
                "--cluster-config-file", "nodes-" + port + ".conf", "--cluster-node-timeout", "1000"));
    }

    int port() {
        return port;
    }

    /** Runs {@code redis-cli} against this server with {@code args} and returns what it printed. */
    String cli(String... args) {
        List<String> command = new ArrayList<>(List.of("redis-cli", "-h", "127.0.0.1", "-p", Integer.toString(port)));
        command.addAll(List.of(args));
        try {
            Process cli = new ProcessBuilder(command).redirectErrorStream(true).start();
            String output = new String(cli.getInputStream().readAllBytes(), StandardCharsets.UTF_8);
            if (!cli.waitFor(30, TimeUnit.SECONDS) || cli.exitValue() != 0) {
                throw new IllegalStateException(String.join(" ", command) + " failed: " + output);
            }
            return output;
        } catch (IOException e) {
            throw new UncheckedIOException("redis-cli could not be run", e);
        } catch (InterruptedException e) {
            Thread.currentThread().interrupt();
            throw new IllegalStateException(e);
        }
    }

    /** Starts an empty server on the port and waits until it answers {@code PING}. */
    synchronized void start() {
        try {
            List<String> command = new ArrayList<>(List.of("redis-server", "--port", Integer.toString(port), "--bind",
                    "127.0.0.1", "--save", "", "--appendonly", "no"));
            command.addAll(options);
            process = new ProcessBuilder(command)
                    .redirectErrorStream(true)
                    .redirectOutput(ProcessBuilder.Redirect.DISCARD)
                    .start();
        } catch (IOException e) {
            throw new UncheckedIOException("redis-server could not be started", e);
        }
        awaitPong();
    }

    /** Kills the server, as a crash would, and waits until it has exited and the port is closed. */
    synchronized void stop() {
        if (process == null) {
            return;
        }
        process.destroyForcibly();
        try {
            if (!process.waitFor(10, TimeUnit.SECONDS)) {
                throw new IllegalStateException("redis-server on port " + port + " did not exit");
            }
        } catch (InterruptedException e) {
            Thread.currentThread().interrupt();
            throw new IllegalStateException(e);
        }
        process = null;
    }

    private void awaitPong() {
        long deadline = System.nanoTime() + STARTUP.toNanos();
        while (!answersPing()) {
            if (!process.isAlive()) {
                throw new IllegalStateException("redis-server on port " + port + " exited with " + process.exitValue());
            }
            if (System.nanoTime() > deadline) {
                throw new IllegalStateException("redis-server on port " + port + " did not answer within " + STARTUP);
            }
            try {
                Thread.sleep(20);
            } catch (InterruptedException e) {
                Thread.currentThread().interrupt();
                throw new IllegalStateException(e);
            }
        }
    }

    private boolean answersPing() {
        try (Socket socket = new Socket(InetAddress.getLoopbackAddress(), port)) {
            socket.setSoTimeout(1000);
            OutputStream out = socket.getOutputStream();
            out.write("PING\r\n".getBytes(StandardCharsets.US_ASCII));
            out.flush();
            String reply = new BufferedReader(new InputStreamReader(socket.getInputStream(), StandardCharsets.US_ASCII))
                    .readLine();
            return "+PONG".equals(reply);
        } catch (IOException e) {
            return false;
        }
    }

    private static int freePort() {
        try (ServerSocket socket = new ServerSocket(0, 1, InetAddress.getLoopbackAddress())) {
            return socket.getLocalPort();
        } catch (IOException e) {
            throw new UncheckedIOException(e);
        }
    }
}
