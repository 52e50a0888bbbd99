package io.quarkiverse.twofactor.runtime.store.redis;

import java.time.Duration;
import java.util.ArrayDeque;
import java.util.Queue;
import java.util.concurrent.atomic.AtomicReference;

import io.quarkiverse.twofactor.spi.StoreUnavailableException;
import io.smallrye.mutiny.Uni;
import io.smallrye.mutiny.subscription.UniEmitter;
import io.vertx.core.Context;
import io.vertx.core.Vertx;

/**
 * Turns at the Redis client's connections, first come first served, that a caller waits for without holding a thread:
 * a blocking caller awaits its turn, a reactive one is resumed when its turn comes, on the Vert.x context it asked on.
 * A caller that waits longer than its limit gives up with {@link StoreUnavailableException}.
 */
final class RedisTurns {

    private enum State {
        WAITING,
        GRANTED,
        GAVE_UP
    }

    /** A caller waiting for a turn, and where to resume it. */
    private record Waiter(UniEmitter<? super Void> emitter, Context context, AtomicReference<State> state) {

        void resume() {
            if (context == null) {
                emitter.complete(null);
            } else {
                context.runOnContext(ignored -> emitter.complete(null));
            }
        }
    }

    private final int size;
    private final Duration maxWait;
    private final Queue<Waiter> waiting = new ArrayDeque<>();
    private int taken;

    RedisTurns(int size, Duration maxWait) {
        this.size = size;
        this.maxWait = maxWait;
    }

    /** A turn, once the {@code Uni} emits; whoever takes it gives it back with {@link #give()}. */
    Uni<Void> take() {
        return Uni.createFrom().deferred(() -> {
            synchronized (this) {
                if (taken < size && waiting.isEmpty()) {
                    taken++;
                    return Uni.createFrom().voidItem();
                }
            }
            return waitForTurn();
        });
    }

    private Uni<Void> waitForTurn() {
        AtomicReference<State> state = new AtomicReference<>(State.WAITING);
        return Uni.createFrom().<Void> emitter(emitter -> {
            synchronized (this) {
                // A turn may have come back since the caller found none.
                if (taken >= size || !waiting.isEmpty()) {
                    waiting.add(new Waiter(emitter, Vertx.currentContext(), state));
                    return;
                }
                taken++;
                state.set(State.GRANTED);
            }
            emitter.complete(null);
        }).onCancellation().invoke(() -> {
            // A turn granted while this caller gave up is passed on, as if it had been taken and given back.
            if (!state.compareAndSet(State.WAITING, State.GAVE_UP)) {
                give();
            }
        }).ifNoItem().after(maxWait).failWith(() -> new StoreUnavailableException("Redis is too busy for the"
                + " two-factor store: every connection of the client's pool stayed in use for the client's timeout",
                null));
    }

    /** Gives a turn back: to the longest waiting caller, if one still waits. */
    void give() {
        Waiter next;
        synchronized (this) {
            do {
                next = waiting.poll();
            } while (next != null && !next.state().compareAndSet(State.WAITING, State.GRANTED));
            if (next == null) {
                taken--;
                return;
            }
        }
        next.resume();
    }
}
