package io.quarkiverse.twofactor;

/**
 * The owner has no verified destination to send the code to.
 */
public class NoDestinationException extends RuntimeException {

    public NoDestinationException(String message) {
        super(message);
    }
}
