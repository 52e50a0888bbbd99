package io.quarkiverse.twofactor.it.observability;

import java.util.List;
import java.util.Queue;
import java.util.UUID;
import java.util.concurrent.ConcurrentLinkedQueue;

import jakarta.enterprise.event.Observes;
import jakarta.enterprise.event.ObservesAsync;
import jakarta.inject.Singleton;

import io.quarkiverse.twofactor.ConfirmationEvent;

/**
 * An application's observers of both kinds, recording every event. For a confirmation whose meta holds
 * {@value #THROW}, both observers throw after recording, as a broken observer would.
 */
@Singleton
public class RecordedEvents {

    static final String THROW = "observer-throws";

    private final Queue<ConfirmationEvent> sync = new ConcurrentLinkedQueue<>();
    private final Queue<ConfirmationEvent> async = new ConcurrentLinkedQueue<>();

    void onEvent(@Observes ConfirmationEvent event) {
        sync.add(event);
        throwIfAsked(event);
    }

    void onEventAsync(@ObservesAsync ConfirmationEvent event) {
        async.add(event);
        throwIfAsked(event);
    }

    /** The events synchronous observers saw for this confirmation, in the order they came. */
    List<ConfirmationEvent> sync(UUID id) {
        return sync.stream().filter(event -> event.id().equals(id)).toList();
    }

    /** The events asynchronous observers saw for this confirmation, in the order they came. */
    List<ConfirmationEvent> async(UUID id) {
        return async.stream().filter(event -> event.id().equals(id)).toList();
    }

    private static void throwIfAsked(ConfirmationEvent event) {
        if (event.meta().containsKey(THROW)) {
            throw new IllegalStateException("an observer that fails on purpose");
        }
    }
}
