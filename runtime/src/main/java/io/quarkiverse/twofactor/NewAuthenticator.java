package io.quarkiverse.twofactor;

/**
 * An authenticator app just enrolled, with what the user needs to set the app up. The secret is shown this once: the
 * store keeps it encrypted and never returns it again.
 *
 * @param authenticator the enrolment, unverified
 * @param secret the shared secret in Base32, for typing into the app
 * @param otpauthUri the {@code otpauth://totp/...} address that carries the secret and the settings
 * @param qrCode the address as a QR code, an SVG image in a {@code data:} URI a page can show in an {@code img}
 */
public record NewAuthenticator(Authenticator authenticator, String secret, String otpauthUri, String qrCode) {

    @Override
    public String toString() {
        return "NewAuthenticator[authenticator=" + authenticator + "]";
    }
}
