package io.quarkiverse.twofactor.deployment;

import static org.junit.jupiter.api.Assertions.fail;

import org.junit.jupiter.api.Test;
import org.junit.jupiter.api.extension.RegisterExtension;

import io.quarkus.test.QuarkusUnitTest;

class ReservedSenderKeyTest {

    @RegisterExtension
    static final QuarkusUnitTest app = new QuarkusUnitTest()
            .withConfigurationResource(TestApps.H2_CONFIG)
            .overrideConfigKey("quarkus.two-factor.senders.totp.backend", "log")
            .assertException(t -> TestApps.assertConfigurationErrorNaming(t, "quarkus.two-factor.senders.\"totp\""));

    @Test
    void aSenderCalledTotpFailsStartup() {
        fail("startup should have failed");
    }
}
