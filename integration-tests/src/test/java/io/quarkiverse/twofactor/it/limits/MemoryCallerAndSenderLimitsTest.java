package io.quarkiverse.twofactor.it.limits;

import java.util.Map;

import io.quarkus.test.junit.QuarkusTest;
import io.quarkus.test.junit.TestProfile;

/** {@link CallerAndSenderLimitsTest} on the memory store. */
@QuarkusTest
@TestProfile(MemoryCallerAndSenderLimitsTest.OnMemory.class)
class MemoryCallerAndSenderLimitsTest extends CallerAndSenderLimitsTest {

    public static class OnMemory extends TwoRequestsOneSend {
        @Override
        protected Map<String, String> store() {
            return Map.of("quarkus.two-factor.store", "memory");
        }
    }
}
