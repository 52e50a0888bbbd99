package io.quarkiverse.twofactor.it.store;

import io.quarkus.test.junit.QuarkusTest;
import io.quarkus.test.junit.TestProfile;

/** The authenticator store suite on the memory store. */
@QuarkusTest
@TestProfile(MemoryStoreContractTest.MemoryStore.class)
class MemoryAuthenticatorStoreContractTest extends AuthenticatorStoreContractSuite {

    @Override
    protected String expectedStore() {
        return "memory";
    }
}
