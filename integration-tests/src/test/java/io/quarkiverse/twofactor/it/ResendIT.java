package io.quarkiverse.twofactor.it;

import io.quarkus.test.junit.QuarkusIntegrationTest;

/** Resend rules against the packaged application in production mode. */
@QuarkusIntegrationTest
class ResendIT extends ResendTest {
}
