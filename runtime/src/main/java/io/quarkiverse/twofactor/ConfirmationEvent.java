package io.quarkiverse.twofactor;

import java.time.Instant;
import java.util.Map;
import java.util.UUID;

/**
 * Something that happened to a confirmation, fired as a CDI event both synchronously and asynchronously, so that an
 * application can write an audit trail with {@code @Observes} or {@code @ObservesAsync}:
 *
 * <pre>
 * void audit(&#64;ObservesAsync ConfirmationEvent event) {
 *     LOG.infof("%s %s owner=%s sender=%s", event.kind(), event.id(), event.owner(), event.sender());
 * }
 * </pre>
 *
 * It never carries the code, its hash or the recipient. An observer that throws is logged and does not change the
 * outcome of the call that fired the event. Synchronous observers run on the caller's thread once the store has
 * applied the change; {@code make} and {@code use} may have applied it in the caller's transaction, which an observer
 * with {@code during = TransactionPhase.AFTER_SUCCESS} waits for.
 *
 * @param kind what happened
 * @param id the confirmation's id
 * @param sender the key of the sender, or {@code null} for a confirmation made without sending
 * @param owner the principal it belongs to, or {@code null} for one made without a {@link Binding}
 * @param purpose the action it unlocks, or {@code null} for one made without a {@link Binding}
 * @param meta what the application attached when it made the confirmation
 * @param attempts wrong codes given so far
 * @param at when the confirmer reported it
 */
public record ConfirmationEvent(Kind kind, UUID id, String sender, String owner, String purpose,
        Map<String, Object> meta, int attempts, Instant at) {

    /** What happened to the confirmation; a confirmation goes through several in its life. */
    public enum Kind {
        /** A confirmation was made: requested with a sender, or made for the application to deliver itself. */
        REQUESTED,
        /** A code (the first, or a resent one) was handed to the sender's backend. */
        DELIVERED,
        /** The sender failed to deliver a code; the confirmation is failed. */
        DELIVERY_FAILED,
        /** The right code was given. */
        CONFIRMED,
        /** A wrong code was given, and attempts remain. */
        WRONG_CODE,
        /** A wrong code used up the last attempt; the confirmation is failed for good. */
        LOCKED_OUT,
        /** The confirmed confirmation was spent on the action it unlocks. */
        USED
    }

    public ConfirmationEvent {
        meta = meta == null ? Map.of() : meta;
    }
}
