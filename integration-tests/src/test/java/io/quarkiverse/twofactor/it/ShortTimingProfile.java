package io.quarkiverse.twofactor.it;

import java.util.Map;

import io.quarkus.test.junit.QuarkusTestProfile;

/** A ttl and a cooldown short enough to wait out in a test. */
public class ShortTimingProfile implements QuarkusTestProfile {

    @Override
    public Map<String, String> getConfigOverrides() {
        return Map.of("quarkus.two-factor.ttl", "4S", "quarkus.two-factor.resend.cooldown", "1S");
    }
}
