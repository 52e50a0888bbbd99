package io.quarkiverse.twofactor;

import java.util.List;
import java.util.Locale;
import java.util.Optional;
import java.util.UUID;

/**
 * A user's registered places to receive codes. A destination is added unverified, with a code sent to it; it becomes
 * verified only when that code is given back through {@link #verify(String, UUID, String)}. Codes for the user's
 * actions then go to their verified destinations only, never to a recipient a caller names.
 */
public interface Destinations {

    /** The purpose of the confirmation that proves a user receives codes at a new destination. */
    String VERIFY_PURPOSE = "verify-destination";

    /** The owner's destinations, oldest first. */
    List<Destination> list(String owner);

    /** One of the owner's destinations; empty when unknown or someone else's. */
    Optional<Destination> find(String owner, UUID id);

    /**
     * Adds an unverified destination and sends it a code, in a confirmation owned by {@code owner} with purpose
     * {@link #VERIFY_PURPOSE}.
     *
     * @param senderKey the configured sender's key, or {@code null} for the default sender
     * @throws DestinationExistsException when the owner already has this recipient for this sender
     * @throws UnknownSenderException when no sender has that key
     * @throws InvalidRecipientException when the sender can never deliver to that recipient
     * @throws TooManySendsException when the recipient reached the send limit; nothing was added
     * @throws TooManyFailuresException when the owner gave too many wrong codes lately; nothing was added
     * @throws SenderFailedException when delivery failed
     */
    AddedDestination add(String owner, String senderKey, String recipient);

    /**
     * Confirms the code sent by {@link #add(String, String, String)}; when it matches, the confirmation is spent and
     * the destination becomes verified, and the default of its sender when the owner has none yet. A confirmation
     * that is not the owner's, or not for {@link #VERIFY_PURPOSE}, is not found.
     */
    ConfirmResult verify(String owner, UUID confirmationId, String code);

    /**
     * Removes one of the owner's destinations; false when unknown or someone else's. When it was the default of its
     * sender, the oldest verified destination left for that sender becomes the default.
     */
    boolean remove(String owner, UUID id);

    /**
     * Makes a verified destination the owner's default for its sender, and the others of that sender not.
     *
     * @return false when the destination is unknown or someone else's
     * @throws DestinationNotVerifiedException when the destination is not verified
     */
    boolean makeDefault(String owner, UUID id);

    /** Whether the owner has at least one verified destination. */
    boolean hasVerified(String owner);

    /**
     * Requests a confirmation for {@code binding} and sends its code to one of the owner's verified destinations: the
     * one named, or else the default one of the sender.
     *
     * @param senderKey the sender whose default destination receives the code, or {@code null} for the default sender;
     *        ignored when {@code destinationId} is given
     * @param destinationId the destination to send to, or {@code null}
     * @throws NoDestinationException when there is no such verified destination
     */
    default NewConfirmation request(Binding binding, String senderKey, UUID destinationId) {
        return request(binding, senderKey, destinationId, null);
    }

    /**
     * Like {@link #request(Binding, String, UUID)}, with the message in the language offered closest to
     * {@code locale} (the default language when it is null).
     */
    NewConfirmation request(Binding binding, String senderKey, UUID destinationId, Locale locale);
}
