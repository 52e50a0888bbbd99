package io.quarkiverse.twofactor.deployment;

import static org.junit.jupiter.api.Assertions.assertTrue;
import static org.junit.jupiter.api.Assertions.fail;

import org.junit.jupiter.api.Test;
import org.junit.jupiter.api.extension.RegisterExtension;

import io.quarkus.test.QuarkusUnitTest;

class TooManyConsecutiveFailuresTest {

    @RegisterExtension
    static final QuarkusUnitTest app = new QuarkusUnitTest()
            .withConfigurationResource(TestApps.H2_CONFIG)
            .overrideConfigKey("quarkus.two-factor.limits.max-consecutive-failures", "101")
            .assertException(t -> {
                TestApps.assertConfigurationErrorNaming(t, "quarkus.two-factor.limits.max-consecutive-failures");
                String message = TestApps.configurationErrorMessage(t);
                assertTrue(message.contains("NIST SP 800-63B"), message);
            });

    @Test
    void moreThanNistAllowsFailsStartup() {
        fail("startup should have failed");
    }
}
