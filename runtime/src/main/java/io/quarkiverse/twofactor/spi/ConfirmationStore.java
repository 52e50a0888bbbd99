package io.quarkiverse.twofactor.spi;

import java.time.Duration;
import java.time.Instant;
import java.util.List;
import java.util.Optional;
import java.util.UUID;
import java.util.function.Supplier;

import io.quarkiverse.twofactor.DeliveryStatus;
import io.quarkiverse.twofactor.Binding;
import io.quarkiverse.twofactor.Status;

/**
 * Keeps confirmations. Every method that changes a confirmation is one atomic conditional update: it applies only when
 * its conditions hold at the moment of writing, and says whether it applied. The confirmer relies on this to keep its
 * guarantees under concurrency; a store must never read, decide and then write.
 * <p>
 * The confirmer runs each step of a flow (request, confirm, use) through one compound method
 * ({@link #createIfAllowed}, {@link #confirmOrCount}, {@link #useReturning}). Their defaults compose the fine-grained
 * methods in one unit ({@link #inOneUnit}); a store may override them to do each step in one statement or script.
 */
public interface ConfirmationStore {

    /**
     * The name {@code quarkus.two-factor.store} selects this store by. Built-in: {@code hibernate-orm},
     * {@code memory}, {@code redis}.
     */
    String name();

    /**
     * Runs the store calls of one confirmer operation (request, confirm, resend) as one unit of work. A store with
     * transactions runs each unit in a transaction of its own, never the caller's, so an operation costs one commit
     * rather than one per call, a unit that throws leaves none of its changes, and what a unit counted (a send, a wrong
     * attempt) stays counted whatever the caller's transaction does later. Each call keeps its own conditions either
     * way. The default runs the calls as they come.
     */
    default <T> T inOneUnit(Supplier<T> calls) {
        return calls.get();
    }

    /**
     * Checks, cheaply, that the store can serve now: one short round trip to its database or server. Returns when it
     * can; throws {@link StoreUnavailableException} when it cannot, with a message fit for a health report, which names
     * what does not answer but never an address, a user, a password or a recipient. The readiness check
     * {@code two-factor-store} calls it. The default returns at once, right for a store that keeps its data in the
     * application.
     */
    default void probe() {
    }

    /**
     * The time on the store's own clock: the one clock that every replica judges expiry, cooldowns and send windows
     * on, so that a replica whose clock is off can neither revive an expired code nor reset a recipient's limit. The
     * confirmer asks for it now and then, not on every call, and counts the time elapsed since on this JVM's monotonic
     * clock; the {@code now} every other method is given comes from there. Throws {@link StoreUnavailableException}
     * when the store cannot answer. The default answers this JVM's clock, right for a store that keeps its data in the
     * application, and for one whose server has no clock to ask.
     */
    default Instant currentTime() {
        return Instant.now();
    }

    /**
     * The same store reached without blocking, for the reactive confirmer's check, confirm and use steps; empty when
     * this store has no non-blocking client, which is the default: the reactive confirmer then runs those steps on a
     * worker thread through this interface.
     */
    default Optional<ReactiveConfirmationStore> reactive() {
        return Optional.empty();
    }

    /** Stores a new confirmation. */
    void create(StoredConfirmation confirmation);

    /**
     * The request step: stores a new confirmation unless its subject is locked out ({@code failures}), or, when
     * {@code sends} is given, the send limit refuses its recipient; an allowed send is counted as by
     * {@link #countRecentSend}, at the confirmation's {@code createdAt}. A refused confirmation is not stored and its
     * send not counted. Atomic like the methods it composes: concurrent requests never get more sends allowed than the
     * limit. The default runs {@link #failures}, {@link #countRecentSend} and {@link #create} in one unit.
     *
     * @param sends the limit the send counts under, or {@code null} when nothing is sent
     */
    default CreateResult createIfAllowed(StoredConfirmation confirmation, FailureLimit failures, SendLimit sends) {
        Instant now = confirmation.createdAt();
        return inOneUnit(() -> {
            String subject = failures.subjectOf().apply(confirmation);
            FailureCount counted = subject == null ? FailureCount.none() : failures(subject);
            if (failures.locksOut(counted, now)) {
                return CreateResult.refused(CreateResult.Refusal.LOCKED_OUT, failures.lockoutLeft(counted, now));
            }
            if (sends != null) {
                SendWindow window = countRecentSend(sends.key(), sends.limit(), sends.window(), now);
                if (!window.allowed()) {
                    return CreateResult.refused(CreateResult.Refusal.TOO_MANY_SENDS, window.retryAfter());
                }
            }
            create(confirmation);
            return CreateResult.created();
        });
    }

