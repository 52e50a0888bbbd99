package io.quarkiverse.twofactor.it.store;

import io.quarkus.test.junit.QuarkusTest;
import io.quarkus.test.junit.TestProfile;

/** The destination store suite in memory, which destinations follow when confirmations are kept there. */
@QuarkusTest
@TestProfile(MemoryStoreContractTest.MemoryStore.class)
class MemoryDestinationStoreContractTest extends DestinationStoreContractSuite {

    @Override
    protected String expectedStore() {
        return "memory";
    }
}
