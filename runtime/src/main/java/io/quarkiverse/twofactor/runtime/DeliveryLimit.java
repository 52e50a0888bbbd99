package io.quarkiverse.twofactor.runtime;

import java.time.Duration;
import java.util.concurrent.LinkedBlockingQueue;
import java.util.concurrent.RejectedExecutionException;
import java.util.concurrent.Semaphore;
import java.util.concurrent.ThreadFactory;
import java.util.concurrent.ThreadPoolExecutor;
import java.util.concurrent.TimeUnit;
import java.util.concurrent.atomic.AtomicInteger;

import io.quarkiverse.twofactor.SenderBusyException;
import io.quarkiverse.twofactor.runtime.TwoFactorConfig.DeliveryMode;
import io.quarkus.runtime.configuration.ConfigurationException;

/**
 * The places one sender has for deliveries: {@code max-concurrent} in flight and {@code max-queued} waiting. A place is
 * taken before anything is made or counted, so a refusal leaves nothing behind. In {@code async} mode the sender's own
 * threads, as many as {@code max-concurrent}, run the queued deliveries; in {@code sync} mode the request's thread
 * delivers, so a provider that stops answering holds at most the sender's places' worth of worker threads.
 */
final class DeliveryLimit {

    /** The wait a refused caller is told to keep: places free as soon as a provider answers. */
    private static final Duration RETRY_AFTER = Duration.ofSeconds(1);
    /** How long the deliveries interrupted at shutdown get to record their failure. */
    private static final Duration INTERRUPTED_GRACE = Duration.ofSeconds(1);
    private static final int DEFAULT_ASYNC_QUEUE = 64;
    /** Room for a burst of requests to a healthy provider, while a hung one still holds a bounded part of the pool. */
    private static final int DEFAULT_SYNC_QUEUE = 48;

    private final String senderKey;
    private final Duration deadline;
    /** In flight and waiting together. */
    private final Semaphore places;
    /** In flight, in sync mode; the executor's threads bound them in async mode. */
    private final Semaphore inFlight;
    private final ThreadPoolExecutor executor;
    private volatile boolean stopping;

    DeliveryLimit(String senderKey, TwoFactorConfig.DeliveryConfig config, String property) {
        if (config.maxConcurrent() < 1) {
            throw new ConfigurationException(property + ".max-concurrent must be at least 1");
        }
        int maxQueued = config.maxQueued()
                .orElse(config.mode() == DeliveryMode.ASYNC ? DEFAULT_ASYNC_QUEUE : DEFAULT_SYNC_QUEUE);
        if (maxQueued < 0) {
            throw new ConfigurationException(property + ".max-queued must not be negative");
        }
        if (config.deadline().isNegative() || config.deadline().isZero()) {
            throw new ConfigurationException(property + ".deadline must be positive");
        }
        this.senderKey = senderKey;
        this.deadline = config.deadline();
        this.places = new Semaphore(config.maxConcurrent() + maxQueued);
        if (config.mode() == DeliveryMode.ASYNC) {
            this.inFlight = null;
            this.executor = new ThreadPoolExecutor(config.maxConcurrent(), config.maxConcurrent(), 30,
                    TimeUnit.SECONDS, new LinkedBlockingQueue<>(), deliveryThreads(senderKey));
            executor.allowCoreThreadTimeOut(true);
        } else {
            this.inFlight = new Semaphore(config.maxConcurrent(), true);
            this.executor = null;
        }
    }

    boolean async() {
        return executor != null;
    }

    /**
     * Takes a place for one delivery, or refuses with {@link SenderBusyException} when every place is taken. In sync
     * mode it returns once the delivery may start, having waited at most the deadline.
     *
     * @return the delivery's deadline, on the {@link System#nanoTime()} clock
     */
    long enter() {
        long ends = System.nanoTime() + deadline.toNanos();
        if (stopping || !places.tryAcquire()) {
            throw new SenderBusyException(senderKey, RETRY_AFTER);
        }
        if (inFlight != null && !startInTime()) {
            places.release();
            throw new SenderBusyException(senderKey, RETRY_AFTER);
        }
        return ends;
    }

    private boolean startInTime() {
        try {
            return inFlight.tryAcquire(deadline.toNanos(), TimeUnit.NANOSECONDS);
        } catch (InterruptedException e) {
            Thread.currentThread().interrupt();
            return false;
        }
    }

    /** Gives back the place of a sync delivery that ended, or of any delivery that will not be made after all. */
    void leave() {
        if (inFlight != null) {
            inFlight.release();
        }
        places.release();
    }

    /**
     * Runs a delivery that {@link #enter entered} in async mode on the sender's threads, and gives its place back when
     * it ends. Once the application stops, the delivery runs on the caller's thread instead: it then fails at once.
     */
    void runQueued(Runnable delivery) {
        Runnable thenLeave = () -> {
            try {
                delivery.run();
            } finally {
                places.release();
            }
        };
        try {
            executor.execute(thenLeave);
        } catch (RejectedExecutionException stopped) {
            thenLeave.run();
        }
    }

    /** Whether the application is stopping: no delivery starts any more, and those still queued fail. */
    boolean stopping() {
        return stopping;
    }

    /** Refuses new deliveries; the queued ones now fail as their turn comes. */
    void stop() {
        stopping = true;
        if (executor != null) {
            executor.shutdown();
        }
    }

    /**
     * Waits for the deliveries in flight to end, at most the deadline, then interrupts those still running and fails,
     * on this thread, those still queued behind them, so that no delivery is left {@code queued} in the store.
     */
    void awaitStopped() throws InterruptedException {
        if (executor == null || executor.awaitTermination(deadline.toNanos(), TimeUnit.NANOSECONDS)) {
            return;
        }
        for (Runnable neverStarted : executor.shutdownNow()) {
            neverStarted.run();
        }
        // An interrupted delivery still records that it failed.
        executor.awaitTermination(INTERRUPTED_GRACE.toNanos(), TimeUnit.NANOSECONDS);
    }

    private static ThreadFactory deliveryThreads(String senderKey) {
        AtomicInteger count = new AtomicInteger();
        return task -> {
            Thread thread = new Thread(task, "two-factor-delivery-" + senderKey + "-" + count.incrementAndGet());
            thread.setDaemon(true);
            return thread;
        };
    }
}
