package io.quarkiverse.twofactor.it.store;

import org.junit.jupiter.api.Tag;

import io.quarkus.test.junit.QuarkusTest;
import io.quarkus.test.junit.TestProfile;

/** The destination store suite against the local Redis, under a key prefix of its own; runs under -Predis. */
@QuarkusTest
@Tag("redis")
@TestProfile(RedisStoreContractTest.RedisStore.class)
class RedisDestinationStoreContractTest extends DestinationStoreContractSuite {

    @Override
    protected String expectedStore() {
        return "redis";
    }
}
