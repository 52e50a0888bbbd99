package io.quarkiverse.twofactor.deployment;

import static org.junit.jupiter.api.Assertions.fail;

import org.junit.jupiter.api.Test;
import org.junit.jupiter.api.extension.RegisterExtension;

import io.quarkus.test.QuarkusUnitTest;

class UnknownMessagePlaceholderTest {

    @RegisterExtension
    static final QuarkusUnitTest app = new QuarkusUnitTest()
            .withConfigurationResource(TestApps.H2_CONFIG)
            .overrideConfigKey("quarkus.two-factor.senders.\"default\".backend", "log")
            .overrideConfigKey("quarkus.two-factor.senders.\"default\".message", "Your code is {code} ({minuts} min)")
            .assertException(t -> TestApps.assertConfigurationErrorNaming(t,
                    "quarkus.two-factor.senders.\"default\".message uses the unknown placeholder {minuts}"));

    @Test
    void aTypoInAConfiguredMessageFailsStartup() {
        fail("startup should have failed");
    }
}
