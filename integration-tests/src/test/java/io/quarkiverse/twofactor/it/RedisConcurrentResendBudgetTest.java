package io.quarkiverse.twofactor.it;

import java.util.HashMap;
import java.util.Map;
import java.util.UUID;

import org.junit.jupiter.api.Tag;

import io.quarkus.test.junit.QuarkusTest;
import io.quarkus.test.junit.TestProfile;

/** {@link ConcurrentResendBudgetTest} on the local Redis, where no transaction undoes what a resend counted. */
@QuarkusTest
@Tag("redis")
@TestProfile(RedisConcurrentResendBudgetTest.NoCooldownOnRedis.class)
class RedisConcurrentResendBudgetTest extends ConcurrentResendBudgetTest {

    public static class NoCooldownOnRedis extends NoCooldown {
        @Override
        public Map<String, String> getConfigOverrides() {
            Map<String, String> overrides = new HashMap<>(super.getConfigOverrides());
            overrides.put("quarkus.two-factor.store", "redis");
            overrides.put("quarkus.two-factor.redis.key-prefix", "resend-budget-" + UUID.randomUUID() + ":");
            return overrides;
        }
    }
}
