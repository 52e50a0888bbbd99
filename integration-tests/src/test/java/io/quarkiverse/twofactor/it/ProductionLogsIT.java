package io.quarkiverse.twofactor.it;

import static io.quarkiverse.twofactor.it.Api.confirm;
import static io.quarkiverse.twofactor.it.Api.deliveredCode;
import static io.quarkiverse.twofactor.it.Api.freshRecipient;
import static io.quarkiverse.twofactor.it.Api.protectedAction;
import static io.quarkiverse.twofactor.it.Api.requestConfirmation;
import static io.quarkiverse.twofactor.it.Api.resend;
import static io.quarkiverse.twofactor.it.Api.wrongCode;
import static org.hamcrest.Matchers.nullValue;
import static org.junit.jupiter.api.Assertions.assertFalse;
import static org.junit.jupiter.api.Assertions.assertTrue;

import java.nio.file.Files;
import java.nio.file.Path;
import java.util.ArrayList;
import java.util.List;
import java.util.Map;

import org.junit.jupiter.api.Test;

import io.quarkus.test.junit.QuarkusIntegrationTest;
import io.quarkus.test.junit.QuarkusTestProfile;
import io.quarkus.test.junit.TestProfile;

/**
 * The packaged application in production mode, logging at DEBUG and asked for debug code responses: no response and
 * no log line carries a code or the hash key.
 */
@QuarkusIntegrationTest
@TestProfile(ProductionLogsIT.DebugEverything.class)
class ProductionLogsIT {

    private static final String HASH_KEY = "demo-only-key-change-me-0123456789abcdef";

    public static class DebugEverything implements QuarkusTestProfile {
        @Override
        public Map<String, String> getConfigOverrides() {
            return Map.of("quarkus.log.level", "DEBUG", "quarkus.two-factor.debug-code-response", "true");
        }
    }

    @Test
    void noCodeOrKeyReachesResponsesOrLogs() throws Exception {
        List<String> codes = new ArrayList<>();
        for (int i = 0; i < 5; i++) {
            String recipient = freshRecipient();
            String id = requestConfirmation(Map.of("recipient", recipient)).statusCode(201)
                    .body("code", nullValue()).extract().path("id");
            String code = deliveredCode(recipient);
            codes.add(code);
            confirm(id, wrongCode(code)).statusCode(400);
            resend(id).statusCode(429);
            confirm(id, code).statusCode(200);
            protectedAction(id).statusCode(200);
        }

        String log = Files.readString(Path.of("target", "quarkus.log"));
        assertTrue(log.contains("debug-code-response is ignored"), "the ignored setting is reported");
        assertFalse(log.contains(HASH_KEY), "the hash key is in the log");
        for (String code : codes) {
            assertFalse(log.contains(code), "code " + code + " is in the log");
        }
    }
}
