package io.quarkiverse.twofactor;

import java.time.Duration;

/**
 * The sender already sent {@code quarkus.two-factor.senders."key".limits.max-sends} codes in its current budget
 * window, to all recipients together. Nothing was made or sent.
 */
public class SenderBudgetExhaustedException extends RuntimeException {

    private final String senderKey;
    private final Duration retryAfter;

    public SenderBudgetExhaustedException(String senderKey, Duration retryAfter) {
        super("Sender '" + senderKey + "' reached its send budget; retry in " + retryAfter.toSeconds() + " seconds");
        this.senderKey = senderKey;
        this.retryAfter = retryAfter;
    }

    public String senderKey() {
        return senderKey;
    }

    /** How long until the sender's budget window ends. */
    public Duration retryAfter() {
        return retryAfter;
    }
}
