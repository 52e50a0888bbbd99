package io.quarkiverse.twofactor.spi;

import java.time.Instant;
import java.util.Locale;
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
 * @param html the HTML body, for channels that show one (e-mail): the sender's HTML template in this language, or else
 *        the message as one escaped paragraph
 * @param locale the language the subject and the bodies are written in: the best match, among the languages the
 *        application offers, for the one asked for
 */
public record Delivery(UUID confirmationId, String recipient, String code, String subject, String message,
        Instant expiresAt,
        Map<String, Object> meta, String html, Locale locale) {

    @Override
    public String toString() {
        return "Delivery[confirmationId=" + confirmationId + ", expiresAt=" + expiresAt + "]";
    }
}
