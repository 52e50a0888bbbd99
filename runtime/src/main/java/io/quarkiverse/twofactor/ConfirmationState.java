package io.quarkiverse.twofactor;

import java.time.Instant;
import java.util.Collections;
import java.util.LinkedHashMap;
import java.util.Map;
import java.util.UUID;

/**
 * A confirmation as the application sees it. It never carries the code or its hash.
 *
 * @param id the confirmation's id
 * @param status the status now; {@link Status#EXPIRED} for a pending or confirmed confirmation past {@code expiresAt}
 * @param sender the key of the sender that delivered the code, or {@code null} for one made without sending
 * @param recipient where the code was sent, or {@code null}
 * @param owner the principal the confirmation belongs to, or {@code null} for one made without a {@link Binding}
 * @param purpose the action it unlocks, or {@code null} for one made without a {@link Binding}
 * @param meta what the application attached when it made the confirmation: JSON values (strings, numbers, booleans,
 *        nulls, lists and maps of them)
 * @param attempts wrong codes given so far
 * @param createdAt when it was made
 * @param expiresAt when it stops being confirmable and usable
 * @param confirmedAt when the right code was given, or {@code null}
 * @param delivery where the code's background delivery is ({@code delivery.mode=async}), or {@code null} when the
 *        code was delivered while the request waited, or nothing was sent
 */
public record ConfirmationState(
        UUID id,
        Status status,
        String sender,
        String recipient,
        String owner,
        String purpose,
        Map<String, Object> meta,
        int attempts,
        Instant createdAt,
        Instant expiresAt,
        Instant confirmedAt,
        DeliveryStatus delivery) {

    public ConfirmationState {
        // Not Map.copyOf: a JSON null is a value here.
        meta = Collections.unmodifiableMap(new LinkedHashMap<>(meta));
    }

    /** A confirmation without a background delivery. */
    public ConfirmationState(UUID id, Status status, String sender, String recipient, String owner, String purpose,
            Map<String, Object> meta, int attempts, Instant createdAt, Instant expiresAt, Instant confirmedAt) {
        this(id, status, sender, recipient, owner, purpose, meta, attempts, createdAt, expiresAt, confirmedAt, null);
    }

    /** Whether the confirmation belongs to this owner; an unbound confirmation belongs to nobody. */
    public boolean ownedBy(String principal) {
        return owner != null && owner.equals(principal);
    }

    /** Whether the right code was given at some point. */
    public boolean confirmed() {
        return confirmedAt != null;
    }

    /** Whether {@link Confirmer#use(UUID)} would succeed now. */
    public boolean usable() {
        return status == Status.CONFIRMED;
    }
}
