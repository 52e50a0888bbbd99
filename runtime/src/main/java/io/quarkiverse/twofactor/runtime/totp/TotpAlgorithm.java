package io.quarkiverse.twofactor.runtime.totp;

/** The HMAC an authenticator app computes its codes with (RFC 6238); apps that read a QR code know all three. */
public enum TotpAlgorithm {
    SHA1("HmacSHA1"),
    SHA256("HmacSHA256"),
    SHA512("HmacSHA512");

    private final String macName;

    TotpAlgorithm(String macName) {
        this.macName = macName;
    }

    /** The JCA name of the MAC. */
    String macName() {
        return macName;
    }
}
