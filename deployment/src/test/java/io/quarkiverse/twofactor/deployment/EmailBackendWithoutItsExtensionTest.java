package io.quarkiverse.twofactor.deployment;

import static org.junit.jupiter.api.Assertions.assertTrue;
import static org.junit.jupiter.api.Assertions.fail;

import org.junit.jupiter.api.Test;
import org.junit.jupiter.api.extension.RegisterExtension;

import io.quarkus.test.QuarkusUnitTest;

/** The {@code email} backend comes in its own extension, which this module's tests do not have. */
class EmailBackendWithoutItsExtensionTest {

    @RegisterExtension
    static final QuarkusUnitTest app = new QuarkusUnitTest()
            .withConfigurationResource(TestApps.H2_CONFIG)
            .overrideConfigKey("quarkus.two-factor.senders.\"mail\".backend", "email")
            .assertException(t -> {
                String message = TestApps.configurationErrorMessage(t);
                assertTrue(message.contains("quarkus.two-factor.senders.\"mail\".backend"), message);
                assertTrue(message.contains("io.quarkiverse.twofactor:quarkus-two-factor-email"), message);
            });

    @Test
    void emailBackendWithoutItsExtensionFailsStartupNamingTheArtifactToAdd() {
        fail("startup should have failed");
    }
}
