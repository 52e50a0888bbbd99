package io.quarkiverse.twofactor.it.faults;

import static io.quarkiverse.twofactor.it.Api.PROBLEM;
import static io.quarkiverse.twofactor.it.Api.freshRecipient;
import static io.quarkiverse.twofactor.it.Api.requestConfirmation;
import static org.hamcrest.Matchers.endsWith;

import java.time.Duration;
import java.util.Map;

import org.junit.jupiter.api.Tag;
import org.junit.jupiter.api.Test;

import io.quarkiverse.twofactor.it.store.RedisClusterStoreContractTest;
import io.quarkus.test.junit.QuarkusTest;
import io.quarkus.test.junit.TestProfile;

/**
 * A Redis Cluster loses one of its three masters while the application runs: the cluster reports itself down, the
 * readiness check says DOWN (though the remaining nodes still answer a {@code PING}) and a new request answers a 503
 * problem. Runs under -Predis, on a cluster of the test's own.
 */
@QuarkusTest
@Tag("redis")
@TestProfile(RedisClusterOutageTest.OwnCluster.class)
class RedisClusterOutageTest {

    /** The masters take a silent one for failed after a second; the rest is the readiness check's own polling. */
    private static final Duration BOUND = Duration.ofSeconds(15);

    /** The contract suite's settings, as a profile of its own: this test stops a master of its own cluster. */
    public static class OwnCluster extends RedisClusterStoreContractTest.RedisClusterStore {
    }

    RedisCluster cluster;

    @Test
    void lostMasterTurnsReadinessDownAndRequestsAnswer503() {
        StoreReadiness.up("redis");

        cluster.stopOneMaster();

        StoreReadiness.downWithin(BOUND, "redis", "Redis is unavailable to the two-factor store");
        requestConfirmation(Map.of("recipient", freshRecipient())).statusCode(503).contentType(PROBLEM)
                .body("type", endsWith("store-unavailable"));
    }
}
