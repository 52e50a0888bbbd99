package io.quarkiverse.twofactor.runtime;

import java.time.Duration;

import io.quarkiverse.twofactor.ConfirmationState;

/**
 * What the confirmer tells about the confirmations it handles, once each change is applied: the CDI events and the
 * metrics listen here. Every method does nothing by default. A listener must be quick and must not call the confirmer;
 * what it throws is logged and ignored.
 */
public interface ConfirmationListener {

    /** A confirmation was made, with a sender or for the application to deliver. */
    default void requested(ConfirmationState state) {
    }

    /**
     * The send limit, or the lockout of an owner or recipient who gave too many wrong codes, refused a request to this
     * sender: nothing was made or sent.
     */
    default void requestRefused(String sender) {
    }

    /** The sender's backend took the code of a request, or of a resend, after {@code took}. */
    default void delivered(ConfirmationState state, boolean resend, Duration took) {
    }

    /** The sender failed to deliver the code of a request, or of a resend, after {@code took}. */
    default void deliveryFailed(ConfirmationState state, boolean resend, Duration took) {
    }

    /** The right code was given. */
    default void confirmed(ConfirmationState state) {
    }

    /** A wrong code was given; attempts remain. */
    default void wrongCode(ConfirmationState state) {
    }

    /** A wrong code used up the last attempt. */
    default void lockedOut(ConfirmationState state) {
    }

    /**
     * A confirm call changed nothing: the confirmation is unknown, expired, no longer pending or already locked, or
     * its owner or recipient is locked out after too many wrong codes.
     *
     * @param state the confirmation, or {@code null} when none has the id
     */
    default void confirmRefused(ConfirmationState state) {
    }

    /** The confirmation was spent. */
    default void used(ConfirmationState state) {
    }

    /**
     * A use call changed nothing: the confirmation is unknown, not confirmed, expired, or not the one expected.
     *
     * @param state the confirmation, or {@code null} when none has the id
     */
    default void useRefused(ConfirmationState state) {
    }
}
