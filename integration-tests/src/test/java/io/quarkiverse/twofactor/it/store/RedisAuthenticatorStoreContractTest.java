package io.quarkiverse.twofactor.it.store;

import org.junit.jupiter.api.Tag;

import io.quarkus.test.junit.QuarkusTest;
import io.quarkus.test.junit.TestProfile;

/** The authenticator store suite against the local Redis, under a key prefix of its own; runs under -Predis. */
@QuarkusTest
@Tag("redis")
@TestProfile(RedisStoreContractTest.RedisStore.class)
class RedisAuthenticatorStoreContractTest extends AuthenticatorStoreContractSuite {

    @Override
    protected String expectedStore() {
        return "redis";
    }
}
