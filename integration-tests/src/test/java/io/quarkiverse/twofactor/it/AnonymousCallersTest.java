package io.quarkiverse.twofactor.it;

import static io.quarkiverse.twofactor.it.Api.freshRecipient;
import static io.quarkiverse.twofactor.it.Api.requestConfirmation;

import java.util.Map;

import org.junit.jupiter.api.Test;

import io.quarkus.test.junit.QuarkusTest;

/**
 * Without {@code limits.requests-per-address}, anonymous callers are not counted by address: behind a proxy Quarkus does
 * not trust, they would all share the proxy's address and one limit.
 */
@QuarkusTest
class AnonymousCallersTest {

    @Test
    void anonymousCallsFromOneAddressAreNotLimitedByDefault() {
        // More calls than the default per-principal limit, all from this test's one address.
        for (int i = 0; i < 25; i++) {
            requestConfirmation(Map.of("recipient", freshRecipient())).statusCode(201);
        }
    }
}
