package io.quarkiverse.twofactor.it;

import static io.quarkiverse.twofactor.it.Api.PROBLEM;
import static io.quarkiverse.twofactor.it.Api.freshRecipient;
import static io.quarkiverse.twofactor.it.Api.requestConfirmation;
import static org.hamcrest.Matchers.endsWith;

import java.util.Map;

import jakarta.inject.Inject;

import org.junit.jupiter.api.Test;

import io.quarkiverse.twofactor.runtime.ExpiredCleanup;
import io.quarkus.test.junit.QuarkusTest;
import io.quarkus.test.junit.QuarkusTestProfile;
import io.quarkus.test.junit.TestProfile;

/**
 * A retention shorter than the send window, down to none at all, is a working configuration: the clean-up keeps the
 * record of a recipient's sends (the send log of the sliding limit) until its newest send leaves the window, so it never
 * hands the recipient a fresh send budget early.
 */
@QuarkusTest
@TestProfile(CleanupKeepsLiveWindowsTest.NoRetention.class)
class CleanupKeepsLiveWindowsTest {

    public static class NoRetention implements QuarkusTestProfile {
        @Override
        public Map<String, String> getConfigOverrides() {
            return Map.of("quarkus.two-factor.cleanup.retention", "0S",
                    "quarkus.two-factor.cleanup.enabled", "false",
                    "quarkus.two-factor.limits.sends-per-window", "1",
                    "quarkus.two-factor.limits.window", "10M");
        }
    }

    @Inject
    ExpiredCleanup cleanup;

    @Test
    void cleanUpWithNoRetentionKeepsTheWindowThatStillCountsSends() {
        String recipient = freshRecipient();
        requestConfirmation(Map.of("recipient", recipient)).statusCode(201);

        cleanup.run();

        requestConfirmation(Map.of("recipient", recipient)).statusCode(429).contentType(PROBLEM)
                .body("type", endsWith("too-many-sends"));
    }
}
