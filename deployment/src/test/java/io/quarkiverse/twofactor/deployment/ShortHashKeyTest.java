package io.quarkiverse.twofactor.deployment;

import static org.junit.jupiter.api.Assertions.fail;

import org.junit.jupiter.api.Test;
import org.junit.jupiter.api.extension.RegisterExtension;

import io.quarkus.test.QuarkusUnitTest;

class ShortHashKeyTest {

    @RegisterExtension
    static final QuarkusUnitTest app = new QuarkusUnitTest()
            .withConfigurationResource(TestApps.H2_CONFIG)
            // 31 characters: one short of the minimum.
            .overrideConfigKey("quarkus.two-factor.code.hash-key", "0123456789abcdef0123456789abcde")
            .assertException(t -> TestApps.assertConfigurationErrorNaming(t,
                    "quarkus.two-factor.code.hash-key"));

    @Test
    void hashKeyShorterThan32CharactersFailsStartup() {
        fail("startup should have failed");
    }
}
