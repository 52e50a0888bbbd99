package io.quarkiverse.twofactor.runtime.totp;

import static org.junit.jupiter.api.Assertions.assertEquals;

import java.io.IOException;
import java.nio.charset.StandardCharsets;
import java.time.Duration;
import java.time.Instant;
import java.time.ZoneOffset;
import java.time.format.DateTimeFormatter;
import java.util.Random;
import java.util.concurrent.TimeUnit;

import org.junit.jupiter.api.Tag;
import org.junit.jupiter.params.ParameterizedTest;
import org.junit.jupiter.params.provider.EnumSource;

/**
 * Codes agree with an independent implementation, Debian's {@code oathtool}, for random secrets at fixed times. Tagged
 * {@code oathtool}: {@code -Poathtool} runs it, on a machine with the package installed.
 */
@Tag("oathtool")
class OathtoolAgreementTest {

    private static final DateTimeFormatter OATHTOOL_TIME = DateTimeFormatter.ofPattern("yyyy-MM-dd HH:mm:ss 'UTC'")
            .withZone(ZoneOffset.UTC);

    @ParameterizedTest
    @EnumSource(TotpAlgorithm.class)
    void codesMatchOathtoolForRandomSecretsAtFixedTimes(TotpAlgorithm algorithm) throws Exception {
        Random random = new Random(algorithm.ordinal());
        for (int i = 0; i < 10; i++) {
            byte[] secret = new byte[20 + random.nextInt(45)];
            random.nextBytes(secret);
            int digits = random.nextBoolean() ? 6 : 8;
            int period = random.nextBoolean() ? 30 : 60;
            Instant time = Instant.ofEpochSecond(1_500_000_000L + random.nextInt(500_000_000));
            TotpCodes codes = new TotpCodes(algorithm, digits, Duration.ofSeconds(period));
            assertEquals(oathtool(algorithm, digits, period, time, secret), codes.codeAt(secret, codes.stepAt(time)),
                    () -> algorithm + ", " + digits + " digits, " + period + " s, at " + time);
        }
    }

    private static String oathtool(TotpAlgorithm algorithm, int digits, int period, Instant time, byte[] secret)
            throws IOException, InterruptedException {
        Process process = new ProcessBuilder("oathtool", "--totp=" + algorithm.name(), "--base32",
                "--digits=" + digits, "--time-step-size=" + period + "s", "--now=" + OATHTOOL_TIME.format(time),
                Base32.encode(secret)).redirectErrorStream(true).start();
        String output = new String(process.getInputStream().readAllBytes(), StandardCharsets.UTF_8).trim();
        if (!process.waitFor(10, TimeUnit.SECONDS) || process.exitValue() != 0) {
            throw new IllegalStateException("oathtool failed: " + output);
        }
        return output;
    }
}
