package io.quarkiverse.twofactor.it.replicas;

import java.util.Map;
import java.util.UUID;

import org.junit.jupiter.api.Tag;

/** Two replicas sharing the local Redis through the Redis store. */
@Tag("redis")
class RedisReplicasIT extends ReplicaPairSuite {

    private static final String PREFIX = "replicas-" + UUID.randomUUID() + ":";

    @Override
    protected Map<String, String> storeProperties() {
        return Map.of("quarkus.two-factor.store", "redis", "quarkus.two-factor.redis.key-prefix", PREFIX);
    }
}
