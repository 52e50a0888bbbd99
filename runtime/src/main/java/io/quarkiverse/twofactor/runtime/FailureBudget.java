package io.quarkiverse.twofactor.runtime;

import java.time.Duration;
import java.time.Instant;

import io.quarkiverse.twofactor.TooManyFailuresException;
import io.quarkiverse.twofactor.spi.ConfirmationStore;
import io.quarkiverse.twofactor.spi.FailureCount;
import io.quarkiverse.twofactor.spi.FailureLimit;
import io.quarkiverse.twofactor.spi.StoredConfirmation;
import io.quarkus.runtime.configuration.ConfigurationException;

/**
 * The guesses an owner, or a recipient, has across all their confirmations: every wrong code counts against the
 * confirmation's owner, or its recipient when it has none, so that asking for new confirmations buys no new guesses.
 * After {@code limits.max-consecutive-failures} wrong codes without a right one, the subject is locked out until
 * {@code limits.failure-lockout} has passed since the last. A confirmation made without an owner or a recipient has no
 * subject and no budget beyond its own {@code max-attempts}.
 */
final class FailureBudget {

    static final String MAX_PROPERTY = "quarkus.two-factor.limits.max-consecutive-failures";
    static final String LOCKOUT_PROPERTY = "quarkus.two-factor.limits.failure-lockout";
    /** NIST SP 800-63B, 5.2.2: no more than 100 consecutive failed attempts on one account. */
    private static final int NIST_MAX = 100;

    private final ConfirmationStore store;
    private final CodeHasher hasher;
    private final int max;
    private final Duration lockout;
    private final FailureLimit limit;

    FailureBudget(ConfirmationStore store, CodeHasher hasher, TwoFactorConfig.LimitsConfig limits) {
        this.store = store;
        this.hasher = hasher;
        this.max = limits.maxConsecutiveFailures();
        this.lockout = limits.failureLockout();
        if (max < 1 || max > NIST_MAX) {
            throw new ConfigurationException(MAX_PROPERTY + " must be between 1 and " + NIST_MAX
                    + ": NIST SP 800-63B allows at most " + NIST_MAX + " consecutive wrong codes for one account");
        }
        if (lockout.isNegative() || lockout.isZero()) {
            throw new ConfigurationException(LOCKOUT_PROPERTY + " must be positive");
        }
        this.limit = new FailureLimit(this::subjectOf, max, lockout);
    }

    /** The budget as the store's compound steps take it. */
    FailureLimit limit() {
        return limit;
    }

    /** The key the confirmation's wrong codes count under, or {@code null} when it has no subject. */
    String subjectOf(StoredConfirmation confirmation) {
        if (confirmation.owner() != null) {
            return hasher.hashOwner(confirmation.owner());
        }
        return confirmation.recipient() == null ? null : hasher.hashRecipient(confirmation.recipient());
    }

    /**
     * The subject's failures so far, when it is not locked out.
     *
     * @throws TooManyFailuresException when it is
     */
    FailureCount checkOpen(String subject, Instant now) {
        if (subject == null) {
            return FailureCount.none();
        }
        return requireOpen(store.failures(subject), now);
    }

    /**
     * The subject's failures as read, when they do not lock it out.
     *
     * @throws TooManyFailuresException when they do
     */
    FailureCount requireOpen(FailureCount failures, Instant now) {
        if (limit.locksOut(failures, now)) {
            throw new TooManyFailuresException(limit.lockoutLeft(failures, now));
        }
        return failures;
    }

    /**
     * Counts a wrong code against the subject.
     *
     * @throws TooManyFailuresException when its budget is spent, by concurrent calls since it was checked; then
     *         nothing was counted
     */
    void countFailure(String subject, Instant now) {
        if (subject != null && !store.countFailure(subject, max, lockout, now)) {
            throw new TooManyFailuresException(limit.lockoutLeft(store.failures(subject), now));
        }
    }

    /** A right code: forgets the subject's failures, writing only when {@code before} shows some. */
    void succeeded(String subject, FailureCount before) {
        if (subject != null && before.count() > 0) {
            store.clearFailures(subject);
        }
    }
}