    /**
     * The confirm step, as one atomic change: when the attempt {@linkplain CodeAttempt#appliesTo applies} to the
     * confirmation and its subject is not locked out, a right code confirms it at {@code now} (and with
     * {@link CodeAttempt#spend()} uses it too) and forgets the subject's failures, writing them only when there are
     * some; a wrong code counts one attempt as {@link #countWrongAttempt} and one failure as {@link #countFailure}.
     * Concurrent attempts never confirm twice nor count more attempts than allowed.
     *
     * @return the confirmation as the step left it: {@link Status#CONFIRMED} or {@link Status#USED} for a right code,
     *         its counted attempts for a wrong one; empty when nothing changed (unknown, not the one expected, not
     *         pending, expired, out of attempts, its code checked elsewhere, or its subject locked out)
     */
    default Optional<StoredConfirmation> confirmOrCount(CodeAttempt attempt, Instant now) {
        return inOneUnit(() -> {
            Optional<StoredConfirmation> found = find(attempt.id()).filter(c -> attempt.appliesTo(c, now));
            if (found.isEmpty()) {
                return Optional.empty();
            }
            StoredConfirmation c = found.get();
            FailureLimit limit = attempt.failures();
            String subject = limit.subjectOf().apply(c);
            FailureCount counted = subject == null ? FailureCount.none() : failures(subject);
            if (limit.locksOut(counted, now)) {
                return Optional.empty();
            }
            if (attempt.matches(c)) {
                if (!confirm(c.id(), c.codeHash(), attempt.maxAttempts(), now)) {
                    return Optional.empty();
                }
                if (counted.count() > 0) {
                    clearFailures(subject);
                }
                boolean used = attempt.spend() && use(c.id(), now);
                return Optional.of(attempt.confirmed(c, used, now));
            }
            // The subject's budget first: a wrong code it refuses counts nowhere.
            if (subject != null && !countFailure(subject, limit.max(), limit.lockout(), now)) {
                return Optional.empty();
            }
            int attempts = countWrongAttempt(c.id(), attempt.maxAttempts(), now);
            if (attempts == 0) {
                return Optional.empty();
            }
            return Optional.of(attempt.counted(c, attempts));
        });
    }

    /**
     * The use step: a confirmed, unexpired confirmation that belongs to {@code binding}'s owner and was made for its
     * purpose (any, when {@code binding} is {@code null}) becomes used at {@code now}, as by {@link #use}.
     *
     * @return the confirmation as used; empty when nothing changed
     */
    default Optional<StoredConfirmation> useReturning(UUID id, Binding binding, Instant now) {
        Optional<StoredConfirmation> found = find(id).filter(c -> c.isFor(binding));
        // Owner and purpose never change once made, so reading them first cannot race with the conditional use.
        if (found.isEmpty() || !use(id, now)) {
            return Optional.empty();
        }
        return Optional.of(found.get().usedAt(now));
    }

    /** The confirmation with this id, if any. */
    Optional<StoredConfirmation> find(UUID id);

    /**
     * Pending, {@code expiresAt} after {@code now}, fewer than {@code maxAttempts} attempts and hash equal to
     * {@code codeHash}: becomes confirmed at {@code now}.
     */
    boolean confirm(UUID id, String codeHash, int maxAttempts, Instant now);

    /**
     * Pending, {@code expiresAt} after {@code now} and fewer than {@code maxAttempts} attempts: counts one more
     * attempt, and becomes failed when the count reaches {@code maxAttempts}.
     *
     * @return the count this call produced, so concurrent callers each learn their own; 0 when nothing was counted
     */
    int countWrongAttempt(UUID id, int maxAttempts, Instant now);

    /** Confirmed and {@code expiresAt} after {@code now}: becomes used at {@code now}. */
    boolean use(UUID id, Instant now);

    /**
     * Pending, {@code expiresAt} after {@code now} and last sent at or before {@code sentNoLaterThan}: takes the new
     * code hash, {@code lastSentAt = now} and the new expiry.
     */
    boolean replaceCode(UUID id, String codeHash, Instant sentNoLaterThan, Instant newExpiresAt, Instant now);

    /** Pending: becomes failed. */
    boolean fail(UUID id);

