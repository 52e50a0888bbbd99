package io.quarkiverse.twofactor.it;

import io.quarkus.test.junit.QuarkusIntegrationTest;
import io.quarkus.test.junit.TestProfile;

/** Resend rules against the packaged application in production mode. */
@QuarkusIntegrationTest
@TestProfile(OpenModeProfile.class)
class ResendIT extends ResendTest {
}
