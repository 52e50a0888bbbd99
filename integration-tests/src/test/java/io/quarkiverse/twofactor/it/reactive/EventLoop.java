package io.quarkiverse.twofactor.it.reactive;

import java.time.Duration;
import java.util.concurrent.CompletableFuture;
import java.util.concurrent.TimeUnit;
import java.util.function.Consumer;

import io.vertx.core.Vertx;

/** Runs test code on a Vert.x event-loop thread, as a reactive endpoint runs. */
final class EventLoop {

    static final Duration WAIT = Duration.ofSeconds(10);

    private EventLoop() {
    }

    /** Runs {@code work} on an event-loop thread and waits for what it completes {@code result} with. */
    static <T> T run(Vertx vertx, Consumer<CompletableFuture<T>> work) throws Exception {
        CompletableFuture<T> result = new CompletableFuture<>();
        vertx.getOrCreateContext().runOnContext(ignored -> {
            try {
                work.accept(result);
            } catch (RuntimeException e) {
                result.completeExceptionally(e);
            }
        });
        return result.get(WAIT.toSeconds(), TimeUnit.SECONDS);
    }
}
