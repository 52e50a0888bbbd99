package io.quarkiverse.twofactor.runtime.rest;

import java.util.UUID;

import io.quarkiverse.twofactor.Binding;
import io.quarkiverse.twofactor.Confirmer;

/**
 * The header that carries a confirmation a request spends, and the spending: the confirmation must be confirmed,
 * unexpired, owned by the caller and made for the purpose, and it is spent once, atomically, by the store.
 */
final class ConfirmationHeader {

    static final String NAME = "Two-Factor-Confirmation";

    private ConfirmationHeader() {
    }

    /**
     * Spends the confirmation named by the header's value for {@code binding}.
     *
     * @throws ProblemException 403 {@code confirmation-required} when it cannot be spent, whatever the reason
     */
    static void spend(Confirmer confirmer, String header, Binding binding) {
        UUID id = JsonBody.isId(header) ? UUID.fromString(header) : null;
        if (id == null || !confirmer.use(id, binding)) {
            throw ProblemException.confirmationRequired(binding.purpose());
        }
    }
}
