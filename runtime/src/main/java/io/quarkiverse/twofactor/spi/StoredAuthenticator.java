package io.quarkiverse.twofactor.spi;

import java.time.Instant;
import java.util.Comparator;
import java.util.UUID;

/**
 * An authenticator app's enrolment as a store keeps it.
 *
 * @param id the id
 * @param owner the principal it belongs to
 * @param label the name the user gave it
 * @param encryptedSecret the shared secret, encrypted by the extension; a store never sees it in the clear
 * @param verified whether it gave back a valid code since it was enrolled
 * @param createdAt when it was enrolled
 */
public record StoredAuthenticator(UUID id, String owner, String label, String encryptedSecret, boolean verified,
        Instant createdAt) {

    /**
     * The order {@link AuthenticatorStore#list} answers in: oldest first, and within one millisecond by id in the order
     * databases sort UUIDs (their bytes, unsigned; the same as their text).
     */
    public static final Comparator<StoredAuthenticator> OLDEST_FIRST = Comparator
            .comparing(StoredAuthenticator::createdAt).thenComparing(a -> a.id().toString());

    @Override
    public String toString() {
        return "StoredAuthenticator[id=" + id + ", verified=" + verified + "]";
    }
}
