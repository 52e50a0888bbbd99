package io.quarkiverse.twofactor.it.demo;

import java.util.Map;

import io.quarkus.test.junit.QuarkusTestProfile;

/** The demo as it runs outside tests: confirmations bound to the signed-in user. */
public class IdentityModeProfile implements QuarkusTestProfile {

    @Override
    public Map<String, String> getConfigOverrides() {
        return Map.of("quarkus.two-factor.rest.mode", "identity");
    }
}
