package io.quarkiverse.twofactor.runtime;

import java.time.Duration;
import java.time.Instant;

import jakarta.enterprise.event.Event;
import jakarta.inject.Inject;
import jakarta.inject.Singleton;

import org.jboss.logging.Logger;

import io.quarkiverse.twofactor.ConfirmationEvent;
import io.quarkiverse.twofactor.ConfirmationEvent.Kind;
import io.quarkiverse.twofactor.ConfirmationState;

/**
 * Fires a {@link ConfirmationEvent} for each change, to synchronous observers and then to asynchronous ones. A failing
 * synchronous observer is logged at WARN with the event's kind and id only, and the confirmer's call goes on; the
 * container logs failing asynchronous ones.
 */
@Singleton
public class CdiConfirmationEvents implements ConfirmationListener {

    private static final Logger LOG = Logger.getLogger(CdiConfirmationEvents.class);

    private final Event<ConfirmationEvent> events;

    @Inject
    CdiConfirmationEvents(Event<ConfirmationEvent> events) {
        this.events = events;
    }

    @Override
    public void requested(ConfirmationState state) {
        fire(Kind.REQUESTED, state);
    }

    @Override
    public void delivered(ConfirmationState state, boolean resend, Duration took) {
        fire(Kind.DELIVERED, state);
    }

    @Override
    public void deliveryFailed(ConfirmationState state, boolean resend, Duration took) {
        fire(Kind.DELIVERY_FAILED, state);
    }

    @Override
    public void confirmed(ConfirmationState state) {
        fire(Kind.CONFIRMED, state);
    }

    @Override
    public void wrongCode(ConfirmationState state) {
        fire(Kind.WRONG_CODE, state);
    }

    @Override
    public void lockedOut(ConfirmationState state) {
        fire(Kind.LOCKED_OUT, state);
    }

    @Override
    public void used(ConfirmationState state) {
        fire(Kind.USED, state);
    }

    private void fire(Kind kind, ConfirmationState state) {
        // This JVM's clock, as a log line's: the event is compared with no stored time, and asking the store's clock
        // could fail a call whose change the store has already applied.
        ConfirmationEvent event = new ConfirmationEvent(kind, state.id(), state.sender(), state.owner(),
                state.purpose(), state.meta(), state.attempts(), Instant.now());
        try {
            events.fire(event);
        } catch (RuntimeException e) {
            // The exception's message could quote anything the observer saw: its class is enough to look further.
            LOG.warnf("An observer of the %s event of confirmation %s failed (%s); the confirmation goes on", kind,
                    event.id(), e.getClass().getName());
            LOG.debug("The observer's failure", e);
        }
        // The container reports what asynchronous observers throw, through its AsyncObserverExceptionHandler.
        events.fireAsync(event);
    }
}
