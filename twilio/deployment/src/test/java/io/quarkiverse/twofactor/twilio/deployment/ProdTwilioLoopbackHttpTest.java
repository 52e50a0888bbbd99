package io.quarkiverse.twofactor.twilio.deployment;

import static org.junit.jupiter.api.Assertions.assertEquals;
import static org.junit.jupiter.api.Assertions.assertFalse;

import org.junit.jupiter.api.Test;
import org.junit.jupiter.api.extension.RegisterExtension;

import io.quarkus.test.QuarkusProdModeTest;

/** A local stand-in for the Twilio API on a loopback address may be reached over plain http in production too. */
class ProdTwilioLoopbackHttpTest {

    @RegisterExtension
    static final QuarkusProdModeTest app = ProdTwilioApps.reachingTwilioAt("twilio-loopback-http-in-prod",
            "http://[::1]:9");

    @Test
    void plainHttpApiBaseUrlToALoopbackAddressStartsInProduction() {
        String output = app.getStartupConsoleOutput();
        assertEquals(0, app.getExitCode(), output);
        assertFalse(output.contains("twilio.api-base-url"), output);
    }
}
