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

/** With a security extension, the default identity mode starts and answers only signed-in callers. */
class RestIdentityModeWithSecurityTest {

    @RegisterExtension
    static final QuarkusUnitTest app = new QuarkusUnitTest()
            .withConfigurationResource(TestApps.H2_CONFIG)
            // Only this application gets a security extension: the module's other tests must build without one.
            .setForcedDependencies(List.of(Dependency.of("io.quarkus", "quarkus-elytron-security-properties-file",
                    Version.getVersion())))
            .overrideConfigKey("quarkus.security.users.embedded.enabled", "true")
            .overrideConfigKey("quarkus.security.users.embedded.plain-text", "true")
            .overrideConfigKey("quarkus.security.users.embedded.users.alice", "alice")
            .overrideConfigKey("quarkus.http.auth.basic", "true")
            .overrideConfigKey("quarkus.two-factor.rest.enabled", "true")
            .overrideConfigKey("quarkus.two-factor.rest.path", "/mfa")
            .overrideConfigKey("quarkus.two-factor.senders.\"default\".backend", "log");

    @Test
    void anonymousCallerIsRefusedWith401() {
        given().get("/mfa/senders")
                .then().statusCode(401)
                .contentType("application/problem+json")
                .body("type", endsWith("unauthenticated"));
        given().get("/mfa/destinations").then().statusCode(401);
    }

    @Test
    void signedInCallerIsServedUnderTheConfiguredPath() {
        given().auth().preemptive().basic("alice", "alice").get("/mfa/senders")
                .then().statusCode(200)
                .body("[0].key", equalTo("default"));
    }

    @Test
    void aRecipientInTheRequestIsRefused() {
        given().auth().preemptive().basic("alice", "alice").contentType("application/json")
                .body("{\"purpose\":\"sign-in\",\"recipient\":\"a@example.com\"}")
                .post("/mfa/request-confirmation")
                .then().statusCode(400)
                .contentType("application/problem+json");
    }
}
