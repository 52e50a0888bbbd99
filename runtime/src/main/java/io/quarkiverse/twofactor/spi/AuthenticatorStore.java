package io.quarkiverse.twofactor.spi;

import java.util.List;
import java.util.Set;
import java.util.UUID;

/**
 * Keeps users' authenticator apps, the last time step accepted from them, and their recovery codes. Every method takes
 * the owner and acts only on that owner's data. Changes are atomic conditional steps, so that a time step or a
 * recovery code is accepted once, whatever number of replicas try at the same moment.
 * <p>
 * Built-in: {@code hibernate-orm}, {@code memory}, {@code redis}. An application bean implementing this interface is
 * selected by its {@link #name()} through {@code quarkus.two-factor.authenticators.store}.
 */
public interface AuthenticatorStore {

    /**
     * The name {@code quarkus.two-factor.authenticators.store} selects this store by. Built-in:
     * {@code hibernate-orm}, {@code memory}, {@code redis}.
     */
    String name();

    /** Stores a new enrolment. */
    void create(StoredAuthenticator authenticator);

    /** The owner's apps, oldest first (by {@code createdAt}, then by id). */
    List<StoredAuthenticator> list(String owner);

    /** @return false when the app is unknown or someone else's */
    boolean markVerified(String owner, UUID id);

    /** @return false when the app is unknown or someone else's */
    boolean delete(String owner, UUID id);

    /**
     * Records that a code of time step {@code step} was accepted from the owner, when no code of that step or a later
     * one was accepted before: so each step confirms at most once per owner.
     *
     * @return whether it was recorded
     */
    boolean acceptStep(String owner, long step);

    /** Replaces all the owner's recovery codes with these keyed hashes, in one step. */
    void replaceRecoveryCodes(String owner, Set<String> codeHashes);

    /** How many recovery codes the owner has left. */
    int countRecoveryCodes(String owner);

    /**
     * Spends one of the owner's recovery codes.
     *
     * @return true for exactly one caller per code; false when the owner has no such code
     */
    boolean spendRecoveryCode(String owner, String codeHash);
}
