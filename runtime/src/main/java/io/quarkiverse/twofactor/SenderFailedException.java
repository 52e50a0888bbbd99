package io.quarkiverse.twofactor;

import java.util.UUID;

/**
 * A sender backend could not deliver a code. The confirmation it was for is left {@link Status#FAILED}.
 * The message names the sender key, never the recipient, code or credentials.
 */
public class SenderFailedException extends RuntimeException {

    private final String senderKey;
    private final UUID confirmationId;
    private final boolean recipientRejected;

    public SenderFailedException(String senderKey, UUID confirmationId, boolean recipientRejected, Throwable cause) {
        super("Sender '" + senderKey + "' failed to deliver the code of confirmation " + confirmationId
                + (recipientRejected ? ": the provider rejected the recipient" : ""), cause);
        this.senderKey = senderKey;
        this.confirmationId = confirmationId;
        this.recipientRejected = recipientRejected;
    }

    public String senderKey() {
        return senderKey;
    }

    public UUID confirmationId() {
        return confirmationId;
    }

    /** Whether the provider refused the recipient itself, so asking again with the same recipient cannot help. */
    public boolean recipientRejected() {
        return recipientRejected;
    }
}
