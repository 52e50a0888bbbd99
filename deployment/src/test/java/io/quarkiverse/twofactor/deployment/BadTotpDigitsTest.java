package io.quarkiverse.twofactor.deployment;

import static org.junit.jupiter.api.Assertions.fail;

import org.junit.jupiter.api.Test;
import org.junit.jupiter.api.extension.RegisterExtension;

import io.quarkus.test.QuarkusUnitTest;

class BadTotpDigitsTest {

    @RegisterExtension
    static final QuarkusUnitTest app = new QuarkusUnitTest()
            .withConfigurationResource(TestApps.H2_CONFIG)
            .overrideConfigKey("quarkus.two-factor.totp.enabled", "true")
            .overrideConfigKey("quarkus.two-factor.totp.digits", "9")
            .assertException(t -> TestApps.assertConfigurationErrorNaming(t, "quarkus.two-factor.totp.digits"));

    @Test
    void nineDigitsFailStartup() {
        fail("startup should have failed");
    }
}
