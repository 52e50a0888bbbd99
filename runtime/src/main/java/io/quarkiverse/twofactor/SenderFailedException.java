package io.quarkiverse.twofactor;

import java.util.UUID;

/**
 * A sender backend could not deliver a code. The confirmation it was for is left {@link Status#FAILED}.
 * The message names the sender key, never the recipient, code or credentials.
 */
public class SenderFailedException extends RuntimeException {

    private final String senderKey;
    private final UUID confirmationId;

    public SenderFailedException(String senderKey, UUID confirmationId, Throwable cause) {
        super("Sender '" + senderKey + "' failed to deliver the code of confirmation " + confirmationId, cause);
        this.senderKey = senderKey;
        this.confirmationId = confirmationId;
    }

    public String senderKey() {
        return senderKey;
    }

    public UUID confirmationId() {
        return confirmationId;
    }
}
