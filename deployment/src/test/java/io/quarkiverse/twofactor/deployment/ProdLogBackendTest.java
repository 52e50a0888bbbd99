package io.quarkiverse.twofactor.deployment;

import static org.junit.jupiter.api.Assertions.assertNotEquals;
import static org.junit.jupiter.api.Assertions.assertTrue;

import org.junit.jupiter.api.Test;
import org.junit.jupiter.api.extension.RegisterExtension;

import io.quarkus.test.QuarkusProdModeTest;

class ProdLogBackendTest {

    @RegisterExtension
    static final QuarkusProdModeTest app = TestApps.prodApp("log-backend-in-prod")
            .withApplicationRoot(jar -> jar.addClasses(ExitAfterStartup.class))
            .overrideConfigKey("quarkus.two-factor.code.hash-key", TestApps.PROD_HASH_KEY)
            .overrideConfigKey("quarkus.two-factor.senders.\"default\".backend", "log")
            .setRun(true)
            .setExpectExit(true);

    @Test
    void logBackendFailsStartupInProductionNamingTheProperty() {
        String output = app.getStartupConsoleOutput();
        assertNotEquals(0, app.getExitCode(), output);
        assertTrue(output.contains("quarkus.two-factor.senders.\"default\".backend"), output);
    }
}
