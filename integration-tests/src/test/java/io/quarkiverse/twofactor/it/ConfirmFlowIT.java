package io.quarkiverse.twofactor.it;

import io.quarkus.test.junit.QuarkusIntegrationTest;

/** The confirm flow against the packaged application in production mode. */
@QuarkusIntegrationTest
class ConfirmFlowIT extends ConfirmFlowTest {
}
