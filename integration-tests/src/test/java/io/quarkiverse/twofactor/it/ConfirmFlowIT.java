package io.quarkiverse.twofactor.it;

import io.quarkus.test.junit.QuarkusIntegrationTest;
import io.quarkus.test.junit.TestProfile;

/** The confirm flow against the packaged application in production mode. */
@QuarkusIntegrationTest
@TestProfile(OpenModeProfile.class)
class ConfirmFlowIT extends ConfirmFlowTest {
}
