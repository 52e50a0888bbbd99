package io.quarkiverse.twofactor;

/**
 * The owner already has this recipient for this sender.
 */
public class DestinationExistsException extends RuntimeException {

    public DestinationExistsException(String message) {
        super(message);
    }
}
