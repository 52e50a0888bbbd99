package io.quarkiverse.twofactor.it.store;

import java.util.Map;

import io.quarkus.test.junit.QuarkusTest;
import io.quarkus.test.junit.QuarkusTestProfile;
import io.quarkus.test.junit.TestProfile;

@QuarkusTest
@TestProfile(MemoryStoreContractTest.MemoryStore.class)
class MemoryStoreContractTest extends StoreContractSuite {

    public static class MemoryStore implements QuarkusTestProfile {
        @Override
        public Map<String, String> getConfigOverrides() {
            return Map.of("quarkus.two-factor.store", "memory");
        }
    }

    @Override
    protected String expectedStore() {
        return "memory";
    }
}
