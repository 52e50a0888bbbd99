package io.quarkiverse.twofactor.it.store;

import static org.junit.jupiter.api.Assertions.assertTrue;

import java.util.List;
import java.util.Map;

import org.junit.jupiter.api.Tag;
import org.junit.jupiter.api.Test;

import io.quarkiverse.twofactor.it.faults.RedisCluster;
import io.quarkiverse.twofactor.it.faults.RedisClusterResource;
import io.quarkus.test.junit.QuarkusTest;
import io.quarkus.test.junit.QuarkusTestProfile;
import io.quarkus.test.junit.TestProfile;

/**
 * The store suite against a Redis Cluster of three masters that the test starts itself, with the default key prefix;
 * runs under -Predis. Each master starts without the store's scripts, so the suite also passes through the store's
 * answer to {@code NOSCRIPT} on every master it reaches.
 */
@QuarkusTest
@Tag("redis")
@TestProfile(RedisClusterStoreContractTest.RedisClusterStore.class)
public class RedisClusterStoreContractTest extends StoreContractSuite {

    private static final int CONFIRMATIONS = 30;

    public static class RedisClusterStore implements QuarkusTestProfile {
        @Override
        public Map<String, String> getConfigOverrides() {
            return Map.of("quarkus.two-factor.store", "redis");
        }

        @Override
        public List<TestResourceEntry> testResources() {
            return List.of(new TestResourceEntry(RedisClusterResource.class));
        }
    }

    RedisCluster cluster;

    @Override
    protected String expectedStore() {
        return "redis";
    }

    @Override
    protected boolean listsRecent() {
        return false;
    }

    /** A design that put every key in one hash slot would pass the suite on one master: this one would fail. */
    @Test
    void confirmationsSpreadOverTheMasters() {
        Map<Integer, Long> before = cluster.keysPerMaster();

        for (int i = 0; i < CONFIRMATIONS; i++) {
            pending(now.plusSeconds(600));
        }

        Map<Integer, Long> after = cluster.keysPerMaster();
        long mastersThatGainedKeys = after.keySet().stream().filter(port -> after.get(port) > before.get(port))
                .count();
        assertTrue(mastersThatGainedKeys >= 2, "keys per master before " + before + ", after " + after);
    }
}
