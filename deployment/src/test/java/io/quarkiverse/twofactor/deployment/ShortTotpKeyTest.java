package io.quarkiverse.twofactor.deployment;

import static org.junit.jupiter.api.Assertions.fail;

import org.junit.jupiter.api.Test;
import org.junit.jupiter.api.extension.RegisterExtension;

import io.quarkus.test.QuarkusUnitTest;

class ShortTotpKeyTest {

    @RegisterExtension
    static final QuarkusUnitTest app = new QuarkusUnitTest()
            .withConfigurationResource(TestApps.H2_CONFIG)
            .overrideConfigKey("quarkus.two-factor.totp.enabled", "true")
            .overrideConfigKey("quarkus.two-factor.totp.encryption-key", "too-short")
            .assertException(t -> TestApps.assertConfigurationErrorNaming(t,
                    "quarkus.two-factor.totp.encryption-key"));

    @Test
    void anEncryptionKeyShorterThan32CharactersFailsStartup() {
        fail("startup should have failed");
    }
}
