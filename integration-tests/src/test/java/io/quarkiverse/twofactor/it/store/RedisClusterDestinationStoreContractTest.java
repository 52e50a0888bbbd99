package io.quarkiverse.twofactor.it.store;

import org.junit.jupiter.api.Tag;

import io.quarkus.test.junit.QuarkusTest;
import io.quarkus.test.junit.TestProfile;

/**
 * The destination store suite against the Redis Cluster of {@link RedisClusterStoreContractTest}, shared with it;
 * runs under -Predis.
 */
@QuarkusTest
@Tag("redis")
@TestProfile(RedisClusterStoreContractTest.RedisClusterStore.class)
class RedisClusterDestinationStoreContractTest extends DestinationStoreContractSuite {

    @Override
    protected String expectedStore() {
        return "redis";
    }
}
