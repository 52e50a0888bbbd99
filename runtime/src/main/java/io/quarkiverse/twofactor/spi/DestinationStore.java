package io.quarkiverse.twofactor.spi;

import java.util.List;
import java.util.Optional;
import java.util.UUID;

import io.quarkiverse.twofactor.Destination;

/**
 * Keeps users' destinations. Every method takes the owner, and acts only on that owner's destinations: another owner's
 * destination reads and answers as an unknown id. Every change is one atomic step whose conditions hold at the moment
 * of writing, so that concurrent calls, from one replica or many, never leave an owner two defaults for one sender.
 * <p>
 * Built-in: {@code hibernate-orm}, {@code memory}, {@code redis}. An application bean implementing this interface
 * (for example over the application's own user table) is selected by its {@link #name()} through
 * {@code quarkus.two-factor.destinations.store}.
 */
public interface DestinationStore {

    /**
     * The name {@code quarkus.two-factor.destinations.store} selects this store by. Built-in: {@code hibernate-orm},
     * {@code memory}, {@code redis}.
     */
    String name();

    /**
     * Stores a new destination, unverified and not a default.
     *
     * @return false, storing nothing, when the owner already has a destination with this sender and this recipient
     */
    boolean create(Destination destination);

    /** The owner's destinations, oldest first (by {@code createdAt}, then by id). */
    List<Destination> list(String owner);

    /** One of the owner's destinations; empty when unknown or someone else's. */
    Optional<Destination> find(String owner, UUID id);

    /**
     * Marks one of the owner's destinations verified and, when the owner has no default for its sender yet, makes it
     * that default, in one step. A destination already verified stays as it is.
     *
     * @return false when the destination is unknown or someone else's
     */
    boolean markVerified(String owner, UUID id);

    /** Makes a verified destination the owner's only default for its sender, in one step. */
    DefaultChange makeDefault(String owner, UUID id);

    /**
     * Deletes one of the owner's destinations. When it was the default of its sender, the oldest verified destination
     * left for that sender becomes the default, in the same step.
     *
     * @return false when the destination is unknown or someone else's
     */
    boolean delete(String owner, UUID id);

    /** What {@link #makeDefault(String, UUID)} did. */
    enum DefaultChange {
        /** The destination is now the default of its sender, and no other destination of that sender is. */
        MADE_DEFAULT,
        /** Unknown or someone else's: nothing changed. */
        NOT_FOUND,
        /** Not verified: nothing changed. */
        NOT_VERIFIED
    }
}
