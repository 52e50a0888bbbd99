package io.quarkiverse.twofactor;

import java.time.Instant;
import java.util.UUID;

/**
 * A place where a user receives codes: a recipient reached through one sender.
 *
 * @param id the destination's id
 * @param owner the principal it belongs to
 * @param sender the key of the sender that delivers to it
 * @param recipient the phone number or address, in full: show {@link #maskedRecipient()} instead
 * @param verified whether the owner proved they receive codes there
 * @param isDefault whether codes for the owner go there when a request names only the sender
 * @param createdAt when it was added
 */
public record Destination(UUID id, String owner, String sender, String recipient, boolean verified, boolean isDefault,
        Instant createdAt) {

    /** The recipient with most of it hidden, for listings: {@code +1•••••4567}, {@code a•••@example.com}. */
    public String maskedRecipient() {
        return RecipientMask.mask(recipient);
    }

    @Override
    public String toString() {
        return "Destination[id=" + id + ", sender=" + sender + ", recipient=" + maskedRecipient() + ", verified="
                + verified + ", isDefault=" + isDefault + "]";
    }
}
