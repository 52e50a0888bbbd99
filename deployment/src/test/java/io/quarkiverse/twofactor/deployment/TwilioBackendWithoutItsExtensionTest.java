package io.quarkiverse.twofactor.deployment;

import static org.junit.jupiter.api.Assertions.assertTrue;
import static org.junit.jupiter.api.Assertions.fail;

import org.junit.jupiter.api.Test;
import org.junit.jupiter.api.extension.RegisterExtension;

import io.quarkus.test.QuarkusUnitTest;

/** The {@code twilio} backend comes in its own extension, which this module's tests do not have. */
class TwilioBackendWithoutItsExtensionTest {

    @RegisterExtension
    static final QuarkusUnitTest app = new QuarkusUnitTest()
            .withConfigurationResource(TestApps.H2_CONFIG)
            .overrideConfigKey("quarkus.two-factor.senders.\"sms\".backend", "twilio")
            .assertException(t -> {
                String message = TestApps.configurationErrorMessage(t);
                assertTrue(message.contains("quarkus.two-factor.senders.\"sms\".backend"), message);
                assertTrue(message.contains("io.quarkiverse.twofactor:quarkus-two-factor-twilio"), message);
            });

    @Test
    void twilioBackendWithoutItsExtensionFailsStartupNamingTheArtifactToAdd() {
        fail("startup should have failed");
    }
}
