package io.quarkiverse.twofactor.deployment;

import static org.junit.jupiter.api.Assertions.fail;

import org.junit.jupiter.api.Test;
import org.junit.jupiter.api.extension.RegisterExtension;

import io.quarkus.test.QuarkusUnitTest;

/** This module's test class path has no Quarkus security extension, so an application built here has no users. */
class IdentityModeWithoutSecurityTest {

    @RegisterExtension
    static final QuarkusUnitTest app = new QuarkusUnitTest()
            .withConfigurationResource(TestApps.H2_CONFIG)
            .overrideConfigKey("quarkus.two-factor.rest.enabled", "true")
            .overrideConfigKey("quarkus.two-factor.senders.\"default\".backend", "log")
            .assertException(t -> TestApps.assertConfigurationErrorNaming(t, "quarkus.two-factor.rest.mode"));

    @Test
    void restInTheDefaultIdentityModeWithoutASecurityExtensionFailsStartup() {
        fail("startup should have failed");
    }
}
