package io.quarkiverse.twofactor.it.faults;

import java.util.Map;

import io.quarkus.test.common.QuarkusTestResourceLifecycleManager;

/**
 * Starts a {@link RedisCluster} of the test's own, points the application's default Redis client at it in cluster
 * mode, and hands it to the test's {@code RedisCluster} field so that the test can look at its masters. The local Redis
 * on 6379 is left alone.
 */
public class RedisClusterResource implements QuarkusTestResourceLifecycleManager {

    private RedisCluster cluster;

    @Override
    public Map<String, String> start() {
        cluster = new RedisCluster();
        cluster.start();
        return cluster.clientSettings();
    }

    @Override
    public void inject(TestInjector injector) {
        injector.injectIntoFields(cluster, new TestInjector.MatchesType(RedisCluster.class));
    }

    @Override
    public void stop() {
        if (cluster != null) {
            cluster.stop();
        }
    }
}
