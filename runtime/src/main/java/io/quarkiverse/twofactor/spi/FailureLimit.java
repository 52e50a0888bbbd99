package io.quarkiverse.twofactor.spi;

import java.time.Duration;
import java.time.Instant;
import java.util.function.Function;

/**
 * How wrong codes count against the subject of a confirmation (its owner, or its recipient when it has none), as the
 * compound steps of {@link ConfirmationStore} are given it: at {@code max} consecutive wrong codes, the subject is
 * locked out until {@code lockout} has passed since the last.
 *
 * @param subjectOf the keyed hash a confirmation's wrong codes count under, or {@code null} when it has no subject;
 *        a store that keeps it beside the confirmation computes it once, when the confirmation is made
 * @param max wrong codes without a right one before the subject is locked out
 * @param lockout how long the lockout lasts after the last wrong code
 */
public record FailureLimit(Function<StoredConfirmation, String> subjectOf, int max, Duration lockout) {

    /** Whether these failures lock their subject out at {@code now}. */
    public boolean locksOut(FailureCount failures, Instant now) {
        return failures.count() >= max && lockoutEnd(failures).isAfter(now);
    }

    /** How long the lockout these failures set still lasts at {@code now}; never negative. */
    public Duration lockoutLeft(FailureCount failures, Instant now) {
        if (failures.lastFailureAt() == null) {
            return lockout;
        }
        Duration left = Duration.between(now, lockoutEnd(failures));
        return left.isNegative() ? Duration.ZERO : left;
    }

    private Instant lockoutEnd(FailureCount failures) {
        return failures.lastFailureAt().plus(lockout);
    }
}
