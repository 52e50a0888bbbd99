package io.quarkiverse.twofactor;

/**
 * The destination is not verified, so it cannot be the default.
 */
public class DestinationNotVerifiedException extends RuntimeException {

    public DestinationNotVerifiedException(String message) {
        super(message);
    }
}
