package io.quarkiverse.twofactor.deployment;

import static org.junit.jupiter.api.Assertions.assertTrue;
import static org.junit.jupiter.api.Assertions.fail;

import jakarta.ws.rs.POST;
import jakarta.ws.rs.Path;

import org.junit.jupiter.api.Test;
import org.junit.jupiter.api.extension.RegisterExtension;

import io.quarkiverse.twofactor.RequiresConfirmation;
import io.quarkus.test.QuarkusUnitTest;

class StepUpBadPurposeTest {

    @RegisterExtension
    static final QuarkusUnitTest app = new QuarkusUnitTest()
            .withConfigurationResource(TestApps.H2_CONFIG)
            .withApplicationRoot(jar -> jar.addClasses(BadlyGuardedResource.class))
            .assertException(thrown -> {
                String message = TestApps.rootCauseMessage(thrown);
                assertTrue(message.contains("@RequiresConfirmation(\"Pay Now\") on "
                        + BadlyGuardedResource.class.getName() + "#pay: purpose must be"), message);
            });

    @Test
    void aPurposeNoConfirmationCanHaveFailsTheBuild() {
        fail("the build should have failed");
    }

    @Path("/badly-guarded")
    public static class BadlyGuardedResource {

        @POST
        @RequiresConfirmation("Pay Now")
        public String pay() {
            return "paid";
        }
    }
}
