package io.quarkiverse.twofactor.it.faults;

import static io.quarkiverse.twofactor.it.Api.check;
import static io.quarkiverse.twofactor.it.Api.freshRecipient;
import static io.quarkiverse.twofactor.it.Api.requestConfirmation;

import java.time.Duration;
import java.util.ArrayList;
import java.util.List;
import java.util.Map;
import java.util.Queue;
import java.util.UUID;
import java.util.concurrent.ConcurrentLinkedQueue;
import java.util.concurrent.ExecutionException;
import java.util.concurrent.ExecutorService;
import java.util.concurrent.Executors;
import java.util.concurrent.Future;
import java.util.concurrent.TimeUnit;
import java.util.concurrent.TimeoutException;
import java.util.concurrent.atomic.AtomicInteger;
import java.util.concurrent.atomic.AtomicLong;
import java.util.function.Supplier;

import io.restassured.response.ValidatableResponse;

/**
 * Callers that keep the application in use while a test breaks its store: each in turn requests a code for a fresh
 * recipient (201) and reads an unknown id (404). A 503 counts as unavailable; any other answer is noted as unexpected.
 */
final class BackgroundCallers implements AutoCloseable {

    private final ExecutorService threads;
    private final List<Future<?>> loops = new ArrayList<>();
    private final Queue<String> unexpected = new ConcurrentLinkedQueue<>();
    private final AtomicInteger answered = new AtomicInteger();
    private final AtomicInteger unavailable = new AtomicInteger();
    private final AtomicLong slowestNanos = new AtomicLong();
    private volatile boolean running = true;

    BackgroundCallers(int callers) {
        threads = Executors.newFixedThreadPool(callers);
        for (int i = 0; i < callers; i++) {
            loops.add(threads.submit(this::callUntilClosed));
        }
    }

    List<String> unexpected() {
        return List.copyOf(unexpected);
    }

    int answered() {
        return answered.get();
    }

    int unavailable() {
        return unavailable.get();
    }

    Duration slowest() {
        return Duration.ofNanos(slowestNanos.get());
    }

    private void callUntilClosed() {
        while (running) {
            call(() -> requestConfirmation(Map.of("recipient", freshRecipient())), 201);
            call(() -> check(UUID.randomUUID().toString()), 404);
        }
    }

    private void call(Supplier<ValidatableResponse> request, int expected) {
        long started = System.nanoTime();
        int status = request.get().extract().statusCode();
        slowestNanos.accumulateAndGet(System.nanoTime() - started, Math::max);
        answered.incrementAndGet();
        if (status == 503) {
            unavailable.incrementAndGet();
        } else if (status != expected) {
            unexpected.add(status + " where " + expected + " or 503 was expected");
        }
    }

    /** Stops the callers and waits for them, rethrowing what any of them failed with. */
    @Override
    public void close() throws ExecutionException, InterruptedException, TimeoutException {
        running = false;
        threads.shutdown();
        try {
            for (Future<?> loop : loops) {
                loop.get(30, TimeUnit.SECONDS);
            }
        } finally {
            threads.shutdownNow();
        }
    }
}
