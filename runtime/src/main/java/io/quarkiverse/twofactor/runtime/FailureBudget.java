package io.quarkiverse.twofactor.runtime;

import java.time.Duration;
import java.time.Instant;

import io.quarkiverse.twofactor.Binding;
import io.quarkiverse.twofactor.TooManyFailuresException;
import io.quarkiverse.twofactor.spi.ConfirmationStore;
import io.quarkiverse.twofactor.spi.FailureCount;
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
    }

    /** The key a new confirmation's wrong codes will count under, or {@code null} when it has no subject. */
    String subjectOf(Binding binding, String recipient) {
        return subject(binding == null ? null : binding.owner(), recipient);
    }

    /** The key the confirmation's wrong codes count under, or {@code null} when it has no subject. */
    String subjectOf(StoredConfirmation confirmation) {
        return subject(confirmation.owner(), confirmation.recipient());
    }

    private String subject(String owner, String recipient) {
        if (owner != null) {
            return hasher.hashOwner(owner);
        }
        return recipient == null ? null : hasher.hashRecipient(recipient);
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
        FailureCount failures = store.failures(subject);
        if (failures.count() >= max && lockoutEnd(failures).isAfter(now)) {
            throw new TooManyFailuresException(Duration.between(now, lockoutEnd(failures)));
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
            FailureCount failures = store.failures(subject);
            Duration left = failures.lastFailureAt() == null ? lockout : Duration.between(now, lockoutEnd(failures));
            throw new TooManyFailuresException(left.isNegative() ? Duration.ZERO : left);
        }
    }

    /** A right code: forgets the subject's failures, writing only when {@code before} shows some. */
    void succeeded(String subject, FailureCount before) {
        if (subject != null && before.count() > 0) {
            store.clearFailures(subject);
        }
    }

    private Instant lockoutEnd(FailureCount failures) {
        return failures.lastFailureAt().plus(lockout);
    }
}
