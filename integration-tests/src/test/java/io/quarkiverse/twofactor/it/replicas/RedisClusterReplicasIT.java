package io.quarkiverse.twofactor.it.replicas;

import static org.junit.jupiter.api.Assertions.assertTrue;

import java.util.HashMap;
import java.util.Map;

import org.junit.jupiter.api.AfterAll;
import org.junit.jupiter.api.Tag;
import org.junit.jupiter.api.extension.RegisterExtension;

import io.quarkiverse.twofactor.it.faults.RedisCluster;

/**
 * Two replicas sharing a Redis Cluster of three masters, which the test starts itself, through the Redis store. After
 * the suite, at least two masters hold the replicas' keys: the pair's guarantees held with the store's keys spread
 * over the cluster.
 */
@Tag("redis")
class RedisClusterReplicasIT extends ReplicaPairSuite {

    @RegisterExtension
    static final RedisCluster CLUSTER = new RedisCluster();

    @Override
    protected Map<String, String> storeProperties() {
        Map<String, String> properties = new HashMap<>(CLUSTER.clientSettings());
        properties.put("quarkus.two-factor.store", "redis");
        return properties;
    }

    @AfterAll
    void keysSpreadOverTheMasters() {
        Map<Integer, Long> keys = CLUSTER.keysPerMaster();
        assertTrue(keys.values().stream().filter(count -> count > 0).count() >= 2, "keys per master: " + keys);
    }
}
