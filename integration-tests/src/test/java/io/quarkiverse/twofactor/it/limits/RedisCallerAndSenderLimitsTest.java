package io.quarkiverse.twofactor.it.limits;

import java.util.Map;
import java.util.UUID;

import org.junit.jupiter.api.Tag;

import io.quarkus.test.junit.QuarkusTest;
import io.quarkus.test.junit.TestProfile;

/** {@link CallerAndSenderLimitsTest} on the local Redis; runs under -Predis. */
@QuarkusTest
@Tag("redis")
@TestProfile(RedisCallerAndSenderLimitsTest.OnRedis.class)
class RedisCallerAndSenderLimitsTest extends CallerAndSenderLimitsTest {

    public static class OnRedis extends TwoRequestsOneSend {
        @Override
        protected Map<String, String> store() {
            // A fresh prefix each run, so that no window of an earlier run still counts.
            return Map.of("quarkus.two-factor.store", "redis",
                    "quarkus.two-factor.redis.key-prefix", "limits-" + UUID.randomUUID() + ":");
        }
    }
}
