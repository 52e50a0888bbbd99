package io.quarkiverse.twofactor.spi;

import java.time.Instant;
import java.util.Collections;
import java.util.LinkedHashMap;
import java.util.Map;
import java.util.UUID;

import io.quarkiverse.twofactor.Binding;
import io.quarkiverse.twofactor.DeliveryStatus;
import io.quarkiverse.twofactor.Status;

/**
 * A confirmation as a store keeps it.
 *
 * @param id the id
 * @param status the stored status: never {@link Status#EXPIRED}, which is worked out when read
 * @param sender the sender key, or {@code null}
 * @param recipient the recipient, or {@code null}
 * @param owner the principal it belongs to, or {@code null}
 * @param purpose the action it unlocks, or {@code null}
 * @param meta the application's meta, as JSON values
 * @param codeHash the keyed hash of the current code, as lower-case hex
 * @param attempts wrong codes counted
 * @param createdAt when it was made
 * @param expiresAt when it stops being confirmable and usable
 * @param lastSentAt when the current code was issued
 * @param confirmedAt when it was confirmed, or {@code null}
 * @param usedAt when it was used, or {@code null}
 * @param delivery where its code's background delivery is, or {@code null} for a code delivered while the request
 *        waited
 */
public record StoredConfirmation(
        UUID id,
        Status status,
        String sender,
        String recipient,
        String owner,
        String purpose,
        Map<String, Object> meta,
        String codeHash,
        int attempts,
        Instant createdAt,
        Instant expiresAt,
        Instant lastSentAt,
        Instant confirmedAt,
        Instant usedAt,
        DeliveryStatus delivery) {

    public StoredConfirmation {
        meta = Collections.unmodifiableMap(new LinkedHashMap<>(meta));
    }

    /** A confirmation whose code is delivered while the request waits, so it has no delivery status. */
    public StoredConfirmation(UUID id, Status status, String sender, String recipient, String owner, String purpose,
            Map<String, Object> meta, String codeHash, int attempts, Instant createdAt, Instant expiresAt,
            Instant lastSentAt, Instant confirmedAt, Instant usedAt) {
        this(id, status, sender, recipient, owner, purpose, meta, codeHash, attempts, createdAt, expiresAt, lastSentAt,
                confirmedAt, usedAt, null);
    }

    /** The status at {@code now}: {@link Status#EXPIRED} for one pending or confirmed past its expiry. */
    public Status statusAt(Instant now) {
        boolean live = status == Status.PENDING || status == Status.CONFIRMED;
        return live && !expiresAt.isAfter(now) ? Status.EXPIRED : status;
    }

    /** Whether it belongs to {@code binding}'s owner and was made for its purpose; any binds when it is null. */
    public boolean isFor(Binding binding) {
        return binding == null || (binding.owner().equals(owner) && binding.purpose().equals(purpose));
    }

    /** This confirmation as the use step leaves it: used at {@code now}. */
    public StoredConfirmation usedAt(Instant now) {
        return new StoredConfirmation(id, Status.USED, sender, recipient, owner, purpose, meta, codeHash, attempts,
                createdAt, expiresAt, lastSentAt, confirmedAt, now, delivery);
    }

    @Override
    public String toString() {
        return "StoredConfirmation[id=" + id + ", status=" + status + ", sender=" + sender + ", attempts=" + attempts
                + ", expiresAt=" + expiresAt + "]";
    }
}
