package io.quarkiverse.twofactor.it.observability;

import io.quarkus.test.junit.QuarkusIntegrationTest;

/** The readiness check of the packaged application in production mode. */
@QuarkusIntegrationTest
class StoreReadinessIT extends StoreReadinessTest {
}
