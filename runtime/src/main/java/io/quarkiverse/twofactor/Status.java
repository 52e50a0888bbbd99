package io.quarkiverse.twofactor;

/**
 * Where a confirmation is in its life.
 */
public enum Status {
    /** A code was issued and has not been confirmed yet. */
    PENDING,
    /** The right code was given; the confirmation can be used once. */
    CONFIRMED,
    /** The confirmation was spent by the protected action. */
    USED,
    /** The confirmation passed its expiry time while pending or confirmed. */
    EXPIRED,
    /** Delivery failed or too many wrong codes were given; it can never be confirmed. */
    FAILED;

    /** The lower-case name used in JSON and in the documentation. */
    public String label() {
        return name().toLowerCase(java.util.Locale.ROOT);
    }
}
