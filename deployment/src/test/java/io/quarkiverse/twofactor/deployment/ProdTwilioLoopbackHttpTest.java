package io.quarkiverse.twofactor.deployment;

import static org.junit.jupiter.api.Assertions.assertEquals;
import static org.junit.jupiter.api.Assertions.assertFalse;

import org.junit.jupiter.api.Test;
import org.junit.jupiter.api.extension.RegisterExtension;

import io.quarkus.test.QuarkusProdModeTest;

/** A local stand-in for the Twilio API on a loopback address may be reached over plain http in production too. */
class ProdTwilioLoopbackHttpTest {

    private static final String SENDER = "quarkus.two-factor.senders.\"sms\".";

    @RegisterExtension
    static final QuarkusProdModeTest app = TestApps.prodApp("twilio-loopback-http-in-prod")
            .withApplicationRoot(jar -> jar.addClasses(ExitAfterStartup.class))
            .overrideConfigKey("quarkus.two-factor.code.hash-key", TestApps.PROD_HASH_KEY)
            .overrideConfigKey("quarkus.two-factor.default-sender", "sms")
            .overrideConfigKey(SENDER + "backend", "twilio")
            .overrideConfigKey(SENDER + "twilio.account-sid", "AC0123456789abcdef0123456789abcdef")
            .overrideConfigKey(SENDER + "twilio.auth-token", "a-token-that-must-not-be-shown")
            .overrideConfigKey(SENDER + "twilio.from", "+15005550006")
            .overrideConfigKey(SENDER + "twilio.api-base-url", "http://[::1]:9")
            .setRun(true)
            .setExpectExit(true);

    @Test
    void plainHttpApiBaseUrlToALoopbackAddressStartsInProduction() {
        String output = app.getStartupConsoleOutput();
        assertEquals(0, app.getExitCode(), output);
        assertFalse(output.contains("twilio.api-base-url"), output);
    }
}
