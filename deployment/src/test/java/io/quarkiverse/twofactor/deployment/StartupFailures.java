package io.quarkiverse.twofactor.deployment;

import static org.junit.jupiter.api.Assertions.assertInstanceOf;
import static org.junit.jupiter.api.Assertions.assertTrue;

import io.quarkus.runtime.configuration.ConfigurationException;

/** What the startup-error tests check: the deepest cause is a configuration error that says what to fix. */
final class StartupFailures {

    /** The test resource that gives each test application its H2 datasource. */
    static final String H2_CONFIG = "h2-datasource.properties";

    private StartupFailures() {
    }

    /** Asserts that the deepest cause of {@code thrown} is a {@link ConfigurationException} and returns its message. */
    static String configurationErrorMessage(Throwable thrown) {
        Throwable root = thrown;
        while (root.getCause() != null && root.getCause() != root) {
            root = root.getCause();
        }
        assertInstanceOf(ConfigurationException.class, root, () -> "root cause of " + thrown);
        return root.getMessage();
    }

    static void assertConfigurationErrorNaming(Throwable thrown, String property) {
        String message = configurationErrorMessage(thrown);
        assertTrue(message.contains(property), () -> "expected the message to name " + property + ": " + message);
    }
}
