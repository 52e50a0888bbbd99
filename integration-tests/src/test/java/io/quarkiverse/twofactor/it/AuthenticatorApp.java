package io.quarkiverse.twofactor.it;

import java.time.Duration;
import java.time.Instant;

import io.quarkiverse.twofactor.runtime.totp.TotpAlgorithm;
import io.quarkiverse.twofactor.runtime.totp.TotpCodes;

/** What a user's authenticator app computes with the demo's settings, for tests that act as the app. */
public final class AuthenticatorApp {

    /** The codes of an app with the default settings: SHA-1, 6 digits, 30 seconds. */
    public static final TotpCodes CODES = new TotpCodes(TotpAlgorithm.SHA1, 6, Duration.ofSeconds(30));

    private AuthenticatorApp() {
    }

    /** The current step, once at least three seconds of it are left, so that a test's codes do not cross a boundary. */
    public static long stableStep() {
        long secondsLeft = 30 - Instant.now().getEpochSecond() % 30;
        if (secondsLeft < 3) {
            try {
                Thread.sleep(secondsLeft * 1000);
            } catch (InterruptedException e) {
                Thread.currentThread().interrupt();
                throw new IllegalStateException(e);
            }
        }
        return CODES.stepAt(Instant.now());
    }
}
