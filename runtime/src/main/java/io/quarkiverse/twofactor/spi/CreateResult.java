package io.quarkiverse.twofactor.spi;

import java.time.Duration;

/**
 * What {@link ConfirmationStore#createIfAllowed} did: made the confirmation, or refused it and made and counted
 * nothing.
 *
 * @param refusal why nothing was made, or {@code null} when the confirmation was
 * @param retryAfter when refused, how long until the refusal ends; otherwise zero
 */
public record CreateResult(Refusal refusal, Duration retryAfter) {

    /** Why a confirmation was not made. */
    public enum Refusal {
        /** Its subject gave too many wrong codes lately. */
        LOCKED_OUT,
        /** Its recipient reached the send limit. */
        TOO_MANY_SENDS
    }

    private static final CreateResult CREATED = new CreateResult(null, Duration.ZERO);

    public static CreateResult created() {
        return CREATED;
    }

    public static CreateResult refused(Refusal refusal, Duration retryAfter) {
        return new CreateResult(refusal, retryAfter);
    }

    public boolean isCreated() {
        return refusal == null;
    }
}
