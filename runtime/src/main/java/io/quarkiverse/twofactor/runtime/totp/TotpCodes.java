package io.quarkiverse.twofactor.runtime.totp;

import java.nio.ByteBuffer;
import java.nio.charset.StandardCharsets;
import java.security.GeneralSecurityException;
import java.security.MessageDigest;
import java.time.Duration;
import java.time.Instant;
import java.util.OptionalLong;

import javax.crypto.Mac;
import javax.crypto.spec.SecretKeySpec;

/**
 * Time-based one-time codes as RFC 6238 defines them: the HOTP value (RFC 4226) of the number of whole periods since
 * the Unix epoch. One instance per setting of algorithm, digits and period; it holds no secret and is thread-safe.
 */
public final class TotpCodes {

    private static final int[] POWERS_OF_TEN = { 1, 10, 100, 1_000, 10_000, 100_000, 1_000_000, 10_000_000,
            100_000_000 };

    private final TotpAlgorithm algorithm;
    private final int digits;
    private final long periodSeconds;

    public TotpCodes(TotpAlgorithm algorithm, int digits, Duration period) {
        if (digits < 6 || digits > 8) {
            throw new IllegalArgumentException("digits must be 6, 7 or 8");
        }
        if (period.toSeconds() < 1 || period.toMillis() % 1000 != 0) {
            throw new IllegalArgumentException("period must be a whole number of seconds, at least one");
        }
        this.algorithm = algorithm;
        this.digits = digits;
        this.periodSeconds = period.toSeconds();
    }

    /** The time step that holds {@code time}. */
    public long stepAt(Instant time) {
        return Math.floorDiv(time.getEpochSecond(), periodSeconds);
    }

    /** The code of a time step, with its leading zeros. */
    public String codeAt(byte[] secret, long step) {
        byte[] hash = mac(secret, ByteBuffer.allocate(Long.BYTES).putLong(step).array());
        // Dynamic truncation (RFC 4226, 5.3): four bytes from the offset the last nibble names, sign bit cleared.
        int offset = hash[hash.length - 1] & 0x0f;
        int binary = ((hash[offset] & 0x7f) << 24) | ((hash[offset + 1] & 0xff) << 16)
                | ((hash[offset + 2] & 0xff) << 8) | (hash[offset + 3] & 0xff);
        String code = Integer.toString(binary % POWERS_OF_TEN[digits]);
        return "0".repeat(digits - code.length()) + code;
    }

    /**
     * The step, among the {@code skew} steps either side of {@code current} and {@code current} itself, whose code is
     * {@code code}; empty when none. Every candidate is computed and compared in constant time, so the answer's timing
     * does not tell which step matched.
     */
    public OptionalLong matchingStep(byte[] secret, String code, long current, int skew) {
        byte[] given = code.getBytes(StandardCharsets.US_ASCII);
        long matched = Long.MIN_VALUE;
        for (long step = current - skew; step <= current + skew; step++) {
            if (MessageDigest.isEqual(codeAt(secret, step).getBytes(StandardCharsets.US_ASCII), given)
                    && matched == Long.MIN_VALUE) {
                matched = step;
            }
        }
        return matched == Long.MIN_VALUE ? OptionalLong.empty() : OptionalLong.of(matched);
    }

    public TotpAlgorithm algorithm() {
        return algorithm;
    }

    public int digits() {
        return digits;
    }

    public long periodSeconds() {
        return periodSeconds;
    }

    private byte[] mac(byte[] secret, byte[] message) {
        try {
            Mac mac = Mac.getInstance(algorithm.macName());
            mac.init(new SecretKeySpec(secret, algorithm.macName()));
            return mac.doFinal(message);
        } catch (GeneralSecurityException e) {
            throw new IllegalStateException("The JVM cannot compute " + algorithm.macName(), e);
        }
    }
}
