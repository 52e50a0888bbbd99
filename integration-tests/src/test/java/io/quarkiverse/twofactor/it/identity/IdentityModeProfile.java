package io.quarkiverse.twofactor.it.identity;

import java.util.Map;

import io.quarkus.test.junit.QuarkusTestProfile;

/**
 * The demo as it runs outside tests: confirmations bound to the signed-in user. Resends need no wait, and the send,
 * request and failure limits are out of reach (a lockout lasts a second), since every test signs in as the same two
 * users and resets their destinations through the API.
 */
public class IdentityModeProfile implements QuarkusTestProfile {

    @Override
    public Map<String, String> getConfigOverrides() {
        return Map.of(
                "quarkus.two-factor.rest.mode", "identity",
                "quarkus.two-factor.resend.cooldown", "0S",
                "quarkus.two-factor.limits.sends-per-window", "100",
                "quarkus.two-factor.limits.window", "10S",
                "quarkus.two-factor.limits.max-consecutive-failures", "100",
                "quarkus.two-factor.limits.failure-lockout", "1S",
                "quarkus.two-factor.limits.requests-per-principal", "1000",
                "quarkus.two-factor.senders.default.verbose-name", "Demo inbox");
    }
}
