package io.quarkiverse.twofactor;

/**
 * What {@link Confirmer#confirm(java.util.UUID, String)} did.
 *
 * @param outcome what happened
 * @param state the confirmation after the call, or {@code null} when it was not found
 * @param remainingAttempts wrong codes still accepted before the confirmation fails
 */
public record ConfirmResult(Outcome outcome, ConfirmationState state, int remainingAttempts) {

    public enum Outcome {
        /** The code matched; the confirmation is now confirmed (used, when confirmed and used in one step). */
        CONFIRMED,
        /** The code did not match; one attempt was counted. */
        WRONG_CODE,
        /** No confirmation has this id. */
        NOT_FOUND,
        /** The confirmation is past its expiry time. */
        EXPIRED,
        /** The confirmation is not pending (already confirmed, used, or failed delivery). */
        NOT_PENDING,
        /** Too many wrong codes were given; the confirmation failed for good. */
        ATTEMPTS_EXHAUSTED
    }
}
