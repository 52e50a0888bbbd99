package io.quarkiverse.twofactor.it.limits;

import static io.quarkiverse.twofactor.it.Api.PROBLEM;
import static io.quarkiverse.twofactor.it.Api.freshRecipient;
import static io.quarkiverse.twofactor.it.Api.requestConfirmation;
import static org.hamcrest.Matchers.endsWith;

import java.util.HashMap;
import java.util.Map;

import org.junit.jupiter.api.Test;

import io.quarkus.test.junit.QuarkusTest;
import io.quarkus.test.junit.QuarkusTestProfile;
import io.quarkus.test.junit.TestProfile;

/**
 * The caller limit and the sender budget count in the store, beside the recipients' windows and apart from them: here
 * on the default store; the subclasses run the same on the others.
 */
@QuarkusTest
@TestProfile(CallerAndSenderLimitsTest.TwoRequestsOneSend.class)
class CallerAndSenderLimitsTest {

    /** Two calls per address and one send for the default sender, on the store {@link #store()} names. */
    public static class TwoRequestsOneSend implements QuarkusTestProfile {
        @Override
        public Map<String, String> getConfigOverrides() {
            Map<String, String> config = new HashMap<>(store());
            config.put("quarkus.two-factor.rest.mode", "open");
            config.put("quarkus.two-factor.limits.requests-per-address", "2");
            config.put("quarkus.two-factor.senders.default.limits.max-sends", "1");
            return config;
        }

        protected Map<String, String> store() {
            return Map.of();
        }
    }

    @Test
    void theBudgetRefusesTheSecondSendAndTheCallerLimitTheThirdCall() {
        requestConfirmation(Map.of("recipient", freshRecipient())).statusCode(201);

        requestConfirmation(Map.of("recipient", freshRecipient())).statusCode(503).contentType(PROBLEM)
                .body("type", endsWith("sender-budget-exhausted"));
        requestConfirmation(Map.of("recipient", freshRecipient())).statusCode(429).contentType(PROBLEM)
                .body("type", endsWith("too-many-requests"));
    }
}
