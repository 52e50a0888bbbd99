package io.quarkiverse.twofactor;

import java.util.Locale;
import java.util.Map;
import java.util.Optional;
import java.util.UUID;

/**
 * Makes, delivers, confirms and spends one-time confirmation codes. Inject it where a protected action needs a
 * "we sent you a code" step.
 *
 * <p>
 * Every state change is a single conditional update in the store, so concurrent calls on one confirmation, from one
 * replica or many, cannot confirm it twice, spend it twice or count more wrong codes than allowed.
 *
 * <p>
 * A confirmation made with a {@link Binding} belongs to a user and unlocks one action: the calls that take an owner
 * treat another owner's confirmation exactly as an unknown id, and {@link #use(UUID, Binding)} spends it only for its
 * owner and purpose. Meta holds JSON values: strings, numbers, booleans, nulls, and lists and maps of them.
 */
public interface Confirmer {

    /**
     * Makes a pending confirmation with a fresh code, without sending it anywhere.
     *
     * @param meta what the application attaches; checked again by {@link #use(UUID, Map)}
     * @return the state and the plain code, which is not kept anywhere
     */
    NewConfirmation make(Map<String, ?> meta);

    /**
     * Makes a pending confirmation that belongs to {@code binding}'s owner and unlocks its purpose, without sending
     * its code anywhere.
     *
     * @throws TooManyFailuresException when the owner is locked out after too many wrong codes; nothing was made
     */
    NewConfirmation make(Binding binding, Map<String, ?> meta);

    /**
     * Makes a pending confirmation and delivers its code through a sender.
     *
     * @param senderKey the configured sender's key, or {@code null} for the default sender
     * @param recipient where the sender delivers (a phone number, an address)
     * @param meta what the application attaches
     * @return the state and the plain code
     * @throws UnknownSenderException when no sender has that key
     * @throws InvalidRecipientException when the sender can never deliver to that recipient
     * @throws TooManySendsException when the recipient reached the send limit; nothing was made or sent
     * @throws TooManyFailuresException when the recipient is locked out after too many wrong codes; nothing was made
     *         or sent
     * @throws SenderFailedException when delivery failed; the confirmation is left {@link Status#FAILED}
     */
    NewConfirmation request(String senderKey, String recipient, Map<String, ?> meta);

    /**
     * Like {@link #request(String, String, Map)}, for a confirmation that belongs to {@code binding}'s owner and
     * unlocks its purpose. The recipient should be one the owner proved they receive codes at. The failure lockout
     * applies to the owner, not the recipient.
     * <p>
     * With {@code senderKey} {@value Authenticators#METHOD} or {@value RecoveryCodes#METHOD} nothing is sent and the
     * recipient is ignored: the confirmation is confirmed with the owner's authenticator app's current code, or with
     * one of their recovery codes, which confirming spends. The returned code is then {@code null}.
     *
     * @throws NoAuthenticatorException for those methods, when the owner has no verified app, or no recovery code left
     */
    NewConfirmation request(Binding binding, String senderKey, String recipient, Map<String, ?> meta);

    /**
     * The confirmation's state now, or empty when no confirmation has this id.
     */
    Optional<ConfirmationState> check(UUID id);

    /** The state of a confirmation that belongs to {@code owner}; empty when unknown or someone else's. */
    Optional<ConfirmationState> check(UUID id, String owner);

    /**
     * Confirms a pending, unexpired confirmation when the code matches. A wrong code counts one attempt, and one
     * failure against the confirmation's owner (or, when it has none, its recipient) across all their confirmations;
     * a right code clears their failures.
     *
     * @throws TooManyFailuresException when the owner or recipient gave
     *         {@code quarkus.two-factor.limits.max-consecutive-failures} wrong codes without a right one, the last less
     *         than {@code limits.failure-lockout} ago; nothing was counted or confirmed, even for the right code
     */
    ConfirmResult confirm(UUID id, String code);

    /**
     * Confirms a pending confirmation that belongs to {@code owner}; someone else's answers
     * {@link ConfirmResult.Outcome#NOT_FOUND} and counts nothing.
     *
     * @throws TooManyFailuresException when the owner is locked out after too many wrong codes
     */
    ConfirmResult confirm(UUID id, String owner, String code);

    /**
     * Confirms a pending, unexpired confirmation and spends it in the same step, for an action that arrives with its
     * code: a right code answers {@link ConfirmResult.Outcome#CONFIRMED} with the state {@link Status#USED}, exactly
     * once. A wrong code counts like one given to {@link #confirm(UUID, String)}, and leaves the confirmation pending
     * while attempts remain.
     *
     * @throws TooManyFailuresException when the owner or recipient is locked out after too many wrong codes; nothing
     *         was counted, confirmed or spent
     */
    ConfirmResult confirmAndUse(UUID id, String code);

    /**
     * Like {@link #confirmAndUse(UUID, String)} for a confirmation that belongs to {@code binding}'s owner and was made
     * for its purpose; any other answers {@link ConfirmResult.Outcome#NOT_FOUND} and counts nothing.
     *
     * @throws TooManyFailuresException when the owner is locked out after too many wrong codes
     */
    ConfirmResult confirmAndUse(UUID id, Binding binding, String code);

    /**
     * Spends a confirmed, unexpired confirmation. Returns {@code true} exactly once.
     */
    boolean use(UUID id);

    /**
     * Spends a confirmed, unexpired confirmation whose meta holds every entry of {@code expectedMeta} with the same
     * JSON value ({@code 42} matches {@code 42.0} but not {@code "42"}), so that a confirmation made for one user or
     * purpose cannot be spent by another. Returns {@code true} exactly once.
     */
    boolean use(UUID id, Map<String, ?> expectedMeta);

    /**
     * Spends a confirmed, unexpired confirmation that belongs to {@code binding}'s owner and was made for its purpose.
     * Returns {@code true} exactly once, and never for another owner or purpose.
     */
    boolean use(UUID id, Binding binding);

    /**
     * Sends a new code for a pending confirmation through the sender it was made with. The old code stops working;
     * wrong attempts keep counting; the expiry time starts again.
     *
     * @throws TooManySendsException when the recipient reached the send limit; nothing was sent
     * @throws SenderFailedException when delivery failed; the confirmation is left {@link Status#FAILED}
     */
    ResendResult resend(UUID id);

    /** Like {@link #resend(UUID)} for a confirmation that belongs to {@code owner}; someone else's is not found. */
    ResendResult resend(UUID id, String owner);

    // In a language: the code's message, subject and HTML body are in the language the application offers that best
    // matches the locale (quarkus.two-factor.messages.languages), or in the default language when none does. The calls
    // above use the default language.

    /** Like {@link #request(String, String, Map)}, with the message in the language closest to {@code locale}. */
    NewConfirmation request(String senderKey, String recipient, Map<String, ?> meta, Locale locale);

    /**
     * Like {@link #request(Binding, String, String, Map)}, with the message in the language closest to {@code locale}.
     */
    NewConfirmation request(Binding binding, String senderKey, String recipient, Map<String, ?> meta, Locale locale);

    /**
     * Like {@link #resend(UUID)}, with the message in the language closest to {@code locale}; the language is not kept
     * with the confirmation, so each send says its own.
     */
    ResendResult resend(UUID id, Locale locale);

    /** Like {@link #resend(UUID, String)}, with the message in the language closest to {@code locale}. */
    ResendResult resend(UUID id, String owner, Locale locale);
}
