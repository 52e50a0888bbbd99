package io.quarkiverse.twofactor.runtime.totp;

import java.net.URLEncoder;
import java.nio.charset.StandardCharsets;

/**
 * The {@code otpauth://totp/...} address an authenticator app reads from a QR code: it carries the secret, the label
 * the app shows (issuer and account) and the code settings, so the app needs nothing typed.
 */
public final class OtpauthUri {

    private OtpauthUri() {
    }

    public static String of(String issuer, String account, byte[] secret, TotpCodes codes) {
        return "otpauth://totp/" + encode(issuer) + ":" + encode(account)
                + "?secret=" + Base32.encode(secret)
                + "&issuer=" + encode(issuer)
                + "&algorithm=" + codes.algorithm().name()
                + "&digits=" + codes.digits()
                + "&period=" + codes.periodSeconds();
    }

    /** Percent-encoding of RFC 3986: a space is {@code %20}, never the {@code +} of HTML forms. */
    private static String encode(String text) {
        return URLEncoder.encode(text, StandardCharsets.UTF_8).replace("+", "%20");
    }
}
