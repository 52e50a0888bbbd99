package io.quarkiverse.twofactor.it.nodatasource;

import java.util.Map;

import org.junit.jupiter.api.Tag;

import io.quarkus.test.junit.QuarkusTest;
import io.quarkus.test.junit.QuarkusTestProfile;
import io.quarkus.test.junit.TestProfile;

/** The same application on the Redis store; runs under -Predis. */
@QuarkusTest
@Tag("redis")
@TestProfile(RedisStoreApplicationTest.RedisStore.class)
class RedisStoreApplicationTest extends MemoryStoreApplicationTest {

    public static class RedisStore implements QuarkusTestProfile {
        @Override
        public Map<String, String> getConfigOverrides() {
            return Map.of("quarkus.two-factor.store", "redis");
        }
    }

    @Override
    protected String expectedStore() {
        return "redis";
    }
}
