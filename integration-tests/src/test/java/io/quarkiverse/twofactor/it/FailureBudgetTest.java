package io.quarkiverse.twofactor.it;

import static io.quarkiverse.twofactor.it.Api.PROBLEM;
import static io.quarkiverse.twofactor.it.Api.confirm;
import static io.quarkiverse.twofactor.it.Api.freshRecipient;
import static io.quarkiverse.twofactor.it.Api.requestConfirmation;
import static io.quarkiverse.twofactor.it.Api.wrongCode;
import static org.junit.jupiter.api.Assertions.assertEquals;
import static org.junit.jupiter.api.Assertions.assertThrows;
import static org.junit.jupiter.api.Assertions.assertTrue;

import java.time.Duration;
import java.time.Instant;
import java.util.Map;
import java.util.UUID;

import jakarta.inject.Inject;

import org.junit.jupiter.api.Test;

import io.quarkiverse.twofactor.Binding;
import io.quarkiverse.twofactor.ConfirmResult.Outcome;
import io.quarkiverse.twofactor.Confirmer;
import io.quarkiverse.twofactor.NewConfirmation;
import io.quarkiverse.twofactor.TooManyFailuresException;
import io.quarkus.test.junit.QuarkusTest;
import io.quarkus.test.junit.QuarkusTestProfile;
import io.quarkus.test.junit.TestProfile;
import io.restassured.response.ExtractableResponse;
import io.restassured.response.Response;

/**
 * The guess budget against an attacker who asks for new confirmations to get new attempts: with 5 sends per window and
 * 5 attempts per confirmation the send limit alone would allow 25 wrong codes per window; the budget allows
 * {@value #MAX} in all, and then refuses requests and confirms alike until the lockout has passed.
 */
@QuarkusTest
@TestProfile(FailureBudgetTest.ShortBudget.class)
class FailureBudgetTest {

    static final int MAX = 10;
    static final Duration WINDOW = Duration.ofSeconds(2);
    static final Duration LOCKOUT = Duration.ofSeconds(8);

    /** A lockout longer than three send windows, so that the whole attack runs inside one. */
    public static class ShortBudget implements QuarkusTestProfile {
        @Override
        public Map<String, String> getConfigOverrides() {
            return Map.of("quarkus.two-factor.ttl", "5S",
                    "quarkus.two-factor.limits.window", WINDOW.toSeconds() + "S",
                    "quarkus.two-factor.limits.max-consecutive-failures", Integer.toString(MAX),
                    "quarkus.two-factor.limits.failure-lockout", LOCKOUT.toSeconds() + "S");
        }
    }

    @Inject
    Confirmer confirmer;

    @Test
    void anAttackerOverThreeWindowsGetsMaxWrongAnswersInAllThenWaitsOutTheLockout() throws Exception {
        String recipient = freshRecipient();
        ExtractableResponse<Response> kept = requestConfirmation(Map.of("recipient", recipient)).statusCode(201)
                .extract();
        int wrongAnswers = 0;
        int lockedRequests = 0;
        ExtractableResponse<Response> lastRefusal = null;
        Instant end = Instant.now().plus(WINDOW.multipliedBy(3));
        while (Instant.now().isBefore(end)) {
            ExtractableResponse<Response> requested = requestConfirmation(Map.of("recipient", recipient)).extract();
            if (requested.statusCode() == 201) {
                wrongAnswers += guessUntilRefused(requested.path("id"), requested.path("code"));
            } else if (isProblem(requested, "too-many-sends")) {
                Thread.sleep(retryAfter(requested).toMillis());
            } else {
                assertLockedOut(requested);
                if (lockedRequests++ == 0) {
                    // Even the right code of a confirmation made before the lockout is refused.
                    assertLockedOut(confirm(kept.path("id"), kept.path("code")).extract());
                }
                lastRefusal = requested;
                Thread.sleep(100);
            }
        }

        assertEquals(MAX, wrongAnswers, "wrong codes answered over three windows");
        assertTrue(lockedRequests > 0, "no request was refused");

        Thread.sleep(retryAfter(lastRefusal).toMillis());
        ExtractableResponse<Response> after = requestConfirmation(Map.of("recipient", recipient)).statusCode(201)
                .extract();
        confirm(after.path("id"), after.path("code")).statusCode(200);
    }

