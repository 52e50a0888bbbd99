package io.quarkiverse.twofactor.it.identity;

import java.util.HashMap;
import java.util.Map;
import java.util.UUID;

import org.junit.jupiter.api.Tag;

import io.quarkus.test.junit.QuarkusTest;
import io.quarkus.test.junit.TestProfile;

/**
 * {@link OwnedConfirmationsTest} on the local Redis with lazy authentication: the confirm and check endpoints, on the
 * event loop, learn who calls without waiting there for the caller to be authenticated.
 */
@QuarkusTest
@Tag("redis")
@TestProfile(RedisLazyAuthenticationOwnedConfirmationsTest.OnRedisAuthenticatingLazily.class)
class RedisLazyAuthenticationOwnedConfirmationsTest extends OwnedConfirmationsTest {

    public static class OnRedisAuthenticatingLazily extends IdentityModeProfile {
        @Override
        public Map<String, String> getConfigOverrides() {
            Map<String, String> overrides = new HashMap<>(super.getConfigOverrides());
            overrides.put("quarkus.http.auth.proactive", "false");
            overrides.put("quarkus.two-factor.store", "redis");
            overrides.put("quarkus.two-factor.redis.key-prefix", "lazy-auth-" + UUID.randomUUID() + ":");
            return overrides;
        }
    }
}
