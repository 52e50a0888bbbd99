package io.quarkiverse.twofactor.runtime;

import java.time.Instant;
import java.util.Optional;

import io.quarkiverse.twofactor.ConfirmResult;
import io.quarkiverse.twofactor.ConfirmResult.Outcome;
import io.quarkiverse.twofactor.ConfirmationState;
import io.quarkiverse.twofactor.Status;
import io.quarkiverse.twofactor.spi.CodeAttempt;
import io.quarkiverse.twofactor.spi.StoredConfirmation;

/**
 * Turns what the store did in a confirm or use step, and the confirmation as read, into the confirmer's answer, and
 * tells the listeners. The blocking and the reactive confirmer both answer through it, so they answer alike whichever
 * way they reached the store.
 */
final class ConfirmAnswers {

    /** What a confirm call answered, and whether its wrong code used up the last attempt. */
    record Attempt(ConfirmResult result, boolean lockedOut) {

        Attempt(ConfirmResult result) {
            this(result, false);
        }
    }

    private final int maxAttempts;
    private final ConfirmationListener listeners;

    ConfirmAnswers(int maxAttempts, ConfirmationListener listeners) {
        this.maxAttempts = maxAttempts;
        this.listeners = listeners;
    }

    /** Tells the listeners what the confirm call did, once the store is done, and returns its answer. */
    ConfirmResult reported(Attempt attempt, boolean spend) {
        ConfirmResult result = attempt.result();
        switch (result.outcome()) {
            case CONFIRMED -> {
                ConfirmationState state = result.state();
                listeners.confirmed(withStatus(state, Status.CONFIRMED));
                if (state.status() == Status.USED) {
                    listeners.used(state);
                } else if (spend) {
                    // Only where the store's step is not one change: a concurrent use spent it between the two.
                    listeners.useRefused(state);
                    return new ConfirmResult(Outcome.NOT_PENDING, state, result.remainingAttempts());
                }
            }
            case WRONG_CODE -> listeners.wrongCode(result.state());
            case ATTEMPTS_EXHAUSTED -> {
                if (attempt.lockedOut()) {
                    listeners.lockedOut(result.state());
                } else {
                    listeners.confirmRefused(result.state());
                }
            }
            default -> listeners.confirmRefused(result.state());
        }
        return result;
    }

    /** The answer to a code the store confirmed the confirmation with, or counted as wrong. */
    Attempt answer(StoredConfirmation changed, Instant now) {
        ConfirmationState state = view(changed, now);
        int remaining = maxAttempts - changed.attempts();
        if (changed.status() == Status.CONFIRMED || changed.status() == Status.USED) {
            return new Attempt(new ConfirmResult(Outcome.CONFIRMED, state, remaining));
        }
        return remaining <= 0 ? new Attempt(new ConfirmResult(Outcome.ATTEMPTS_EXHAUSTED, state, 0), true)
                : new Attempt(new ConfirmResult(Outcome.WRONG_CODE, state, remaining));
    }

    /** Why a confirmation cannot be confirmed now, or {@code null} when it is pending. */
    Outcome refusal(Optional<StoredConfirmation> found, Instant now) {
        if (found.isEmpty()) {
            return Outcome.NOT_FOUND;
        }
        StoredConfirmation stored = found.get();
        Status status = stored.statusAt(now);
        if (status == Status.EXPIRED) {
            return Outcome.EXPIRED;
        }
        if (status == Status.FAILED && stored.attempts() >= maxAttempts) {
            return Outcome.ATTEMPTS_EXHAUSTED;
        }
        return status == Status.PENDING ? null : Outcome.NOT_PENDING;
    }

    /** The answer {@code outcome} with the confirmation as found, which counted nothing. */
    Attempt unchanged(Outcome outcome, Optional<StoredConfirmation> found, Instant now) {
        return new Attempt(result(outcome, found, now));
    }

    ConfirmResult result(Outcome outcome, Optional<StoredConfirmation> found, Instant now) {
        ConfirmationState state = found.map(stored -> view(stored, now)).orElse(null);
        int remaining = state == null ? 0 : Math.max(0, maxAttempts - state.attempts());
        return new ConfirmResult(outcome, state, remaining);
    }

    /** A confirm call the owner's or recipient's lockout refused before anything changed. */
    void lockedOutRefused(Optional<StoredConfirmation> found, Instant now) {
        listeners.confirmRefused(found.map(stored -> view(stored, now)).orElse(null));
    }

    /** The use step spent the confirmation. */
    void used(StoredConfirmation used, Instant now) {
        listeners.used(view(used, now));
    }

    /** A use call changed nothing; {@code found} is the confirmation as read, if any. */
    void useRefused(Optional<StoredConfirmation> found, Instant now) {
        listeners.useRefused(found.map(stored -> view(stored, now)).orElse(null));
    }

    /** A null owner stands for the calls made without one, which act on any confirmation. */
    static boolean isOwner(StoredConfirmation stored, String owner) {
        return owner == null || owner.equals(stored.owner());
    }

    /** Whether the confirmation is the one the attempt expects: its owner's and made for its purpose, when given. */
    static boolean isExpected(StoredConfirmation stored, CodeAttempt attempt) {
        return isOwner(stored, attempt.owner())
                && (attempt.purpose() == null || attempt.purpose().equals(stored.purpose()));
    }

    static ConfirmationState view(StoredConfirmation stored, Instant now) {
        return new ConfirmationState(stored.id(), stored.statusAt(now), stored.sender(), stored.recipient(),
                stored.owner(), stored.purpose(), stored.meta(), stored.attempts(), stored.createdAt(),
                stored.expiresAt(), stored.confirmedAt(), stored.delivery());
    }

    private static ConfirmationState withStatus(ConfirmationState state, Status status) {
        return new ConfirmationState(state.id(), status, state.sender(), state.recipient(), state.owner(),
                state.purpose(), state.meta(), state.attempts(), state.createdAt(), state.expiresAt(),
                state.confirmedAt());
    }
}
