package io.quarkiverse.twofactor.deployment;

import static org.junit.jupiter.api.Assertions.fail;

import org.junit.jupiter.api.Test;
import org.junit.jupiter.api.extension.RegisterExtension;

import io.quarkus.test.QuarkusUnitTest;

class SendsPerWindowAboveBoundTest {

    @RegisterExtension
    static final QuarkusUnitTest app = new QuarkusUnitTest()
            .withConfigurationResource(TestApps.H2_CONFIG)
            // One above the most sends a store keeps per recipient.
            .overrideConfigKey("quarkus.two-factor.limits.sends-per-window", "101")
            .assertException(t -> TestApps.assertConfigurationErrorNaming(t,
                    "quarkus.two-factor.limits.sends-per-window"));

    @Test
    void sendsPerWindowAbove100FailsStartup() {
        fail("startup should have failed");
    }
}
