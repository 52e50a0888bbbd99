package io.quarkiverse.twofactor.spi;

import java.time.Instant;
import java.util.Map;
import java.util.UUID;

/**
 * One code to deliver.
 *
 * @param confirmationId the confirmation the code belongs to
 * @param recipient where to deliver
 * @param code the plain code
 * @param subject the subject, for channels whose messages have one
 * @param message the text to deliver, the code included
 * @param expiresAt when the code stops working
 * @param meta what the application attached to the confirmation, as JSON values
 */
public record Delivery(UUID confirmationId, String recipient, String code, String subject, String message,
        Instant expiresAt,
        Map<String, Object> meta) {

    @Override
    public String toString() {
        return "Delivery[confirmationId=" + confirmationId + ", expiresAt=" + expiresAt + "]";
    }
}
