package io.quarkiverse.twofactor.deployment;

import static org.junit.jupiter.api.Assertions.fail;

import org.junit.jupiter.api.Test;
import org.junit.jupiter.api.extension.RegisterExtension;

import io.quarkus.test.QuarkusUnitTest;

class NonPositiveDeliveryDeadlineTest {

    @RegisterExtension
    static final QuarkusUnitTest app = new QuarkusUnitTest()
            .withConfigurationResource(TestApps.H2_CONFIG)
            .overrideConfigKey("quarkus.two-factor.senders.\"sms\".backend", "log")
            .overrideConfigKey("quarkus.two-factor.default-sender", "sms")
            .overrideConfigKey("quarkus.two-factor.senders.\"sms\".delivery.deadline", "0S")
            .assertException(t -> TestApps.assertConfigurationErrorNaming(t,
                    "quarkus.two-factor.senders.\"sms\".delivery.deadline"));

    @Test
    void nonPositiveDeadlineFailsStartup() {
        fail("startup should have failed");
    }
}
