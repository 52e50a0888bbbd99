package io.quarkiverse.twofactor.twilio;

import java.util.List;
import java.util.Locale;
import java.util.Optional;
import java.util.regex.Pattern;

import com.google.i18n.phonenumbers.NumberParseException;
import com.google.i18n.phonenumbers.PhoneNumberUtil;
import com.google.i18n.phonenumbers.PhoneNumberUtil.PhoneNumberType;
import com.google.i18n.phonenumbers.Phonenumber.PhoneNumber;

/**
 * E.164 phone numbers: checking them against the numbering plans of libphonenumber, and hiding most of one in a log
 * line.
 */
final class PhoneNumbers {

    /** A plus, then a country code and number: 2 to 15 digits, the first not 0. */
    private static final Pattern E164 = Pattern.compile("\\+[1-9][0-9]{1,14}");

    /** A country calling code as configured: an optional plus, then 1 to 3 digits, the first not 0. */
    private static final Pattern COUNTRY_CODE = Pattern.compile("\\+?[1-9][0-9]{0,2}");

    private static final PhoneNumberUtil PLANS = PhoneNumberUtil.getInstance();

    private PhoneNumbers() {
    }

    static boolean isE164(String number) {
        return number != null && E164.matcher(number).matches();
    }

    /**
     * An E.164 number parsed, when its country calling code exists and its length is possible for that code; empty for
     * a number that cannot exist under any numbering plan.
     */
    static Optional<PhoneNumber> possible(String e164) {
        try {
            PhoneNumber number = PLANS.parse(e164, null);
            return PLANS.isPossibleNumber(number) ? Optional.of(number) : Optional.empty();
        } catch (NumberParseException e) {
            return Optional.empty();
        }
    }

    /** Whether the number lies in a range its numbering plan assigns, as far as this libphonenumber knows. */
    static boolean isValid(PhoneNumber number) {
        return PLANS.isValidNumber(number);
    }

    /** The ISO 3166 region a valid number belongs to, such as {@code JM} for {@code +1 876...}. */
    static String region(PhoneNumber number) {
        return PLANS.getRegionCodeForNumber(number);
    }

    /** Whether the number is a mobile one, or one whose plan does not tell mobile and fixed lines apart. */
    static boolean isMobile(PhoneNumber number) {
        PhoneNumberType type = PLANS.getNumberType(number);
        return type == PhoneNumberType.MOBILE || type == PhoneNumberType.FIXED_LINE_OR_MOBILE;
    }

    /** The region code in upper case, or {@code null} when libphonenumber has no numbering plan for it. */
    static String regionCode(String code) {
        String upper = code.trim().toUpperCase(Locale.ROOT);
        return PLANS.getSupportedRegions().contains(upper) ? upper : null;
    }

    /** The country code in {@code +digits} form, or {@code null} when {@code code} is not one. */
    static String countryCode(String code) {
        String trimmed = code.trim();
        if (!COUNTRY_CODE.matcher(trimmed).matches()) {
            return null;
        }
        return trimmed.startsWith("+") ? trimmed : "+" + trimmed;
    }

    /** The regions that share a country calling code in {@code +digits} form: {@code +1} has the NANP's. */
    static List<String> regionsOf(String countryCode) {
        return PLANS.getRegionCodesForCountryCode(Integer.parseInt(countryCode.substring(1)));
    }

    /** The number with all but its first three and last two characters hidden, for logs. */
    static String masked(String number) {
        if (number == null || number.length() <= 6) {
            return "***";
        }
        return number.substring(0, 3) + "*".repeat(number.length() - 5) + number.substring(number.length() - 2);
    }
}
