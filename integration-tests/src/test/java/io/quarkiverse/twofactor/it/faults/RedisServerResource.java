package io.quarkiverse.twofactor.it.faults;

import java.util.Map;

import io.quarkus.test.common.QuarkusTestResourceLifecycleManager;

/**
 * Starts a {@link RedisServer} of the test's own, points the application's Redis client at it, and hands it to the
 * test's {@code RedisServer} field so that the test can restart it. The local Redis on 6379 is left alone.
 */
public class RedisServerResource implements QuarkusTestResourceLifecycleManager {

    private RedisServer server;

    @Override
    public Map<String, String> start() {
        server = new RedisServer();
        server.start();
        return Map.of("quarkus.redis.hosts", "redis://127.0.0.1:" + server.port());
    }

    @Override
    public void inject(TestInjector injector) {
        injector.injectIntoFields(server, new TestInjector.MatchesType(RedisServer.class));
    }

    @Override
    public void stop() {
        if (server != null) {
            server.stop();
        }
    }
}
