package io.quarkiverse.twofactor.runtime;

import java.time.Duration;
import java.util.List;
import java.util.function.Consumer;

import org.jboss.logging.Logger;

import io.quarkiverse.twofactor.ConfirmationState;

/**
 * Tells every listener, each on its own: one that throws is logged at WARN, by class only, and the others and the
 * confirmer's call go on.
 */
final class ConfirmationListeners implements ConfirmationListener {

    private static final Logger LOG = Logger.getLogger(ConfirmationListeners.class);

    private final List<ConfirmationListener> listeners;

    ConfirmationListeners(List<ConfirmationListener> listeners) {
        this.listeners = List.copyOf(listeners);
    }

    @Override
    public void requested(ConfirmationState state) {
        each(listener -> listener.requested(state));
    }

    @Override
    public void requestRefused(String sender) {
        each(listener -> listener.requestRefused(sender));
    }

    @Override
    public void delivered(ConfirmationState state, boolean resend, Duration took) {
        each(listener -> listener.delivered(state, resend, took));
    }

    @Override
    public void deliveryFailed(ConfirmationState state, boolean resend, Duration took) {
        each(listener -> listener.deliveryFailed(state, resend, took));
    }

    @Override
    public void confirmed(ConfirmationState state) {
        each(listener -> listener.confirmed(state));
    }

    @Override
    public void wrongCode(ConfirmationState state) {
        each(listener -> listener.wrongCode(state));
    }

    @Override
    public void lockedOut(ConfirmationState state) {
        each(listener -> listener.lockedOut(state));
    }

    @Override
    public void confirmRefused(ConfirmationState state) {
        each(listener -> listener.confirmRefused(state));
    }

    @Override
    public void used(ConfirmationState state) {
        each(listener -> listener.used(state));
    }

    @Override
    public void useRefused(ConfirmationState state) {
        each(listener -> listener.useRefused(state));
    }

    private void each(Consumer<ConfirmationListener> call) {
        for (ConfirmationListener listener : listeners) {
            try {
                call.accept(listener);
            } catch (RuntimeException e) {
                // The exception's message could quote anything the listener saw: its class is enough to look further.
                LOG.warnf("The two-factor listener %s failed (%s); the confirmation goes on",
                        listener.getClass().getName(), e.getClass().getName());
                LOG.debug("The listener's failure", e);
            }
        }
    }
}
