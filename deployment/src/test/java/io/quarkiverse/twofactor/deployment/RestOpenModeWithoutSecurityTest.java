package io.quarkiverse.twofactor.deployment;

import static io.restassured.RestAssured.given;
import static org.hamcrest.Matchers.equalTo;
import static org.hamcrest.Matchers.hasSize;

import org.junit.jupiter.api.Test;
import org.junit.jupiter.api.extension.RegisterExtension;

import io.quarkus.test.QuarkusUnitTest;

/** Open mode needs no security extension, and lists the senders to anyone. */
class RestOpenModeWithoutSecurityTest {

    @RegisterExtension
    static final QuarkusUnitTest app = new QuarkusUnitTest()
            .withConfigurationResource(TestApps.H2_CONFIG)
            .overrideConfigKey("quarkus.two-factor.rest.enabled", "true")
            .overrideConfigKey("quarkus.two-factor.rest.mode", "open")
            .overrideConfigKey("quarkus.two-factor.senders.\"default\".backend", "log")
            .overrideConfigKey("quarkus.two-factor.senders.\"default\".verbose-name", "Log");

    @Test
    void openModeStartsWithoutASecurityExtensionAndListsTheSenders() {
        given().get("/two-factor/senders")
                .then().statusCode(200)
                .body("$", hasSize(1))
                .body("[0].key", equalTo("default"))
                .body("[0].verboseName", equalTo("Log"));
    }

    @Test
    void destinationsAreNotServedInOpenMode() {
        given().get("/two-factor/destinations").then().statusCode(404);
    }
}
