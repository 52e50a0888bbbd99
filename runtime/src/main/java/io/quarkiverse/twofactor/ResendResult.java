package io.quarkiverse.twofactor;

import java.time.Duration;

/**
 * What {@link Confirmer#resend(java.util.UUID)} did.
 *
 * @param outcome what happened
 * @param state the confirmation after the call, or {@code null} when it was not found
 * @param code the new plain code when it was sent, otherwise {@code null}
 * @param retryAfter how long to wait before the next resend when refused by the cooldown, otherwise zero
 */
public record ResendResult(Outcome outcome, ConfirmationState state, String code, Duration retryAfter) {

    public enum Outcome {
        /** A new code was sent; the old one no longer works. */
        SENT,
        /** No confirmation has this id. */
        NOT_FOUND,
        /** The confirmation is past its expiry time. */
        EXPIRED,
        /** The confirmation is not pending (confirmed, used or failed). */
        NOT_PENDING,
        /** The confirmation was made with {@link Confirmer#make}, without a sender to resend through. */
        NO_SENDER,
        /** The last code was sent less than the cooldown ago. */
        COOLDOWN
    }

    @Override
    public String toString() {
        return "ResendResult[outcome=" + outcome + ", state=" + state + ", retryAfter=" + retryAfter + "]";
    }
}
