package io.quarkiverse.twofactor.it;

import java.util.Map;

import io.quarkus.test.junit.QuarkusTestProfile;

public class DebugCodeOffProfile implements QuarkusTestProfile {

    @Override
    public Map<String, String> getConfigOverrides() {
        return Map.of("quarkus.two-factor.debug-code-response", "false");
    }
}
