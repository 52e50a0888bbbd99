package io.quarkiverse.twofactor.spi;

/**
 * A store cannot be reached right now (connection refused, timeout). The REST endpoints answer 503.
 */
public class StoreUnavailableException extends RuntimeException {

    public StoreUnavailableException(String message, Throwable cause) {
        super(message, cause);
    }
}
