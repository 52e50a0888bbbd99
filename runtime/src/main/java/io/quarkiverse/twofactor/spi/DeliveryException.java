package io.quarkiverse.twofactor.spi;

/**
 * A delivery failure classified by the backend, so the confirmer knows whether trying again can help.
 * A backend may also throw other exceptions: an {@link java.io.IOException} counts as transient, anything else as
 * permanent.
 */
public class DeliveryException extends Exception {

    public enum Kind {
        /** The provider may succeed later: connection refused, timeout, rate limit, server error. Retried. */
        TRANSIENT,
        /** The provider refused the message for good. Not retried. */
        PERMANENT,
        /** The provider refused this recipient (invalid or unreachable number or address). Not retried. */
        RECIPIENT_REJECTED
    }

    private final Kind kind;

    public DeliveryException(Kind kind, String message, Throwable cause) {
        super(message, cause);
        this.kind = kind;
    }

    public DeliveryException(Kind kind, String message) {
        this(kind, message, null);
    }

    public Kind kind() {
        return kind;
    }
}
