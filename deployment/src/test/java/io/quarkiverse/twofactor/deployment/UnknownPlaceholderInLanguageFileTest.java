package io.quarkiverse.twofactor.deployment;

import static org.junit.jupiter.api.Assertions.fail;

import org.jboss.shrinkwrap.api.asset.StringAsset;
import org.junit.jupiter.api.Test;
import org.junit.jupiter.api.extension.RegisterExtension;

import io.quarkus.test.QuarkusUnitTest;

class UnknownPlaceholderInLanguageFileTest {

    @RegisterExtension
    static final QuarkusUnitTest app = new QuarkusUnitTest()
            .withApplicationRoot(jar -> jar.addAsResource(
                    new StringAsset("message=Ihr Code: {code}\nhtml=<p>Ihr Code für {meta.name.first}</p>\n"),
                    "two-factor/messages_de.properties"))
            .withConfigurationResource(TestApps.H2_CONFIG)
            .overrideConfigKey("quarkus.two-factor.senders.\"default\".backend", "log")
            .overrideConfigKey("quarkus.two-factor.messages.languages", "de")
            .assertException(t -> TestApps.assertConfigurationErrorNaming(t,
                    "two-factor/messages_de.properties key html uses the unknown placeholder {meta.name.first}"));

    @Test
    void aTypoInALanguageFileFailsStartupNamingTheFileAndKey() {
        fail("startup should have failed");
    }
}
