package io.quarkiverse.twofactor.deployment;

import static org.junit.jupiter.api.Assertions.fail;

import org.junit.jupiter.api.Test;
import org.junit.jupiter.api.extension.RegisterExtension;

import io.quarkus.test.QuarkusUnitTest;

class BadSenderBudgetWindowTest {

    @RegisterExtension
    static final QuarkusUnitTest app = new QuarkusUnitTest()
            .withConfigurationResource(TestApps.H2_CONFIG)
            .overrideConfigKey("quarkus.two-factor.senders.\"sms\".backend", "log")
            .overrideConfigKey("quarkus.two-factor.default-sender", "sms")
            .overrideConfigKey("quarkus.two-factor.senders.\"sms\".limits.max-sends", "100")
            .overrideConfigKey("quarkus.two-factor.senders.\"sms\".limits.window", "-1H")
            .assertException(t -> TestApps.assertConfigurationErrorNaming(t,
                    "quarkus.two-factor.senders.\"sms\".limits.window"));

    @Test
    void budgetWindowNotPositiveFailsStartup() {
        fail("startup should have failed");
    }
}
