package io.quarkiverse.twofactor.deployment;

import static org.junit.jupiter.api.Assertions.fail;

import org.junit.jupiter.api.Test;
import org.junit.jupiter.api.extension.RegisterExtension;

import io.quarkus.test.QuarkusUnitTest;

class NegativeDeliveryQueueTest {

    @RegisterExtension
    static final QuarkusUnitTest app = new QuarkusUnitTest()
            .withConfigurationResource(TestApps.H2_CONFIG)
            .overrideConfigKey("quarkus.two-factor.senders.\"sms\".backend", "log")
            .overrideConfigKey("quarkus.two-factor.default-sender", "sms")
            .overrideConfigKey("quarkus.two-factor.senders.\"sms\".delivery.max-queued", "-1")
            .assertException(t -> TestApps.assertConfigurationErrorNaming(t,
                    "quarkus.two-factor.senders.\"sms\".delivery.max-queued"));

    @Test
    void negativeMaxQueuedFailsStartup() {
        fail("startup should have failed");
    }
}
