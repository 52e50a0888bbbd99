package io.quarkiverse.twofactor.runtime.sender.twilio;

import java.util.regex.Pattern;

/** E.164 phone numbers: checking them, and hiding most of one in a log line. */
final class PhoneNumbers {

    /** A plus, then a country code and number: 2 to 15 digits, the first not 0. */
    private static final Pattern E164 = Pattern.compile("\\+[1-9][0-9]{1,14}");

    /** A country calling code as configured: an optional plus, then 1 to 3 digits, the first not 0. */
    private static final Pattern COUNTRY_CODE = Pattern.compile("\\+?[1-9][0-9]{0,2}");

    private PhoneNumbers() {
    }

    static boolean isE164(String number) {
        return number != null && E164.matcher(number).matches();
    }

    /** The country code in {@code +digits} form, or {@code null} when {@code code} is not one. */
    static String countryCode(String code) {
        String trimmed = code.trim();
        if (!COUNTRY_CODE.matcher(trimmed).matches()) {
            return null;
        }
        return trimmed.startsWith("+") ? trimmed : "+" + trimmed;
    }

    /** The number with all but its first three and last two characters hidden, for logs. */
    static String masked(String number) {
        if (number == null || number.length() <= 6) {
            return "***";
        }
        return number.substring(0, 3) + "*".repeat(number.length() - 5) + number.substring(number.length() - 2);
    }
}
