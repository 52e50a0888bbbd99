package io.quarkiverse.twofactor.it;

import static io.restassured.RestAssured.given;
import static org.hamcrest.Matchers.equalTo;

import org.junit.jupiter.api.Test;

import io.quarkus.test.junit.QuarkusTest;

/** Open mode has no users, so it serves no authenticator apps and no recovery codes. */
@QuarkusTest
class AuthenticatorEndpointsOpenModeTest {

    @Test
    void openModeServesNoAuthenticatorAppsNorRecoveryCodes() {
        given().get("/two-factor/authenticators").then().statusCode(404)
                .body("type", equalTo("urn:quarkus-two-factor:problem:not-found"));
        given().post("/two-factor/authenticators").then().statusCode(404);
        given().get("/two-factor/recovery-codes").then().statusCode(404);
        given().post("/two-factor/recovery-codes").then().statusCode(404);
    }
}
