package io.quarkiverse.twofactor.twilio.deployment;

import static org.junit.jupiter.api.Assertions.assertFalse;
import static org.junit.jupiter.api.Assertions.assertInstanceOf;
import static org.junit.jupiter.api.Assertions.assertTrue;
import static org.junit.jupiter.api.Assertions.fail;

import org.junit.jupiter.api.Test;
import org.junit.jupiter.api.extension.RegisterExtension;

import io.quarkus.runtime.configuration.ConfigurationException;
import io.quarkus.test.QuarkusUnitTest;

class TwilioConfigValidationTest {

    private static final String SENDER = "quarkus.two-factor.senders.\"sms\".";

    @RegisterExtension
    static final QuarkusUnitTest app = new QuarkusUnitTest()
            .overrideConfigKey(SENDER + "backend", "twilio")
            .overrideConfigKey(SENDER + "twilio.auth-token", "a-token-that-must-not-be-shown")
            .overrideConfigKey(SENDER + "twilio.from", "+15005550006")
            .assertException(TwilioConfigValidationTest::namesTheAccountSid);

    @Test
    void twilioSenderWithoutAccountSidFailsStartupNamingTheProperty() {
        fail("startup should have failed");
    }

    private static void namesTheAccountSid(Throwable thrown) {
        Throwable root = thrown;
        while (root.getCause() != null && root.getCause() != root) {
            root = root.getCause();
        }
        assertInstanceOf(ConfigurationException.class, root, () -> "root cause of " + thrown);
        String message = root.getMessage();
        assertTrue(message.contains(SENDER + "twilio.account-sid"), () -> "should name the property: " + message);
        assertFalse(message.contains("a-token-that-must-not-be-shown"), () -> "shows the token: " + message);
    }
}
