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
 * Windows of different lengths share the store: a recipient's window of one second beside the default sender's budget
 * window of ten minutes. The clean-up keeps every window until the longest length has passed, so it never deletes a
 * budget that still counts once a recipient's window has ended.
 */
@QuarkusTest
@TestProfile(CleanupKeepsLiveBudgetWindowsTest.ShortRecipientWindow.class)
class CleanupKeepsLiveBudgetWindowsTest {

    public static class ShortRecipientWindow implements QuarkusTestProfile {
        @Override
        public Map<String, String> getConfigOverrides() {
            return Map.of("quarkus.two-factor.rest.mode", "open",
                    "quarkus.two-factor.cleanup.retention", "0S",
                    "quarkus.two-factor.cleanup.enabled", "false",
                    "quarkus.two-factor.limits.window", "1S",
                    "quarkus.two-factor.senders.default.limits.max-sends", "1",
                    "quarkus.two-factor.senders.default.limits.window", "10M");
        }
    }

    @Inject
    ExpiredCleanup cleanup;

    @Test
    void cleanUpAfterTheRecipientWindowKeepsTheSenderBudgetThatStillCounts() throws InterruptedException {
        requestConfirmation(Map.of("recipient", freshRecipient())).statusCode(201);
        // Past the one-second recipient window: a clean-up that judged every window by that length would delete the
        // budget's window too.
        Thread.sleep(1_500);

        cleanup.run();

        requestConfirmation(Map.of("recipient", freshRecipient())).statusCode(503).contentType(PROBLEM)
                .body("type", endsWith("sender-budget-exhausted"));
    }
}
