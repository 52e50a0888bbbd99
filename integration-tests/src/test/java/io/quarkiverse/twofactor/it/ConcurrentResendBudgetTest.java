package io.quarkiverse.twofactor.it;

import static io.quarkiverse.twofactor.it.Api.freshRecipient;
import static io.quarkiverse.twofactor.it.Api.requestConfirmation;
import static io.quarkiverse.twofactor.it.Api.requestFor;
import static io.quarkiverse.twofactor.it.Api.resend;
import static org.junit.jupiter.api.Assertions.assertEquals;
import static org.junit.jupiter.api.Assertions.assertTrue;

import java.util.List;
import java.util.Map;

import jakarta.inject.Inject;

import org.junit.jupiter.api.Test;

import io.quarkiverse.twofactor.Outbox;
import io.quarkus.test.junit.QuarkusTest;
import io.quarkus.test.junit.QuarkusTestProfile;
import io.quarkus.test.junit.TestProfile;

/**
 * Concurrent resends of one confirmation spend the recipient's send budget only on the codes they send: a resend that
 * loses the race to another counts its send first and must give it back. Runs on H2, on PostgreSQL under
 * -Ppostgresql, and on Redis in {@link RedisConcurrentResendBudgetTest}.
 */
@QuarkusTest
@TestProfile(ConcurrentResendBudgetTest.NoCooldown.class)
class ConcurrentResendBudgetTest {

    static final int LIMIT = 10;
    private static final int RESENDS = 5;
    private static final int ROUNDS = 4;

    /** No cooldown, so only the race decides which resends send; a limit the resends never reach. */
    public static class NoCooldown implements QuarkusTestProfile {
        @Override
        public Map<String, String> getConfigOverrides() {
            return Map.of("quarkus.two-factor.resend.cooldown", "0S",
                    "quarkus.two-factor.limits.sends-per-window", Integer.toString(LIMIT),
                    "quarkus.two-factor.limits.window", "10M",
                    "quarkus.two-factor.outbox.enabled", "true");
        }
    }

    @Inject
    Outbox outbox;

    @Test
    void fiveConcurrentResendsCountOnlyTheCodesTheySent() throws Exception {
        // A few rounds, each on a recipient of its own, so that the race is lost more than once.
        for (int round = 0; round < ROUNDS; round++) {
            String recipient = freshRecipient();
            String id = requestFor(recipient);
            List<Integer> answers = Concurrently.run(RESENDS, caller -> resend(id).extract().statusCode());
            assertTrue(answers.stream().allMatch(status -> status == 202 || status == 429), () -> "answered " + answers);
            long resent = answers.stream().filter(status -> status == 202).count();
            assertEquals(1 + resent, codesSentTo(recipient), "a code for the request and each resend answered 202");

            // The budget left is the limit less the codes sent, no less: exactly that many requests still get one.
            int allowed = 0;
            while (allowed <= LIMIT && requestConfirmation(Map.of("recipient", recipient)).extract()
                    .statusCode() == 201) {
                allowed++;
            }
            assertEquals(LIMIT - 1 - resent, allowed, () -> "resends answered " + answers);
        }
    }

    private long codesSentTo(String recipient) {
        return outbox.deliveries("default").stream().filter(delivery -> delivery.recipient().equals(recipient))
                .count();
    }
}
