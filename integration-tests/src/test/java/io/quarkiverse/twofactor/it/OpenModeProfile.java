package io.quarkiverse.twofactor.it;

import java.util.Map;

import io.quarkus.test.junit.QuarkusTestProfile;

/**
 * The packaged demo serves its endpoints bound to signed-in users; the suites that drive the open contract (a recipient
 * in the request, no users) run it in {@code open} mode.
 */
public class OpenModeProfile implements QuarkusTestProfile {

    @Override
    public Map<String, String> getConfigOverrides() {
        return Map.of("quarkus.two-factor.rest.mode", "open");
    }
}
