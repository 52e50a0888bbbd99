package io.quarkiverse.twofactor.it.reactive;

import org.junit.jupiter.api.Tag;

import io.quarkus.test.junit.QuarkusTest;
import io.quarkus.test.junit.TestProfile;

/** {@link ConfirmEndpointThreadsTest} on the local Redis: the endpoints' store steps stay on the event loop too. */
@QuarkusTest
@Tag("redis")
@TestProfile(RedisReactiveConfirmerTest.OnRedis.class)
class RedisConfirmEndpointThreadsTest extends ConfirmEndpointThreadsTest {

    @Override
    protected boolean storeStepsOnEventLoop() {
        return true;
    }
}
