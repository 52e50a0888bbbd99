package io.quarkiverse.twofactor.deployment;

import static org.junit.jupiter.api.Assertions.fail;

import org.junit.jupiter.api.Test;
import org.junit.jupiter.api.extension.RegisterExtension;

import io.quarkus.test.QuarkusUnitTest;

class EmailConfigValidationTest {

    @RegisterExtension
    static final QuarkusUnitTest app = new QuarkusUnitTest()
            .overrideConfigKey("quarkus.datasource.db-kind", "h2")
            .overrideConfigKey("quarkus.datasource.jdbc.url", "jdbc:h2:mem:em;DB_CLOSE_DELAY=-1")
            .overrideConfigKey("quarkus.datasource.devservices.enabled", "false")
            .overrideConfigKey("quarkus.two-factor.senders.\"mail\".backend", "email")
            .overrideConfigKey("quarkus.two-factor.senders.\"mail\".email.from", "no-reply@example.com")
            .assertException(t -> TestApps.assertConfigurationErrorNaming(t,
                    "quarkus.two-factor.senders.\"mail\".email.host"));

    @Test
    void emailSenderWithoutHostFailsStartupNamingTheProperty() {
        fail("startup should have failed");
    }
}
