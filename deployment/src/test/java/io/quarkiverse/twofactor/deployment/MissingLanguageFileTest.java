package io.quarkiverse.twofactor.deployment;

import static org.junit.jupiter.api.Assertions.fail;

import org.junit.jupiter.api.Test;
import org.junit.jupiter.api.extension.RegisterExtension;

import io.quarkus.test.QuarkusUnitTest;

class MissingLanguageFileTest {

    @RegisterExtension
    static final QuarkusUnitTest app = new QuarkusUnitTest()
            .withConfigurationResource(TestApps.H2_CONFIG)
            .overrideConfigKey("quarkus.two-factor.senders.\"default\".backend", "log")
            .overrideConfigKey("quarkus.two-factor.messages.languages", "fr")
            .assertException(t -> TestApps.assertConfigurationErrorNaming(t,
                    "two-factor/messages_fr.properties is not on the class path"));

    @Test
    void anOfferedLanguageWithoutItsFileFailsStartup() {
        fail("startup should have failed");
    }
}
