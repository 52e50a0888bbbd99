package io.quarkiverse.twofactor.it.store;

import java.util.Map;
import java.util.UUID;

import org.junit.jupiter.api.Tag;

import io.quarkus.test.junit.QuarkusTest;
import io.quarkus.test.junit.QuarkusTestProfile;
import io.quarkus.test.junit.TestProfile;

/** The store suite against the local Redis; runs under -Predis. */
@QuarkusTest
@Tag("redis")
@TestProfile(RedisStoreContractTest.RedisStore.class)
class RedisStoreContractTest extends StoreContractSuite {

    public static class RedisStore implements QuarkusTestProfile {
        @Override
        public Map<String, String> getConfigOverrides() {
            return Map.of("quarkus.two-factor.store", "redis",
                    "quarkus.two-factor.redis.key-prefix", "contract-" + UUID.randomUUID() + ":");
        }
    }

    @Override
    protected String expectedStore() {
        return "redis";
    }

    /** Listing would mean scanning the whole key space: the Redis store does not offer it. */
    @Override
    protected boolean listsRecent() {
        return false;
    }
}
