package io.quarkiverse.twofactor.deployment;

import static org.junit.jupiter.api.Assertions.assertTrue;
import static org.junit.jupiter.api.Assertions.fail;

import org.junit.jupiter.api.Test;
import org.junit.jupiter.api.extension.RegisterExtension;

import io.quarkus.test.QuarkusUnitTest;

/** This module's test class path has no security extension, so nothing could tell who the user is. */
class StepUpWithoutSecurityTest {

    @RegisterExtension
    static final QuarkusUnitTest app = new QuarkusUnitTest()
            .withConfigurationResource(TestApps.H2_CONFIG)
            .withApplicationRoot(jar -> jar.addClasses(GuardedResource.class))
            .assertException(thrown -> {
                String message = TestApps.rootCauseMessage(thrown);
                assertTrue(message.contains("add a Quarkus security extension"), message);
                assertTrue(message.contains(GuardedResource.class.getName() + "#pay"), message);
            });

    @Test
    void requiresConfirmationWithoutASecurityExtensionFailsTheBuildNamingTheMethod() {
        fail("the build should have failed");
    }
}
