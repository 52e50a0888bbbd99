package io.quarkiverse.twofactor.spi;

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
}
