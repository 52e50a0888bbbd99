package io.quarkiverse.twofactor.spi;

import java.nio.charset.StandardCharsets;
import java.security.MessageDigest;
import java.time.Instant;
import java.util.Set;
import java.util.UUID;

import io.quarkiverse.twofactor.Status;

/**
 * A code given for a confirmation, as {@link ConfirmationStore#confirmOrCount} takes it.
 *
 * @param id the confirmation's id
 * @param owner the owner the confirmation must belong to, or {@code null} for any
 * @param purpose the purpose it must have been made for, or {@code null} for any
 * @param codeHash the keyed hash of the code given, to compare with the stored one
 * @param spend whether a right code also uses the confirmation, in the same step
 * @param maxAttempts wrong codes a confirmation takes before it fails
 * @param failures how wrong codes count against the confirmation's subject
 * @param sendersCheckedElsewhere senders whose codes the store cannot check (an authenticator app's, a recovery
 *        code): their confirmations are left alone
 */
public record CodeAttempt(UUID id, String owner, String purpose, String codeHash, boolean spend, int maxAttempts,
        FailureLimit failures, Set<String> sendersCheckedElsewhere) {

    /**
     * Whether the attempt may change this confirmation at {@code now}: it is the one expected, pending, unexpired, has
     * attempts left, and its code is the store's to check.
     */
    public boolean appliesTo(StoredConfirmation c, Instant now) {
        return (owner == null || owner.equals(c.owner())) && (purpose == null || purpose.equals(c.purpose()))
                && c.status() == Status.PENDING && c.expiresAt().isAfter(now) && c.attempts() < maxAttempts
                && (c.sender() == null || !sendersCheckedElsewhere.contains(c.sender()));
    }

    /** Whether the code given is the confirmation's, compared in time that does not depend on where they differ. */
    public boolean matches(StoredConfirmation c) {
        return MessageDigest.isEqual(c.codeHash().getBytes(StandardCharsets.US_ASCII),
                codeHash.getBytes(StandardCharsets.US_ASCII));
    }

    /** The confirmation as a right code left it: confirmed at {@code now}, and used then too when {@code used}. */
    public StoredConfirmation confirmed(StoredConfirmation c, boolean used, Instant now) {
        return new StoredConfirmation(c.id(), used ? Status.USED : Status.CONFIRMED, c.sender(), c.recipient(),
                c.owner(), c.purpose(), c.meta(), c.codeHash(), c.attempts(), c.createdAt(), c.expiresAt(),
                c.lastSentAt(), now, used ? now : null);
    }

    /** The confirmation as a wrong code left it, with the count of attempts that code's counting produced. */
    public StoredConfirmation counted(StoredConfirmation c, int attempts) {
        return new StoredConfirmation(c.id(), attempts >= maxAttempts ? Status.FAILED : Status.PENDING, c.sender(),
                c.recipient(), c.owner(), c.purpose(), c.meta(), c.codeHash(), attempts, c.createdAt(), c.expiresAt(),
                c.lastSentAt(), null, null);
    }
}
