package io.quarkiverse.twofactor.runtime.rest;

import java.util.UUID;

import io.quarkiverse.twofactor.Binding;
import io.quarkiverse.twofactor.ConfirmResult;
import io.quarkiverse.twofactor.Confirmer;
import io.quarkiverse.twofactor.RequiresConfirmation;

/**
 * Spends the confirmation a request carries in the {@value RequiresConfirmation#HEADER} header, for step-up
 * ({@link RequiresConfirmationInterceptor}) and for the destination endpoints alike: it must be confirmed, unexpired,
 * owned by the caller and made for the purpose, and the store spends it once, atomically. With the code as well, it is
 * confirmed and spent in one step.
 */
final class ConfirmationHeader {

    private ConfirmationHeader() {
    }

    /**
     * Whether the confirmation the header names was spent for {@code user} and {@code purpose}. False when the header
     * is missing or not a canonical id, or the user's name cannot own a confirmation; store failures propagate.
     */
    static boolean spend(Confirmer confirmer, String header, String user, String purpose) {
        UUID id = idIn(header);
        Binding binding = bindingOf(user, purpose);
        return id != null && binding != null && confirmer.use(id, binding);
    }

    /**
     * Whether the confirmation the header names was confirmed with {@code code} and spent, in one step, for
     * {@code user} and {@code purpose}. False when the header is missing or not a canonical id, the user's name cannot
     * own a confirmation, or the confirmation is unknown, someone else's, expired or not pending.
     *
     * @throws ProblemException for a blank or overlong code, a wrong code, or one after the last attempt
     */
    static boolean confirmAndSpend(Confirmer confirmer, String header, String user, String purpose, String code) {
        String given = code.strip();
        if (given.isEmpty() || given.length() > TwoFactorResource.MAX_CODE_LENGTH) {
            throw ProblemException.badRequest("The " + RequiresConfirmation.CODE_HEADER + " header must hold 1 to "
                    + TwoFactorResource.MAX_CODE_LENGTH + " characters");
        }
        UUID id = idIn(header);
        Binding binding = bindingOf(user, purpose);
        if (id == null || binding == null) {
            return false;
        }
        ConfirmResult result = confirmer.confirmAndUse(id, binding, given);
        return switch (result.outcome()) {
            case CONFIRMED -> true;
            case WRONG_CODE -> throw ProblemException.wrongCode(result.remainingAttempts());
            case ATTEMPTS_EXHAUSTED -> throw ProblemException.attemptsExhausted();
            case NOT_FOUND, EXPIRED, NOT_PENDING -> false;
        };
    }

    private static UUID idIn(String header) {
        String id = header == null ? null : header.strip();
        return JsonBody.isId(id) ? UUID.fromString(id) : null;
    }

    private static Binding bindingOf(String user, String purpose) {
        try {
            return new Binding(user, purpose);
        } catch (IllegalArgumentException e) {
            // A principal name that cannot own a confirmation owns none.
            return null;
        }
    }
}
