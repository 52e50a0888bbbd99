package io.quarkiverse.twofactor.deployment;

import static io.restassured.RestAssured.given;

import org.junit.jupiter.api.Test;
import org.junit.jupiter.api.extension.RegisterExtension;

import io.quarkus.test.QuarkusUnitTest;
import io.restassured.http.ContentType;

class RestDisabledByDefaultTest {

    @RegisterExtension
    static final QuarkusUnitTest app = new QuarkusUnitTest()
            .withConfigurationResource(TestApps.H2_CONFIG)
            // A usable sender, so that a served endpoint would answer 201 rather than 404.
            .overrideConfigKey("quarkus.two-factor.senders.\"default\".backend", "log");

    @Test
    void endpointsAreNotServedUnlessEnabled() {
        given().contentType(ContentType.JSON).body("{\"recipient\":\"a@example.com\"}")
                .post("/two-factor/request-confirmation")
                .then().statusCode(404);
    }
}
