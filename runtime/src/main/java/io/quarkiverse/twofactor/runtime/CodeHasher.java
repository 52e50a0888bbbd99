package io.quarkiverse.twofactor.runtime;

import java.nio.charset.StandardCharsets;
import java.security.GeneralSecurityException;
import java.security.MessageDigest;
import java.security.SecureRandom;
import java.util.HexFormat;
import java.util.Locale;
import java.util.Optional;
import java.util.UUID;

import javax.crypto.Mac;
import javax.crypto.spec.SecretKeySpec;

import jakarta.inject.Inject;
import jakarta.inject.Singleton;

import org.jboss.logging.Logger;

import io.quarkus.runtime.LaunchMode;
import io.quarkus.runtime.Startup;
import io.quarkus.runtime.configuration.ConfigurationException;

/**
 * Hashes codes with HMAC-SHA-256 under the configured key, bound to the confirmation id, so that a leaked table
 * reveals no code and a hash cannot be replayed on another confirmation.
 */
@Singleton
@Startup
public class CodeHasher {

    static final String KEY_PROPERTY = "quarkus.two-factor.code.hash-key";
    static final int MIN_KEY_LENGTH = 32;
    private static final String ALGORITHM = "HmacSHA256";
    private static final Logger LOG = Logger.getLogger(CodeHasher.class);

    /** One initialised MAC per thread: looking up and keying a MAC costs more than hashing a code with it. */
    private final ThreadLocal<Mac> macs;

    @Inject
    CodeHasher(TwoFactorConfig config) {
        this(config.code().hashKey(), LaunchMode.current());
    }

    CodeHasher(Optional<String> configuredKey, LaunchMode mode) {
        SecretKeySpec key = new SecretKeySpec(keyBytes(configuredKey, mode), ALGORITHM);
        this.macs = ThreadLocal.withInitial(() -> keyedMac(key));
    }

    /** The keyed hash of a code, as lower-case hex. */
    public String hash(UUID confirmationId, String code) {
        return hmac(confirmationId + ":" + code);
    }

    /**
     * The keyed hash of a recipient, the key its send limit is counted under: stores never see recipients in clear,
     * and case or surrounding spaces do not make a second recipient.
     */
    public String hashRecipient(String recipient) {
        return hmac("recipient:" + recipient.trim().toLowerCase(Locale.ROOT));
    }

    /**
     * The keyed hash of an owner, the key its wrong codes are counted under. The prefix differs from
     * {@link #hashRecipient}'s, so an owner and a recipient spelt alike never share a count. Owners are principal
     * names, compared exactly.
     */
    public String hashOwner(String owner) {
        return hmac("owner:" + owner);
    }

    /**
     * The keyed hash of something other than a recipient that sends are counted under, such as a caller or a sender:
     * {@code kind} (for example {@code principal}, {@code address}, {@code sender}) keeps it apart from recipients and
     * from the other kinds, and the store never sees the name in clear.
     */
    public String hashCountedKey(String kind, String name) {
        return hmac(kind + ":" + name);
    }

    /** The keyed hash of one of the owner's recovery codes: unique across owners, and useless to anyone without the key. */
    public String hashRecoveryCode(String owner, String code) {
        return hmac("recovery-code:" + owner + ":" + code);
    }

    private String hmac(String text) {
        // doFinal leaves the MAC reset, keyed and ready for the next text.
        return HexFormat.of().formatHex(macs.get().doFinal(text.getBytes(StandardCharsets.UTF_8)));
    }

    private static Mac keyedMac(SecretKeySpec key) {
        try {
            Mac mac = Mac.getInstance(ALGORITHM);
            mac.init(key);
            return mac;
        } catch (GeneralSecurityException e) {
            throw new IllegalStateException("HMAC-SHA-256 is not available", e);
        }
    }

    /** Whether the code hashes to {@code storedHash}, compared in constant time. */
    public boolean matches(String storedHash, UUID confirmationId, String code) {
        byte[] expected = storedHash.getBytes(StandardCharsets.US_ASCII);
        byte[] actual = hash(confirmationId, code).getBytes(StandardCharsets.US_ASCII);
        return MessageDigest.isEqual(expected, actual);
    }

    private static byte[] keyBytes(Optional<String> configuredKey, LaunchMode mode) {
        if (configuredKey.isPresent()) {
            String value = configuredKey.get();
            if (value.length() < MIN_KEY_LENGTH) {
                throw new ConfigurationException(KEY_PROPERTY + " must be at least " + MIN_KEY_LENGTH
                        + " characters long; use a long random secret, the same on every replica");
            }
            return value.getBytes(StandardCharsets.UTF_8);
        }
        if (mode.isDevOrTest()) {
            LOG.warnf("%s is not set: using a random key for this run. Codes issued before a restart will no longer"
                    + " match; set the property before going to production.", KEY_PROPERTY);
            byte[] random = new byte[32];
            new SecureRandom().nextBytes(random);
            return random;
        }
        throw new ConfigurationException(KEY_PROPERTY + " is required in production: set it to a long random secret"
                + " (at least " + MIN_KEY_LENGTH + " characters), the same on every replica");
    }
}
