package io.quarkiverse.twofactor.spi;

import java.time.Duration;

/**
 * The sliding send limit a new confirmation's send counts under, as {@link ConfirmationStore#countRecentSend} takes
 * it.
 *
 * @param key a keyed hash of the recipient, never the recipient itself
 * @param limit sends allowed in any interval of {@code window}
 * @param window the length of the sliding window
 */
public record SendLimit(String key, int limit, Duration window) {
}
