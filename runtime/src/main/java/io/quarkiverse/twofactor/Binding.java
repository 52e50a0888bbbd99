package io.quarkiverse.twofactor;

import java.util.regex.Pattern;

/**
 * Who a confirmation belongs to and what it unlocks. A bound confirmation can be checked, confirmed and resent only
 * by its owner, and spent only by its owner for its purpose, so a code confirmed to sign in cannot approve a payment
 * and a code one user confirmed cannot be spent by another.
 *
 * @param owner the principal name of the user the confirmation belongs to: not blank, at most 255 characters
 * @param purpose the action the confirmation unlocks: 1 to 64 characters out of {@code a-z}, {@code 0-9}, {@code .},
 *        {@code _} and {@code -}
 */
public record Binding(String owner, String purpose) {

    public static final int MAX_OWNER_LENGTH = 255;
    private static final Pattern PURPOSE = Pattern.compile("[a-z0-9._-]{1,64}");

    public Binding {
        checkOwner(owner);
        checkPurpose(purpose);
    }

    /** Refuses what cannot be an owner: null, blank, too long, or holding control characters. */
    public static void checkOwner(String owner) {
        if (owner == null || owner.isBlank() || owner.length() > MAX_OWNER_LENGTH
                || owner.chars().anyMatch(Character::isISOControl)) {
            throw new IllegalArgumentException("owner must be a principal name of 1 to " + MAX_OWNER_LENGTH
                    + " characters without control characters");
        }
    }

    /** Refuses what cannot be a purpose: anything but 1 to 64 characters out of a-z, 0-9, '.', '_' and '-'. */
    public static void checkPurpose(String purpose) {
        if (purpose == null || !PURPOSE.matcher(purpose).matches()) {
            throw new IllegalArgumentException("purpose must be 1 to 64 characters out of a-z, 0-9, '.', '_' and '-'");
        }
    }
}
