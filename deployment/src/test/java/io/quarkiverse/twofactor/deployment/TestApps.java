package io.quarkiverse.twofactor.deployment;

import static org.junit.jupiter.api.Assertions.assertInstanceOf;
import static org.junit.jupiter.api.Assertions.assertTrue;

import java.io.IOException;
import java.io.InputStream;
import java.io.UncheckedIOException;
import java.net.ServerSocket;
import java.nio.charset.StandardCharsets;
import java.util.List;
import java.util.Map;

import org.jboss.shrinkwrap.api.asset.StringAsset;

import io.quarkus.builder.Version;
import io.quarkus.maven.dependency.Dependency;
import io.quarkus.runtime.configuration.ConfigurationException;
import io.quarkus.test.QuarkusProdModeTest;

/** What the test applications share: an in-process H2 datasource, and how a startup error is checked. */
final class TestApps {

    /** The test resource that gives each test application its datasource. */
    static final String H2_CONFIG = "h2-datasource.properties";

    /** A hash key long enough for production: 40 characters. */
    static final String PROD_HASH_KEY = "prod-mode-test-key-0123456789abcdefghijk";

    private TestApps() {
    }

    /**
     * A production-mode application with the H2 datasource and Quarkus REST, listening on a free port. The H2 driver and
     * Quarkus REST are only test dependencies of this module, so the packaged application gets them as forced
     * dependencies.
     */
    static QuarkusProdModeTest prodApp(String name) {
        return new QuarkusProdModeTest()
                .setApplicationName(name)
                .setApplicationVersion("0.1")
                .withConfigurationResource(H2_CONFIG)
                .setForcedDependencies(List.of(Dependency.of("io.quarkus", "quarkus-jdbc-h2", Version.getVersion()),
                        Dependency.of("io.quarkus", "quarkus-rest", Version.getVersion())))
                .setRuntimeProperties(Map.of("quarkus.http.port", Integer.toString(freePort())))
                // Hibernate ORM is only a test dependency here: production asks for the memory store by name.
                .overrideConfigKey("quarkus.two-factor.store", "memory");
    }

    /**
     * The {@code application.properties} of a dev-mode application: the H2 datasource, the given port, the REST
     * endpoints in open mode with the code in responses, one {@code log} sender, and the given lines.
     */
    static StringAsset devModeConfig(int port, String... lines) {
        try (InputStream h2 = TestApps.class.getClassLoader().getResourceAsStream(H2_CONFIG)) {
            return new StringAsset(new String(h2.readAllBytes(), StandardCharsets.UTF_8) + String.join("\n",
                    "quarkus.http.port=" + port,
                    "quarkus.two-factor.rest.enabled=true",
                    "quarkus.two-factor.rest.mode=open",
                    "quarkus.two-factor.debug-code-response=true",
                    "quarkus.two-factor.senders.default.backend=log",
                    String.join("\n", lines)) + "\n");
        } catch (IOException e) {
            throw new UncheckedIOException(e);
        }
    }

    static int freePort() {
        try (ServerSocket socket = new ServerSocket(0)) {
            return socket.getLocalPort();
        } catch (IOException e) {
            throw new UncheckedIOException(e);
        }
    }

    /** Asserts that the deepest cause of {@code thrown} is a {@link ConfigurationException} and returns its message. */
    static String configurationErrorMessage(Throwable thrown) {
        Throwable root = rootCause(thrown);
        assertInstanceOf(ConfigurationException.class, root, () -> "root cause of " + thrown);
        return root.getMessage();
    }

    /** The message of the deepest cause of {@code thrown}, where a failed build step's own message is. */
    static String rootCauseMessage(Throwable thrown) {
        return String.valueOf(rootCause(thrown).getMessage());
    }

    private static Throwable rootCause(Throwable thrown) {
        Throwable root = thrown;
        while (root.getCause() != null && root.getCause() != root) {
            root = root.getCause();
        }
        return root;
    }

    static void assertConfigurationErrorNaming(Throwable thrown, String property) {
        String message = configurationErrorMessage(thrown);
        assertTrue(message.contains(property), () -> "expected the message to name " + property + ": " + message);
    }
}
