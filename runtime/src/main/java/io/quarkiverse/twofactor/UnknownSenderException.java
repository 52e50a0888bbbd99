package io.quarkiverse.twofactor;

/**
 * A request named a sender key that is not configured.
 */
public class UnknownSenderException extends IllegalArgumentException {

    private final String senderKey;

    public UnknownSenderException(String senderKey) {
        super("No sender is configured under the key '" + senderKey + "'");
        this.senderKey = senderKey;
    }

    public String senderKey() {
        return senderKey;
    }
}
