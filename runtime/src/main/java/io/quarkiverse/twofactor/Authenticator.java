package io.quarkiverse.twofactor;

import java.time.Instant;
import java.util.UUID;

/**
 * A user's authenticator app, as they see it listed: never its secret.
 *
 * @param id the id
 * @param label the name the user gave it, such as "Work phone"
 * @param verified whether the app has given back a valid code since it was enrolled; only verified apps confirm
 * @param createdAt when it was enrolled
 */
public record Authenticator(UUID id, String label, boolean verified, Instant createdAt) {
}