    /**
     * Records where the background delivery of the confirmation's code is ({@code delivery.mode=async}), as
     * {@link StoredConfirmation#delivery()} then reads it: {@link DeliveryStatus#QUEUED} when a new code is queued,
     * {@link DeliveryStatus#SENT} once the backend took it, {@link DeliveryStatus#FAILED} when it could not be
     * delivered, which also makes a pending confirmation failed, in the same update. A store keeps the delivery status
     * given to {@link #create} as well. The default keeps nothing, so confirmations of a store that does not override it
     * show no delivery status, and a failed delivery still fails the confirmation.
     *
     * @return whether the confirmation exists
     */
    default boolean recordDelivery(UUID id, DeliveryStatus delivery) {
        if (delivery == DeliveryStatus.FAILED) {
            fail(id);
        }
        return false;
    }

    /**
     * Counts one send to a recipient in a fixed window shared by every replica: allowed while the window that is
     * current at {@code now} holds fewer than {@code limit} sends; a window older than {@code window} starts again.
     *
     * @param recipientKey a keyed hash of the recipient, never the recipient itself
     */
    SendWindow countSend(String recipientKey, int limit, Duration window, Instant now);

    /**
     * The wrong codes counted against a subject (an owner or a recipient) by {@link #countFailure}, or
     * {@link FailureCount#none()} when there are none.
     *
     * @param subjectKey a keyed hash of the owner or the recipient, never either in clear
     */
    FailureCount failures(String subjectKey);

    /**
     * Counts one wrong code against a subject, shared by every replica: when none is counted yet, or the last was
     * counted at or before {@code now - lockout}, the count starts again at 1; otherwise, while the count is below
     * {@code max}, it goes up by 1. Either way the last failure is now. At {@code max} with the last failure less than
     * {@code lockout} ago, nothing changes.
     *
     * @return whether the failure was counted
     */
    boolean countFailure(String subjectKey, int max, Duration lockout, Instant now);

    /** Forgets the failures counted against a subject: its owner or recipient gave a right code. */
    void clearFailures(String subjectKey);

    /**
     * Deletes up to {@code batchSize} failure counts whose last failure was before {@code lastFailureBefore}. The
     * clean-up passes a time at least {@code limits.failure-lockout} in the past, so a count that still locks its
     * subject out is never deleted. Safe to run on several replicas at once.
     *
     * @return how many failure counts were deleted
     */
    int deleteFailures(Instant lastFailureBefore, int batchSize);

    /**
     * Counts one send under a sliding limit shared by every replica: allowed, and recorded at {@code now}, when fewer
     * than {@code limit} sends to this key were recorded after {@code now - window}; refused otherwise, with
     * {@code retryAfter} the time until the oldest of them leaves the window (its time plus {@code window} minus
     * {@code now}). So no interval of length {@code window} ever holds more than {@code limit} sends, not even one
     * that straddles the moment a fixed window would have restarted. Atomic: concurrent callers on any replica
     * together never get more than {@code limit} sends allowed.
     *
     * @param key a keyed hash of what is limited (the recipient), at most 64 characters
     * @param limit at most 100: a store may keep every send of the window, and the confirmer refuses to start with a
     *        larger {@code limits.sends-per-window}
     */
    SendWindow countRecentSend(String key, int limit, Duration window, Instant now);

    /**
     * Forgets one send recorded by {@link #countRecentSend} at {@code countedAt}, for a send that was counted and then
     * not made (a resend that lost the race to a concurrent one). Nothing happens when no send was recorded then.
     */
    void uncountRecentSend(String key, Instant countedAt);

    /**
     * Deletes up to {@code batchSize} confirmations that expired before {@code expiredBefore}, and send windows that
     * ended before it: a window ends {@code window} after it started, so only windows started before
     * {@code expiredBefore - window} go, and a window still counting sends is never deleted, however short the
     * retention that set {@code expiredBefore}. Likewise, the sends recorded by {@link #countRecentSend} for a key go
     * only when the last of them is before {@code expiredBefore - window}, so a record that still limits sends stays.
     * Safe to run on several replicas at once.
     *
     * @param window the length of the send windows, as {@link #countSend} and {@link #countRecentSend} are given it
     * @return how many confirmations were deleted
     */
    int deleteExpired(Instant expiredBefore, Duration window, int batchSize);

    /**
     * The newest confirmations, newest first, for dev tooling such as the Dev UI card: at most {@code limit} of them,
     * expired ones included. Never called on a confirmer's path, so it may cost more than the other reads. Empty when
     * this store cannot list its confirmations, which is the default.
     */
    default Optional<List<StoredConfirmation>> recent(int limit) {
        return Optional.empty();
    }
}
