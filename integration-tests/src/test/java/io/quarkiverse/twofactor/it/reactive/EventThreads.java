package io.quarkiverse.twofactor.it.reactive;

import java.util.List;
import java.util.Queue;
import java.util.UUID;
import java.util.concurrent.ConcurrentLinkedQueue;

import jakarta.enterprise.event.Observes;
import jakarta.inject.Singleton;

import io.quarkiverse.twofactor.ConfirmationEvent;
import io.vertx.core.Context;

/**
 * Records the thread each confirmation event was fired on. The confirmer fires its synchronous events on the thread
 * doing its work, right after each store change, so this is where that work ran.
 */
@Singleton
public class EventThreads {

    /** One event and the thread that fired it. */
    public record Fired(UUID id, ConfirmationEvent.Kind kind, String thread, boolean onEventLoop) {
    }

    private final Queue<Fired> fired = new ConcurrentLinkedQueue<>();

    void record(@Observes ConfirmationEvent event) {
        fired.add(new Fired(event.id(), event.kind(), Thread.currentThread().getName(), Context.isOnEventLoopThread()));
    }

    /** The events fired for this confirmation, in order. */
    public List<Fired> of(UUID id) {
        return fired.stream().filter(event -> event.id().equals(id)).toList();
    }
}
