package io.quarkiverse.twofactor.it.reactive;

import java.util.Map;
import java.util.UUID;

import org.junit.jupiter.api.Tag;

import io.quarkus.test.junit.QuarkusTest;
import io.quarkus.test.junit.QuarkusTestProfile;
import io.quarkus.test.junit.TestProfile;

/**
 * {@link ReactiveConfirmerTest} on the local Redis, whose blocking client refuses an event-loop thread on its own, and
 * whose reactive client serves check, confirm and use on the event loop.
 */
@QuarkusTest
@Tag("redis")
@TestProfile(RedisReactiveConfirmerTest.OnRedis.class)
class RedisReactiveConfirmerTest extends ReactiveConfirmerTest {

    @Override
    protected boolean storeStepsOnEventLoop() {
        return true;
    }

    public static class OnRedis implements QuarkusTestProfile {
        @Override
        public Map<String, String> getConfigOverrides() {
            return Map.of("quarkus.two-factor.store", "redis",
                    "quarkus.two-factor.redis.key-prefix", "reactive-" + UUID.randomUUID() + ":");
        }
    }
}
