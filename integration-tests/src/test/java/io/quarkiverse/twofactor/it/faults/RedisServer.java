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
import java.time.Duration;
import java.util.concurrent.TimeUnit;

/**
 * A {@code redis-server} process of the test's own on a loopback port, which keeps nothing on disk: after
 * {@link #stop()} and {@link #start()} the port answers again, with every key gone, as a non-persistent Redis does
 * after a restart. Needs {@code redis-server} on the PATH.
 */
final class RedisServer {

    private static final Duration STARTUP = Duration.ofSeconds(10);

    private final int port;
    private Process process;

    RedisServer() {
        this.port = freePort();
        // The server outlives this JVM unless killed; the hook covers a run that ends without the resource's stop().
        Runtime.getRuntime().addShutdownHook(new Thread(this::stop, "redis-server-stop"));
    }

    int port() {
        return port;
    }

    /** Starts an empty server on the port and waits until it answers {@code PING}. */
    synchronized void start() {
        try {
            process = new ProcessBuilder("redis-server", "--port", Integer.toString(port), "--bind", "127.0.0.1",
                    "--save", "", "--appendonly", "no")
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
