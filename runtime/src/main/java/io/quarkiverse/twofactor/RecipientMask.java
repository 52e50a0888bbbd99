package io.quarkiverse.twofactor;

/**
 * Hides most of a recipient, so that a listing tells a user which of their destinations is which without showing a
 * whole phone number or address to whoever sees the screen or the response.
 */
public final class RecipientMask {

    private static final String HIDDEN = "•••";
    private static final String HIDDEN_DIGITS = "•••••";
    private static final int DIGITS_SHOWN_AT_END = 4;

    private RecipientMask() {
    }

    public static String mask(String recipient) {
        int at = recipient.lastIndexOf('@');
        if (at > 0) {
            // The domain stays: it tells a work address from a personal one and is rarely personal itself.
            return recipient.charAt(0) + HIDDEN + recipient.substring(at);
        }
        if (recipient.length() > DIGITS_SHOWN_AT_END + 2) {
            // A phone number keeps its country code's first digit and its last digits, as banks show them.
            return recipient.substring(0, 2) + HIDDEN_DIGITS
                    + recipient.substring(recipient.length() - DIGITS_SHOWN_AT_END);
        }
        return recipient.charAt(0) + HIDDEN;
    }
}