    @Test
    void aRightCodeStartsTheCountAgain() {
        String recipient = freshRecipient();
        assertEquals(5, guessUntilRefused(request(recipient)));
        ExtractableResponse<Response> second = request(recipient);
        for (int i = 0; i < 4; i++) {
            confirm(second.path("id"), wrongCode(second.path("code"))).statusCode(400);
        }
        confirm(second.path("id"), second.path("code")).statusCode(200);

        // Nine failures were forgotten: a whole budget is there again, and no more.
        assertEquals(5, guessUntilRefused(request(recipient)));
        assertEquals(5, guessUntilRefused(request(recipient)));
        assertLockedOut(requestConfirmation(Map.of("recipient", recipient)).extract());
    }

    @Test
    void wrongCodesCountAgainstTheOwnerWhateverTheRecipient() {
        Binding owner = new Binding("guesser-" + UUID.randomUUID(), "sign-in");
        String firstRecipient = freshRecipient();
        NewConfirmation kept = confirmer.make(owner, Map.of());
        for (String recipient : new String[] { firstRecipient, freshRecipient() }) {
            NewConfirmation sent = confirmer.request(owner, null, recipient, Map.of());
            for (int i = 0; i < 5; i++) {
                Outcome outcome = confirmer.confirm(sent.state().id(), owner.owner(), wrongCode(sent.code())).outcome();
                assertEquals(i < 4 ? Outcome.WRONG_CODE : Outcome.ATTEMPTS_EXHAUSTED, outcome);
            }
        }

        TooManyFailuresException refused = assertThrows(TooManyFailuresException.class,
                () -> confirmer.confirm(kept.state().id(), owner.owner(), kept.code()));
        assertTrue(!refused.retryAfter().isNegative() && refused.retryAfter().compareTo(LOCKOUT) <= 0,
                refused.retryAfter().toString());
        assertThrows(TooManyFailuresException.class,
                () -> confirmer.request(owner, null, freshRecipient(), Map.of()));
        assertThrows(TooManyFailuresException.class, () -> confirmer.make(owner, Map.of()));

        // The recipients themselves were never counted, nor was anyone else.
        NewConfirmation forSomeoneElse = confirmer.request(new Binding("bystander-" + UUID.randomUUID(), "sign-in"),
                null, firstRecipient, Map.of());
        assertEquals(Outcome.CONFIRMED, confirmer.confirm(forSomeoneElse.state().id(), forSomeoneElse.code())
                .outcome());
        String openId = Api.requestFor(firstRecipient);
        confirm(openId, Api.deliveredCode(firstRecipient)).statusCode(200);
    }

    private static ExtractableResponse<Response> request(String recipient) {
        return requestConfirmation(Map.of("recipient", recipient)).statusCode(201).extract();
    }

    private static int guessUntilRefused(ExtractableResponse<Response> requested) {
        return guessUntilRefused(requested.path("id"), requested.path("code"));
    }

    /**
     * Wrong codes until the confirmation or its recipient refuses more; returns how many were answered as wrong,
     * the one that used up the last attempt included.
     */
    private static int guessUntilRefused(String id, String code) {
        for (int answered = 0;; answered++) {
            ExtractableResponse<Response> guessed = confirm(id, wrongCode(code)).extract();
            if (isProblem(guessed, "attempts-exhausted")) {
                return answered + 1;
            }
            if (guessed.statusCode() != 400) {
                assertLockedOut(guessed);
                return answered;
            }
            assertTrue(isProblem(guessed, "wrong-code"), guessed.asString());
        }
    }

    private static boolean isProblem(ExtractableResponse<Response> response, String type) {
        return PROBLEM.equals(response.contentType())
                && ("urn:quarkus-two-factor:problem:" + type).equals(response.path("type"));
    }

    private static void assertLockedOut(ExtractableResponse<Response> response) {
        assertEquals(429, response.statusCode(), response.asString());
        assertTrue(isProblem(response, "too-many-failures"), response.asString());
        Duration retryAfter = retryAfter(response);
        assertTrue(retryAfter.toSeconds() >= 1 && retryAfter.compareTo(LOCKOUT) <= 0, retryAfter.toString());
    }

    private static Duration retryAfter(ExtractableResponse<Response> response) {
        return Duration.ofSeconds(Long.parseLong(response.header("Retry-After")));
    }
}
