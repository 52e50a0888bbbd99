package io.quarkiverse.twofactor.runtime.rest;

import java.util.UUID;

import io.quarkiverse.twofactor.Binding;
import io.quarkiverse.twofactor.Confirmer;
import io.quarkiverse.twofactor.RequiresConfirmation;

/**
 * Spends the confirmation a request carries in the {@value RequiresConfirmation#HEADER} header, for step-up
 * ({@link RequiresConfirmationInterceptor}) and for the destination endpoints alike: it must be confirmed, unexpired,
 * owned by the caller and made for the purpose, and the store spends it once, atomically.
 */
final class ConfirmationHeader {

    private ConfirmationHeader() {
    }

    /**
     * Whether the confirmation the header names was spent for {@code user} and {@code purpose}. False when the header
     * is missing or not a canonical id, or the user's name cannot own a confirmation; store failures propagate.
     */
    static boolean spend(Confirmer confirmer, String header, String user, String purpose) {
        String id = header == null ? null : header.strip();
        if (!JsonBody.isId(id)) {
            return false;
        }
        Binding binding;
        try {
            binding = new Binding(user, purpose);
        } catch (IllegalArgumentException e) {
            // A principal name that cannot own a confirmation owns none.
            return false;
        }
        return confirmer.use(UUID.fromString(id), binding);
    }
}
