package io.quarkiverse.twofactor.deployment;

import static org.junit.jupiter.api.Assertions.fail;

import org.jboss.shrinkwrap.api.asset.StringAsset;
import org.junit.jupiter.api.Test;
import org.junit.jupiter.api.extension.RegisterExtension;

import io.quarkus.test.QuarkusUnitTest;

class UnknownKeyInLanguageFileTest {

    @RegisterExtension
    static final QuarkusUnitTest app = new QuarkusUnitTest()
            .withApplicationRoot(jar -> jar.addAsResource(new StringAsset("sms.message=Ihr Code: {code}\n"),
                    "two-factor/messages_de.properties"))
            .withConfigurationResource(TestApps.H2_CONFIG)
            .overrideConfigKey("quarkus.two-factor.senders.\"default\".backend", "log")
            .overrideConfigKey("quarkus.two-factor.messages.languages", "de")
            .assertException(t -> TestApps.assertConfigurationErrorNaming(t,
                    "two-factor/messages_de.properties has the key 'sms.message'"));

    @Test
    void aKeyForASenderThatIsNotConfiguredFailsStartup() {
        fail("startup should have failed");
    }
}
