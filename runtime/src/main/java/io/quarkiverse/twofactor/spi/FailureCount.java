package io.quarkiverse.twofactor.spi;

import java.time.Instant;

/**
 * The wrong codes counted against one owner or recipient since their last success, as
 * {@link ConfirmationStore#failures} reads them.
 *
 * @param count wrong codes counted; 0 when none are
 * @param lastFailureAt when the latest was counted, or {@code null} when none is
 */
public record FailureCount(int count, Instant lastFailureAt) {

    private static final FailureCount NONE = new FailureCount(0, null);

    /** No failure counted. */
    public static FailureCount none() {
        return NONE;
    }
}
