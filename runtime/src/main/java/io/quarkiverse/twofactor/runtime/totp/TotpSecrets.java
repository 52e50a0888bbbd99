package io.quarkiverse.twofactor.runtime.totp;

import java.security.SecureRandom;
import java.util.Base64;
import java.util.Optional;

import jakarta.inject.Inject;
import jakarta.inject.Singleton;

import org.jboss.logging.Logger;

import io.quarkiverse.twofactor.runtime.TwoFactorConfig;
import io.quarkus.runtime.LaunchMode;
import io.quarkus.runtime.Startup;
import io.quarkus.runtime.configuration.ConfigurationException;

/**
 * Makes and reads authenticator apps' secrets: fresh random ones at enrolment, encrypted under the configured key for
 * the store. Checked at startup when authenticator apps are enabled, so a production service without a key never
 * starts rather than failing at the first enrolment.
 */
@Singleton
@Startup
public class TotpSecrets {

    static final String KEY_PROPERTY = "quarkus.two-factor.totp.encryption-key";
    static final int MIN_KEY_LENGTH = 32;
    private static final Logger LOG = Logger.getLogger(TotpSecrets.class);

    private final SecureRandom random = new SecureRandom();
    private final SecretCipher cipher;
    private final int secretBytes;

    @Inject
    TotpSecrets(TwoFactorConfig config) {
        TwoFactorConfig.TotpConfig totp = config.totp();
        this.cipher = totp.enabled() ? new SecretCipher(key(totp.encryptionKey(), LaunchMode.current())) : null;
        // RFC 4226 asks for at least 128 bits; RFC 6238 uses keys as long as the hash, which apps expect.
        this.secretBytes = switch (totp.algorithm()) {
            case SHA1 -> 20;
            case SHA256 -> 32;
            case SHA512 -> 64;
        };
    }

    byte[] newSecret() {
        byte[] secret = new byte[secretBytes];
        random.nextBytes(secret);
        return secret;
    }

    String encrypt(byte[] secret, String authenticatorId) {
        return cipher().encrypt(secret, authenticatorId);
    }

    byte[] decrypt(String stored, String authenticatorId) {
        return cipher().decrypt(stored, authenticatorId);
    }

    private SecretCipher cipher() {
        if (cipher == null) {
            throw new IllegalStateException("Authenticator apps are off: set quarkus.two-factor.totp.enabled=true");
        }
        return cipher;
    }

    private static String key(Optional<String> configured, LaunchMode mode) {
        if (configured.isPresent()) {
            if (configured.get().length() < MIN_KEY_LENGTH) {
                throw new ConfigurationException(KEY_PROPERTY + " must be at least " + MIN_KEY_LENGTH
                        + " characters long; use a long random secret, the same on every replica");
            }
            return configured.get();
        }
        if (mode.isDevOrTest()) {
            LOG.warnf("%s is not set: using a random key for this run. Authenticator apps enrolled before a restart"
                    + " will no longer work; set the property before going to production.", KEY_PROPERTY);
            byte[] random = new byte[32];
            new SecureRandom().nextBytes(random);
            return Base64.getEncoder().encodeToString(random);
        }
        throw new ConfigurationException(KEY_PROPERTY + " is required in production when"
                + " quarkus.two-factor.totp.enabled=true: set it to a long random secret (at least " + MIN_KEY_LENGTH
                + " characters), the same on every replica");
    }
}
