package io.quarkiverse.twofactor.deployment;

import static io.restassured.RestAssured.given;
import static org.hamcrest.Matchers.equalTo;
import static org.junit.jupiter.api.Assertions.assertTrue;

import org.junit.jupiter.api.Test;
import org.junit.jupiter.api.extension.RegisterExtension;

import io.quarkus.test.QuarkusUnitTest;
import io.restassured.http.ContentType;
import io.restassured.response.ExtractableResponse;
import io.restassured.response.Response;

class RestCustomPathTest {

    private static final String BODY = "{\"recipient\":\"a@example.com\"}";

    @RegisterExtension
    static final QuarkusUnitTest app = new QuarkusUnitTest()
            .withConfigurationResource(TestApps.H2_CONFIG)
            .overrideConfigKey("quarkus.two-factor.rest.enabled", "true")
            .overrideConfigKey("quarkus.two-factor.rest.mode", "open")
            .overrideConfigKey("quarkus.two-factor.rest.path", "/mfa")
            .overrideConfigKey("quarkus.two-factor.senders.\"default\".backend", "log");

    @Test
    void endpointsAreServedUnderTheConfiguredPath() {
        ExtractableResponse<Response> created = given().contentType(ContentType.JSON).body(BODY)
                .post("/mfa/request-confirmation")
                .then().statusCode(201)
                .body("status", equalTo("pending"))
                .body("sender", equalTo("default"))
                .extract();
        String location = created.header("Location");
        assertTrue(location.endsWith("/mfa/confirmations/" + created.path("id")), location);

        given().get(location)
                .then().statusCode(200)
                .body("status", equalTo("pending"))
                .body("confirmed", equalTo(false));
    }

    @Test
    void defaultPathIsNotServedOnceThePathIsChanged() {
        given().contentType(ContentType.JSON).body(BODY)
                .post("/two-factor/request-confirmation")
                .then().statusCode(404);
    }
}
