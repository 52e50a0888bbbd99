package io.quarkiverse.twofactor.runtime.totp;

import static org.junit.jupiter.api.Assertions.assertEquals;
import static org.junit.jupiter.api.Assertions.assertThrows;
import static org.junit.jupiter.api.Assertions.assertTrue;

import java.nio.charset.StandardCharsets;
import java.time.Duration;
import java.time.Instant;
import java.util.OptionalLong;

import org.junit.jupiter.params.ParameterizedTest;
import org.junit.jupiter.params.provider.CsvSource;
import org.junit.jupiter.api.Test;

class TotpCodesTest {

    /** The seeds of RFC 6238, Appendix B: the ASCII digits repeated to the hash's own length. */
    private static byte[] rfcSeed(TotpAlgorithm algorithm) {
        String digits = "1234567890".repeat(7);
        int length = switch (algorithm) {
            case SHA1 -> 20;
            case SHA256 -> 32;
            case SHA512 -> 64;
        };
        return digits.substring(0, length).getBytes(StandardCharsets.US_ASCII);
    }

    @ParameterizedTest(name = "{0} at {1}s")
    @CsvSource({
            "SHA1, 59, 94287082", "SHA256, 59, 46119246", "SHA512, 59, 90693936",
            "SHA1, 1111111109, 07081804", "SHA256, 1111111109, 68084774", "SHA512, 1111111109, 25091201",
            "SHA1, 1111111111, 14050471", "SHA256, 1111111111, 67062674", "SHA512, 1111111111, 99943326",
            "SHA1, 1234567890, 89005924", "SHA256, 1234567890, 91819424", "SHA512, 1234567890, 93441116",
            "SHA1, 2000000000, 69279037", "SHA256, 2000000000, 90698825", "SHA512, 2000000000, 38618901",
            "SHA1, 20000000000, 65353130", "SHA256, 20000000000, 77737706", "SHA512, 20000000000, 47863826" })
    void rfc6238TestVectors(TotpAlgorithm algorithm, long seconds, String expected) {
        TotpCodes codes = new TotpCodes(algorithm, 8, Duration.ofSeconds(30));
        long step = codes.stepAt(Instant.ofEpochSecond(seconds));
        assertEquals(expected, codes.codeAt(rfcSeed(algorithm), step));
    }

    @Test
    void sixDigitCodesAreTheLastSixOfTheEightDigitOnes() {
        TotpCodes six = new TotpCodes(TotpAlgorithm.SHA1, 6, Duration.ofSeconds(30));
        // 07081804 keeps its leading zero when shortened to 081804.
        assertEquals("081804", six.codeAt(rfcSeed(TotpAlgorithm.SHA1), six.stepAt(Instant.ofEpochSecond(1111111109))));
    }

    @Test
    void aCodeMatchesWithinTheSkewAndNotBeyond() {
        TotpCodes codes = new TotpCodes(TotpAlgorithm.SHA1, 6, Duration.ofSeconds(30));
        byte[] secret = rfcSeed(TotpAlgorithm.SHA1);
        long now = 1_000_000;
        assertEquals(OptionalLong.of(now), codes.matchingStep(secret, codes.codeAt(secret, now), now, 1));
        assertEquals(OptionalLong.of(now - 1), codes.matchingStep(secret, codes.codeAt(secret, now - 1), now, 1));
        assertEquals(OptionalLong.of(now + 1), codes.matchingStep(secret, codes.codeAt(secret, now + 1), now, 1));
        assertTrue(codes.matchingStep(secret, codes.codeAt(secret, now - 2), now, 1).isEmpty());
        assertTrue(codes.matchingStep(secret, codes.codeAt(secret, now + 2), now, 1).isEmpty());
        assertTrue(codes.matchingStep(secret, codes.codeAt(secret, now + 1), now, 0).isEmpty());
    }

    @Test
    void theStepCountsWholePeriodsSinceTheEpoch() {
        TotpCodes codes = new TotpCodes(TotpAlgorithm.SHA1, 6, Duration.ofSeconds(60));
        assertEquals(0, codes.stepAt(Instant.ofEpochSecond(59)));
        assertEquals(1, codes.stepAt(Instant.ofEpochSecond(60)));
        assertEquals(-1, codes.stepAt(Instant.ofEpochSecond(-1)));
    }

    @Test
    void settingsAppsCannotFollowAreRefused() {
        assertThrows(IllegalArgumentException.class, () -> new TotpCodes(TotpAlgorithm.SHA1, 5, Duration.ofSeconds(30)));
        assertThrows(IllegalArgumentException.class, () -> new TotpCodes(TotpAlgorithm.SHA1, 9, Duration.ofSeconds(30)));
        assertThrows(IllegalArgumentException.class, () -> new TotpCodes(TotpAlgorithm.SHA1, 6, Duration.ofMillis(1500)));
        assertThrows(IllegalArgumentException.class, () -> new TotpCodes(TotpAlgorithm.SHA1, 6, Duration.ZERO));
    }
}
