package io.quarkiverse.twofactor;

/**
 * A recipient that the chosen sender can never deliver to, refused before any confirmation is made.
 */
public class InvalidRecipientException extends IllegalArgumentException {

    public InvalidRecipientException(String message) {
        super(message);
    }
}
