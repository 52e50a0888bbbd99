package io.quarkiverse.twofactor.deployment;

import static org.junit.jupiter.api.Assertions.fail;

import org.junit.jupiter.api.Test;
import org.junit.jupiter.api.extension.RegisterExtension;

import io.quarkus.test.QuarkusUnitTest;

class NonPositiveFailureLockoutTest {

    @RegisterExtension
    static final QuarkusUnitTest app = new QuarkusUnitTest()
            .withConfigurationResource(TestApps.H2_CONFIG)
            .overrideConfigKey("quarkus.two-factor.limits.failure-lockout", "0S")
            .assertException(t -> TestApps.assertConfigurationErrorNaming(t,
                    "quarkus.two-factor.limits.failure-lockout"));

    @Test
    void aLockoutOfNoTimeFailsStartup() {
        fail("startup should have failed");
    }
}
