package io.quarkiverse.twofactor.deployment;

import static org.junit.jupiter.api.Assertions.assertFalse;
import static org.junit.jupiter.api.Assertions.assertNotEquals;
import static org.junit.jupiter.api.Assertions.assertTrue;

import org.junit.jupiter.api.Test;
import org.junit.jupiter.api.extension.RegisterExtension;

import io.quarkus.test.QuarkusProdModeTest;

/**
 * In production, a Twilio sender's API is reached over https: plain http would carry the credentials and the codes
 * readable across the network. Only a loopback host, where a local stand-in listens, may use http.
 */
class ProdTwilioPlainHttpTest {

    private static final String SENDER = "quarkus.two-factor.senders.\"sms\".";

    @RegisterExtension
    static final QuarkusProdModeTest app = TestApps.prodApp("twilio-plain-http-in-prod")
            .withApplicationRoot(jar -> jar.addClasses(ExitAfterStartup.class))
            .overrideConfigKey("quarkus.two-factor.code.hash-key", TestApps.PROD_HASH_KEY)
            .overrideConfigKey("quarkus.two-factor.default-sender", "sms")
            .overrideConfigKey(SENDER + "backend", "twilio")
            .overrideConfigKey(SENDER + "twilio.account-sid", "AC0123456789abcdef0123456789abcdef")
            .overrideConfigKey(SENDER + "twilio.auth-token", "a-token-that-must-not-be-shown")
            .overrideConfigKey(SENDER + "twilio.from", "+15005550006")
            .overrideConfigKey(SENDER + "twilio.api-base-url", "http://twilio-proxy.example.com:8080")
            .setRun(true)
            .setExpectExit(true);

    @Test
    void plainHttpApiBaseUrlToAHostThatIsNotLoopbackFailsStartupInProductionNamingTheProperty() {
        String output = app.getStartupConsoleOutput();
        assertNotEquals(0, app.getExitCode(), output);
        assertTrue(output.contains(SENDER + "twilio.api-base-url must be an https URL in production"), output);
        assertFalse(output.contains("a-token-that-must-not-be-shown"), output);
    }
}
