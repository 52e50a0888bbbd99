package io.quarkiverse.twofactor.twilio.deployment;

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

    @RegisterExtension
    static final QuarkusProdModeTest app = ProdTwilioApps.reachingTwilioAt("twilio-plain-http-in-prod",
            "http://twilio-proxy.example.com:8080");

    @Test
    void plainHttpApiBaseUrlToAHostThatIsNotLoopbackFailsStartupInProductionNamingTheProperty() {
        String output = app.getStartupConsoleOutput();
        assertNotEquals(0, app.getExitCode(), output);
        String refusal = ProdTwilioApps.SENDER + "twilio.api-base-url must be an https URL in production";
        assertTrue(output.contains(refusal), output);
        assertFalse(output.contains(ProdTwilioApps.AUTH_TOKEN), output);
    }
}
