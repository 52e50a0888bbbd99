package io.quarkiverse.twofactor.email.deployment;

import static org.junit.jupiter.api.Assertions.assertInstanceOf;
import static org.junit.jupiter.api.Assertions.assertTrue;
import static org.junit.jupiter.api.Assertions.fail;

import org.junit.jupiter.api.Test;
import org.junit.jupiter.api.extension.RegisterExtension;

import io.quarkus.runtime.configuration.ConfigurationException;
import io.quarkus.test.QuarkusUnitTest;

class EmailConfigValidationTest {

    @RegisterExtension
    static final QuarkusUnitTest app = new QuarkusUnitTest()
            .overrideConfigKey("quarkus.two-factor.senders.\"mail\".backend", "email")
            .overrideConfigKey("quarkus.two-factor.senders.\"mail\".email.from", "no-reply@example.com")
            .assertException(EmailConfigValidationTest::namesTheHost);

    @Test
    void emailSenderWithoutHostFailsStartupNamingTheProperty() {
        fail("startup should have failed");
    }

    private static void namesTheHost(Throwable thrown) {
        Throwable root = thrown;
        while (root.getCause() != null && root.getCause() != root) {
            root = root.getCause();
        }
        assertInstanceOf(ConfigurationException.class, root, () -> "root cause of " + thrown);
        String message = root.getMessage();
        assertTrue(message.contains("quarkus.two-factor.senders.\"mail\".email.host"), message);
    }
}
