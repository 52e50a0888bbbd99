package io.quarkiverse.twofactor.deployment;

import static io.restassured.RestAssured.given;
import static org.hamcrest.Matchers.endsWith;
import static org.hamcrest.Matchers.equalTo;

import java.util.List;

import org.junit.jupiter.api.Test;
import org.junit.jupiter.api.extension.RegisterExtension;

import io.quarkus.builder.Version;
import io.quarkus.maven.dependency.Dependency;
import io.quarkus.test.QuarkusUnitTest;

/** With a security extension the build registers the interceptor, and the annotated method is guarded. */
class StepUpWithSecurityTest {

    @RegisterExtension
    static final QuarkusUnitTest app = new QuarkusUnitTest()
            .withConfigurationResource(TestApps.H2_CONFIG)
            .withApplicationRoot(jar -> jar.addClasses(GuardedResource.class))
            // Only this application gets a security extension: the module's other tests must build without one.
            .setForcedDependencies(List.of(Dependency.of("io.quarkus", "quarkus-elytron-security-properties-file",
                    Version.getVersion())))
            .overrideConfigKey("quarkus.security.users.embedded.enabled", "true")
            .overrideConfigKey("quarkus.security.users.embedded.plain-text", "true")
            .overrideConfigKey("quarkus.security.users.embedded.users.alice", "alice")
            .overrideConfigKey("quarkus.http.auth.basic", "true");

    @Test
    void anAnonymousCallIsRefusedWith401() {
        given().post("/guarded")
                .then().statusCode(401)
                .contentType("application/problem+json")
                .body("type", endsWith("unauthenticated"));
    }

    @Test
    void aSignedInCallWithoutAConfirmationIsRefusedWith403() {
        given().auth().preemptive().basic("alice", "alice")
                .post("/guarded")
                .then().statusCode(403)
                .contentType("application/problem+json")
                .body("type", endsWith("confirmation-required"))
                .body("purpose", equalTo("payment"));
    }
}
