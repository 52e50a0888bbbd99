package io.quarkiverse.twofactor.deployment;

import static org.junit.jupiter.api.Assertions.assertNotEquals;
import static org.junit.jupiter.api.Assertions.assertTrue;

import org.junit.jupiter.api.Test;
import org.junit.jupiter.api.extension.RegisterExtension;

import io.quarkus.test.QuarkusProdModeTest;

class ProdMissingTotpKeyTest {

    @RegisterExtension
    static final QuarkusProdModeTest app = TestApps.prodApp("missing-totp-key")
            .withApplicationRoot(jar -> jar.addClasses(ExitAfterStartup.class, RecordingBackend.class))
            .overrideConfigKey("quarkus.two-factor.code.hash-key", TestApps.PROD_HASH_KEY)
            .overrideConfigKey("quarkus.two-factor.senders.\"default\".backend", RecordingBackend.NAME)
            .overrideConfigKey("quarkus.two-factor.totp.enabled", "true")
            .setRun(true)
            .setExpectExit(true);

    @Test
    void authenticatorAppsWithoutAnEncryptionKeyFailStartupInProductionNamingTheProperty() {
        String output = app.getStartupConsoleOutput();
        assertNotEquals(0, app.getExitCode(), output);
        assertTrue(output.contains("quarkus.two-factor.totp.encryption-key is required in production"), output);
    }
}
