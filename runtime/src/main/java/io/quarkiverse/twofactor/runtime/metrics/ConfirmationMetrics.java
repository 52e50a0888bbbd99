package io.quarkiverse.twofactor.runtime.metrics;

import java.time.Duration;
import java.util.Map;

import jakarta.inject.Inject;
import jakarta.inject.Singleton;

import io.micrometer.core.instrument.Counter;
import io.micrometer.core.instrument.MeterRegistry;
import io.micrometer.core.instrument.Timer;
import io.quarkiverse.twofactor.ConfirmationState;
import io.quarkiverse.twofactor.runtime.ConfirmationListener;

/**
 * Counts what the confirmer does in Micrometer meters named {@code two.factor.*}, tagged by sender key and outcome,
 * and times deliveries per sender. Tags take only configured sender keys and fixed outcome names, never a recipient,
 * an owner or an id, so their number stays small. Registered only when the application has Micrometer.
 */
@Singleton
public class ConfirmationMetrics implements ConfirmationListener {

    static final String REQUESTS = "two.factor.requests";
    static final String DELIVERIES = "two.factor.deliveries";
    static final String DELIVERY_TIME = "two.factor.delivery";
    static final String CONFIRMS = "two.factor.confirms";
    static final String WRONG_CODES = "two.factor.wrong.codes";
    static final String LOCKOUTS = "two.factor.lockouts";
    static final String USES = "two.factor.uses";
    /** The sender tag of a confirmation made without a sender, or of one that was not found. */
    static final String NO_SENDER = "none";

    private static final Map<String, String> DESCRIPTIONS = Map.of(
            REQUESTS, "Requests for a code, by outcome: sent, refused by the send limit, failed to deliver",
            DELIVERIES, "Codes handed to a sender's backend, first sends and resends, by outcome: delivered, failed",
            CONFIRMS, "Confirm calls that counted no wrong code, by outcome: confirmed, or refused (unknown, expired,"
                    + " no longer pending, already locked)",
            USES, "Use calls, by outcome: used, or refused (unknown, not confirmed, expired, not the one expected)");

    private final MeterRegistry registry;

    @Inject
    ConfirmationMetrics(MeterRegistry registry) {
        this.registry = registry;
    }

    @Override
    public void requestRefused(String sender) {
        count(REQUESTS, sender, "refused");
    }

    @Override
    public void delivered(ConfirmationState state, boolean resend, Duration took) {
        delivery(state, resend, took, "delivered", "sent");
    }

    @Override
    public void deliveryFailed(ConfirmationState state, boolean resend, Duration took) {
        delivery(state, resend, took, "failed", "failed");
    }

    @Override
    public void confirmed(ConfirmationState state) {
        count(CONFIRMS, sender(state), "confirmed");
    }

    @Override
    public void confirmRefused(ConfirmationState state) {
        count(CONFIRMS, sender(state), "refused");
    }

    @Override
    public void wrongCode(ConfirmationState state) {
        wrong(state);
    }

    @Override
    public void lockedOut(ConfirmationState state) {
        wrong(state);
        Counter.builder(LOCKOUTS).description("Confirmations failed for good by a wrong code on their last attempt")
                .tag("sender", sender(state)).register(registry).increment();
    }

    @Override
    public void used(ConfirmationState state) {
        count(USES, sender(state), "used");
    }

    @Override
    public void useRefused(ConfirmationState state) {
        count(USES, sender(state), "refused");
    }

    private void delivery(ConfirmationState state, boolean resend, Duration took, String outcome,
            String requestOutcome) {
        String sender = sender(state);
        Timer.builder(DELIVERY_TIME).description("Time taken to hand a code to the sender's backend, retries included")
                .tag("sender", sender).register(registry).record(took);
        count(DELIVERIES, sender, outcome);
        if (!resend) {
            count(REQUESTS, sender, requestOutcome);
        }
    }

    private void wrong(ConfirmationState state) {
        Counter.builder(WRONG_CODES).description("Wrong codes counted against a confirmation, the last one included")
                .tag("sender", sender(state)).register(registry).increment();
    }

    private void count(String name, String sender, String outcome) {
        Counter.builder(name).description(DESCRIPTIONS.get(name)).tag("sender", sender).tag("outcome", outcome)
                .register(registry).increment();
    }

    private static String sender(ConfirmationState state) {
        return state == null || state.sender() == null ? NO_SENDER : state.sender();
    }
}
