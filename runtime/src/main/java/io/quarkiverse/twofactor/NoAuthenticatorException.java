package io.quarkiverse.twofactor;

/**
 * A confirmation was asked for with an authenticator app or a recovery code, and the owner has no verified app, or no
 * recovery code left.
 */
public class NoAuthenticatorException extends RuntimeException {

    public NoAuthenticatorException(String message) {
        super(message);
    }
}
