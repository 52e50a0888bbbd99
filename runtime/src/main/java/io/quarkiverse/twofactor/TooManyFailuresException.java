package io.quarkiverse.twofactor;

import java.time.Duration;

/**
 * The owner, or else the recipient, of the confirmation gave {@code quarkus.two-factor.limits.max-consecutive-failures}
 * wrong codes without a right one in between, the last less than {@code limits.failure-lockout} ago. Nothing was made,
 * sent or counted.
 */
public class TooManyFailuresException extends RuntimeException {

    private final Duration retryAfter;

    public TooManyFailuresException(Duration retryAfter) {
        super("Too many wrong codes were given for this user or recipient; retry in " + retryAfter.toSeconds()
                + " seconds");
        this.retryAfter = retryAfter;
    }

    /** How long until the lockout ends. */
    public Duration retryAfter() {
        return retryAfter;
    }
}
