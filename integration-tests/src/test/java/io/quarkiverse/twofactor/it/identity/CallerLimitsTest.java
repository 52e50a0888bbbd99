package io.quarkiverse.twofactor.it.identity;

import static io.quarkiverse.twofactor.it.Api.PROBLEM;
import static io.quarkiverse.twofactor.it.Api.freshRecipient;
import static io.quarkiverse.twofactor.it.identity.Caller.ALICE;
import static io.quarkiverse.twofactor.it.identity.Caller.BOB;
import static org.hamcrest.Matchers.allOf;
import static org.hamcrest.Matchers.endsWith;
import static org.hamcrest.Matchers.greaterThanOrEqualTo;
import static org.hamcrest.Matchers.lessThanOrEqualTo;

import java.util.HashMap;
import java.util.Map;

import org.junit.jupiter.api.Test;

import io.quarkus.test.junit.QuarkusTest;
import io.quarkus.test.junit.TestProfile;
import io.restassured.response.ValidatableResponse;

/**
 * {@code limits.requests-per-principal} counts each signed-in caller's calls that send codes (adding a destination,
 * {@code request-confirmation}, {@code resend}) under the caller's principal, so one user over the limit leaves
 * another user's calls alone.
 */
@QuarkusTest
@TestProfile(CallerLimitsTest.FourRequestsPerCaller.class)
class CallerLimitsTest {

    public static class FourRequestsPerCaller extends IdentityModeProfile {
        @Override
        public Map<String, String> getConfigOverrides() {
            Map<String, String> config = new HashMap<>(super.getConfigOverrides());
            config.put("quarkus.two-factor.limits.requests-per-principal", "4");
            config.put("quarkus.two-factor.limits.caller-window", "10M");
            return config;
        }
    }

    @Test
    void aCallerOverTheLimitGets429WhileAnotherCallerIsStillServed() {
        String recipient = freshRecipient();
        ALICE.verifiedDestination(recipient);
        String id = ALICE.requestConfirmation(Map.of("purpose", "secured-action")).statusCode(201).extract().path("id");
        ALICE.resend(id).statusCode(202);
        ALICE.requestConfirmation(Map.of("purpose", "secured-action")).statusCode(201);

        // Four calls so far, the resend among them: every further one is refused, whatever the endpoint.
        tooManyRequests(ALICE.requestConfirmation(Map.of("purpose", "secured-action")));
        tooManyRequests(ALICE.resend(id));
        tooManyRequests(ALICE.addDestination(Map.of("recipient", freshRecipient())));

        BOB.addDestination(Map.of("recipient", freshRecipient())).statusCode(201);
    }

    private static void tooManyRequests(ValidatableResponse response) {
        response.statusCode(429).contentType(PROBLEM).body("type", endsWith("too-many-requests"))
                .header("Retry-After", Integer::parseInt, allOf(greaterThanOrEqualTo(1), lessThanOrEqualTo(600)));
    }
}
