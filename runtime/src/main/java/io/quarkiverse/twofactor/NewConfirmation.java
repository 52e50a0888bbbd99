package io.quarkiverse.twofactor;

/**
 * A confirmation just made, with its plain code. The code exists only here: the store keeps a keyed hash of it.
 *
 * @param state the new pending confirmation
 * @param code the plain code to hand to the user; {@code null} for a confirmation confirmed with an authenticator
 *        app or a recovery code, whose code the user already has
 */
public record NewConfirmation(ConfirmationState state, String code) {

    @Override
    public String toString() {
        return "NewConfirmation[state=" + state + ", code=<hidden>]";
    }
}
