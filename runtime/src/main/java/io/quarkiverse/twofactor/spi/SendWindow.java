package io.quarkiverse.twofactor.spi;

import java.time.Duration;

/**
 * What {@link ConfirmationStore#countSend} or {@link ConfirmationStore#countRecentSend} decided.
 *
 * @param allowed whether the send was counted and may go ahead
 * @param retryAfter when refused, how long until a send is allowed again (the window ends, or the oldest recent send
 *        leaves it); otherwise zero
 */
public record SendWindow(boolean allowed, Duration retryAfter) {

    public static SendWindow allow() {
        return new SendWindow(true, Duration.ZERO);
    }

    public static SendWindow refuse(Duration retryAfter) {
        return new SendWindow(false, retryAfter);
    }
}
