package io.quarkiverse.twofactor.deployment;

import static org.junit.jupiter.api.Assertions.fail;

import org.junit.jupiter.api.Test;
import org.junit.jupiter.api.extension.RegisterExtension;

import io.quarkus.test.QuarkusUnitTest;

/** A Redis client name that no client has fails startup, naming the property and the client's setting to add. */
class UnknownRedisClientTest {

    @RegisterExtension
    static final QuarkusUnitTest app = new QuarkusUnitTest()
            .withConfigurationResource(TestApps.H2_CONFIG)
            .overrideConfigKey("quarkus.two-factor.store", "redis")
            .overrideConfigKey("quarkus.two-factor.redis.client-name", "sessions")
            .overrideConfigKey("quarkus.redis.hosts", "redis://127.0.0.1:1")
            .overrideConfigKey("quarkus.redis.devservices.enabled", "false")
            .assertException(thrown -> {
                TestApps.assertConfigurationErrorNaming(thrown, "quarkus.two-factor.redis.client-name");
                TestApps.assertConfigurationErrorNaming(thrown, "quarkus.redis.sessions.hosts");
            });

    @Test
    void startupFails() {
        fail("startup should have failed");
    }
}
