package io.quarkiverse.twofactor.it;

import static io.quarkiverse.twofactor.it.Api.PROBLEM;
import static io.quarkiverse.twofactor.it.Api.freshRecipient;
import static io.quarkiverse.twofactor.it.Api.requestConfirmation;
import static org.hamcrest.Matchers.endsWith;
import static org.junit.jupiter.api.Assertions.assertEquals;
import static org.junit.jupiter.api.Assertions.assertThrows;

import java.util.Map;
import java.util.UUID;

import jakarta.inject.Inject;

import org.junit.jupiter.api.Test;

import io.quarkiverse.twofactor.Binding;
import io.quarkiverse.twofactor.ConfirmResult.Outcome;
import io.quarkiverse.twofactor.Confirmer;
import io.quarkiverse.twofactor.NewConfirmation;
import io.quarkiverse.twofactor.TooManyFailuresException;
import io.quarkiverse.twofactor.runtime.ExpiredCleanup;
import io.quarkus.test.junit.QuarkusTest;
import io.quarkus.test.junit.QuarkusTestProfile;
import io.quarkus.test.junit.TestProfile;

/**
 * A retention shorter than the send window, down to none at all, is a working configuration: the clean-up keeps the
 * record of a recipient's sends (the send log of the sliding limit) until its newest send leaves the window, so it never
 * hands the recipient a fresh send budget early, and a failure count until its lockout has passed, so it never lifts a
 * lockout early.
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
                    "quarkus.two-factor.limits.window", "10M",
                    "quarkus.two-factor.limits.max-consecutive-failures", "1");
        }
    }

    @Inject
    ExpiredCleanup cleanup;

    @Inject
    Confirmer confirmer;

    @Test
    void cleanUpWithNoRetentionKeepsTheWindowThatStillCountsSends() {
        String recipient = freshRecipient();
        requestConfirmation(Map.of("recipient", recipient)).statusCode(201);

        cleanup.run();

        requestConfirmation(Map.of("recipient", recipient)).statusCode(429).contentType(PROBLEM)
                .body("type", endsWith("too-many-sends"));
    }

    @Test
    void cleanUpWithNoRetentionKeepsALockoutThatHasNotEnded() {
        Binding owner = new Binding("cleanup-" + UUID.randomUUID(), "sign-in");
        NewConfirmation made = confirmer.make(owner, Map.of());
        assertEquals(Outcome.WRONG_CODE, confirmer.confirm(made.state().id(), Api.wrongCode(made.code())).outcome());

        cleanup.run();

        assertThrows(TooManyFailuresException.class, () -> confirmer.make(owner, Map.of()));
    }
}
