package io.quarkiverse.twofactor.it.reactive;

import org.junit.jupiter.api.Tag;

import io.quarkiverse.twofactor.it.store.RedisClusterStoreContractTest;
import io.quarkus.test.junit.QuarkusTest;
import io.quarkus.test.junit.TestProfile;

/**
 * The reactive confirmer's non-blocking steps on a Redis Cluster of three masters: the same answers, still on the event
 * loop, with each step's script sent to the master of its key's slot.
 */
@QuarkusTest
@Tag("redis")
@TestProfile(RedisClusterStoreContractTest.RedisClusterStore.class)
class RedisClusterNonBlockingConfirmerTest extends RedisNonBlockingConfirmerTest {
}
