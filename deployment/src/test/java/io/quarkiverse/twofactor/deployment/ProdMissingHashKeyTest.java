package io.quarkiverse.twofactor.deployment;

import static org.junit.jupiter.api.Assertions.assertNotEquals;
import static org.junit.jupiter.api.Assertions.assertTrue;

import org.junit.jupiter.api.Test;
import org.junit.jupiter.api.extension.RegisterExtension;

import io.quarkus.test.QuarkusProdModeTest;

class ProdMissingHashKeyTest {

    @RegisterExtension
    static final QuarkusProdModeTest app = TestApps.prodApp("missing-hash-key")
            .withApplicationRoot(jar -> jar.addClasses(ExitAfterStartup.class))
            .setRun(true)
            .setExpectExit(true);

    @Test
    void missingHashKeyFailsStartupInProductionNamingTheProperty() {
        String output = app.getStartupConsoleOutput();
        assertNotEquals(0, app.getExitCode(), output);
        assertTrue(output.contains("quarkus.two-factor.code.hash-key"), output);
    }
}
