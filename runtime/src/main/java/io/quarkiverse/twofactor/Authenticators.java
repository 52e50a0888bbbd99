package io.quarkiverse.twofactor;

import java.util.List;
import java.util.UUID;

/**
 * Users' authenticator apps (TOTP, RFC 6238). An app is enrolled unverified and becomes verified when it gives back a
 * valid code; from then on a confirmation requested with the method {@link #METHOD} is confirmed with the app's current
 * code, and no code sent anywhere.
 */
public interface Authenticators {

    /** The method key that asks for a confirmation confirmed by the owner's authenticator app. */
    String METHOD = "totp";

    /** Whether authenticator apps are on ({@code quarkus.two-factor.totp.enabled}); when off, nothing confirms with one. */
    boolean enabled();

    /**
     * Enrols a new app for the owner, unverified, with a fresh secret.
     *
     * @throws IllegalStateException when authenticator apps are off
     */
    NewAuthenticator enrol(String owner, String label);

    /**
     * Marks one of the owner's apps verified when {@code code} is its valid code now; the code's time step is then spent
     * for the owner, as when confirming.
     *
     * @return false when the app is unknown, someone else's, or the code is not valid now
     */
    boolean verify(String owner, UUID id, String code);

    /** The owner's apps, oldest first. */
    List<Authenticator> list(String owner);

    /** Removes one of the owner's apps; false when unknown or someone else's. */
    boolean remove(String owner, UUID id);

    /** Whether the owner has at least one verified app. */
    boolean hasVerified(String owner);
}
