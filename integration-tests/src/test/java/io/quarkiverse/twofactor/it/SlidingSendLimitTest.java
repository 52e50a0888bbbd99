package io.quarkiverse.twofactor.it;

import static io.quarkiverse.twofactor.it.Api.freshRecipient;
import static io.quarkiverse.twofactor.it.Api.requestConfirmation;
import static org.junit.jupiter.api.Assertions.assertTrue;

import java.time.Duration;
import java.time.Instant;
import java.util.List;
import java.util.Map;

import jakarta.inject.Inject;

import org.junit.jupiter.api.Test;

import io.quarkiverse.twofactor.Outbox;
import io.quarkus.test.junit.QuarkusTest;
import io.quarkus.test.junit.QuarkusTestProfile;
import io.quarkus.test.junit.TestProfile;

/**
 * The send limit over real requests: at most {@code sends-per-window} codes reach a recipient in any interval of
 * {@code limits.window}, including one that straddles the moment a window counted from the first send would restart.
 */
@QuarkusTest
@TestProfile(SlidingSendLimitTest.TwoSecondWindow.class)
class SlidingSendLimitTest {

    private static final int LIMIT = 3;
    private static final Duration WINDOW = Duration.ofSeconds(2);
    private static final Duration TTL = Duration.ofMinutes(5);

    public static class TwoSecondWindow implements QuarkusTestProfile {
        @Override
        public Map<String, String> getConfigOverrides() {
            return Map.of("quarkus.two-factor.limits.sends-per-window", Integer.toString(LIMIT),
                    "quarkus.two-factor.limits.window", WINDOW.toString(),
                    "quarkus.two-factor.ttl", TTL.toString(),
                    "quarkus.two-factor.outbox.enabled", "true");
        }
    }

    @Inject
    Outbox outbox;

    /**
     * One code, then a stream of requests from late in its window to well past the window's end. A window restarting
     * at the first send's window end would let the 2 codes sent late in it be followed by 3 fresh ones.
     */
    @Test
    void aBurstAcrossTheWindowEdgeNeverGetsMoreThanTheLimitIntoAnyWindow() throws Exception {
        String recipient = freshRecipient();
        requestConfirmation(Map.of("recipient", recipient)).statusCode(201);
        Instant first = sentTimes(recipient).get(0);

        Thread.sleep(Math.max(0, Duration.between(Instant.now(), first.plusMillis(1500)).toMillis()));
        int refused = 0;
        while (Instant.now().isBefore(first.plus(WINDOW).plusSeconds(1))) {
            int status = requestConfirmation(Map.of("recipient", recipient)).extract().statusCode();
            assertTrue(status == 201 || status == 429, () -> "answered " + status);
            refused += status == 429 ? 1 : 0;
            Thread.sleep(20);
        }

        List<Instant> sent = sentTimes(recipient);
        for (Instant last : sent) {
            long inWindow = sent.stream().filter(s -> s.isAfter(last.minus(WINDOW)) && !s.isAfter(last)).count();
            assertTrue(inWindow <= LIMIT, () -> inWindow + " codes in the window ending at " + last + ": " + sent);
        }
        assertTrue(refused > 0, "the limit never refused a request");
        assertTrue(sent.size() > LIMIT, () -> "sends never resumed once the first left the window: " + sent);
    }

    /** When each code to the recipient was sent: the confirmer counts a send at the moment it makes the code. */
    private List<Instant> sentTimes(String recipient) {
        return outbox.deliveries("default").stream().filter(delivery -> delivery.recipient().equals(recipient))
                .map(delivery -> delivery.expiresAt().minus(TTL)).sorted().toList();
    }
}
