package io.quarkiverse.twofactor;

import java.time.Duration;

/**
 * The sender already has {@code quarkus.two-factor.senders."key".delivery.max-concurrent} deliveries in flight and
 * {@code delivery.max-queued} waiting. Nothing was made, counted or sent; the caller may try again after
 * {@link #retryAfter()}.
 */
public class SenderBusyException extends RuntimeException {

    private final String senderKey;
    private final Duration retryAfter;

    public SenderBusyException(String senderKey, Duration retryAfter) {
        super("Sender '" + senderKey + "' has no room for another delivery now");
        this.senderKey = senderKey;
        this.retryAfter = retryAfter;
    }

    public String senderKey() {
        return senderKey;
    }

    /** A short wait after which the sender may have room again. */
    public Duration retryAfter() {
        return retryAfter;
    }
}
