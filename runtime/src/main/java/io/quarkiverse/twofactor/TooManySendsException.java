package io.quarkiverse.twofactor;

import java.time.Duration;

/**
 * The recipient already received {@code quarkus.two-factor.limits.sends-per-window} codes within the last
 * {@code limits.window}. Nothing was made or sent; {@link #retryAfter()} says when the oldest of them stops counting.
 */
public class TooManySendsException extends RuntimeException {

    private final Duration retryAfter;

    public TooManySendsException(Duration retryAfter) {
        super("Too many codes were sent to this recipient; retry in " + retryAfter.toSeconds() + " seconds");
        this.retryAfter = retryAfter;
    }

    public Duration retryAfter() {
        return retryAfter;
    }
}
