package io.quarkiverse.twofactor;

/**
 * Where the delivery of a confirmation's code is, for a sender that delivers in the background
 * ({@code quarkus.two-factor.senders."key".delivery.mode=async}). A sender that delivers while the request waits has
 * sent the code, or failed the confirmation, before the request returns, so its confirmations carry none.
 */
public enum DeliveryStatus {
    /** The code waits for, or is in, its delivery. */
    QUEUED,
    /** The sender's backend took the code. */
    SENT,
    /** The code could not be delivered before the sender's deadline; the confirmation is failed. */
    FAILED;

    /** The lower-case name used in JSON and in the documentation. */
    public String label() {
        return name().toLowerCase(java.util.Locale.ROOT);
    }
}
