package io.quarkiverse.twofactor.it.classic;

import static org.junit.jupiter.api.Assertions.assertTrue;
import static org.junit.jupiter.api.Assertions.fail;

import org.junit.jupiter.api.Test;
import org.junit.jupiter.api.extension.RegisterExtension;

import io.quarkus.test.QuarkusUnitTest;

/** Asking for the REST endpoints on RESTEasy Classic fails the build, naming the property and the extension to add. */
class RestEnabledWithoutQuarkusRestTest {

    @RegisterExtension
    static final QuarkusUnitTest app = new QuarkusUnitTest()
            .overrideConfigKey("quarkus.two-factor.rest.enabled", "true")
            .assertException(thrown -> {
                Throwable cause = thrown;
                while (cause.getCause() != null) {
                    cause = cause.getCause();
                }
                String message = cause.getMessage();
                assertTrue(message.contains("quarkus.two-factor.rest.enabled=true"), message);
                assertTrue(message.contains("io.quarkus:quarkus-rest"), message);
            });

    @Test
    void restEnabledWithoutQuarkusRestFailsTheBuild() {
        fail("the build should have failed");
    }
}
