package io.quarkiverse.twofactor.it.demo;

import static io.restassured.RestAssured.given;
import static org.hamcrest.Matchers.endsWith;
import static org.hamcrest.Matchers.equalTo;

import java.util.Map;
import java.util.concurrent.ThreadLocalRandom;

import org.junit.jupiter.api.Test;

import io.quarkus.test.junit.QuarkusTest;
import io.quarkus.test.junit.TestProfile;
import io.restassured.http.ContentType;
import io.restassured.response.ValidatableResponse;
import io.restassured.specification.RequestSpecification;

/**
 * The README's walk-through with HTTP Basic: a user verifies a phone, confirms a code for the demo's secured action,
 * and the action runs once for that confirmation. Bob is the user here, so that the browser journey keeps Alice.
 */
@QuarkusTest
@TestProfile(IdentityModeProfile.class)
class SecuredActionTest {

    private static final String HEADER = "Two-Factor-Confirmation";

    /** Bob's phone, verified by the first test that needs it; the application lives as long as this class's tests. */
    private static String bobsPhone;

    @Test
    void confirmedCodeRunsTheSecuredActionOnceAndTheReplayIsRefused() {
        String confirmation = confirmedSecuredAction();

        as("bob").header(HEADER, confirmation).post("/demo/secured-action").then()
                .statusCode(200).body(equalTo("done"));
        as("bob").header(HEADER, confirmation).post("/demo/secured-action").then()
                .statusCode(403).contentType("application/problem+json")
                .body("type", endsWith("confirmation-required"), "purpose", equalTo("secured-action"));
    }

    @Test
    void anotherUserCannotSpendTheConfirmationAndItsOwnerStillCan() {
        String confirmation = confirmedSecuredAction();

        as("alice").header(HEADER, confirmation).post("/demo/secured-action").then()
                .statusCode(403).body("type", endsWith("confirmation-required"));
        as("bob").header(HEADER, confirmation).post("/demo/secured-action").then()
                .statusCode(200).body(equalTo("done"));
    }

    @Test
    void anonymousCallerIsRefusedWith401() {
        String confirmation = confirmedSecuredAction();

        given().header(HEADER, confirmation).post("/demo/secured-action").then().statusCode(401);
    }

    /** Requests a code for the secured action, sent to Bob's verified phone, and confirms it. */
    private static String confirmedSecuredAction() {
        String phone = bobsVerifiedPhone();
        String id = post(Map.of("purpose", "secured-action"), "/two-factor/request-confirmation")
                .statusCode(201).extract().path("id");
        confirmWithDeliveredCode(id, phone);
        return id;
    }

    private static synchronized String bobsVerifiedPhone() {
        if (bobsPhone == null) {
            String phone = "+1555" + ThreadLocalRandom.current().nextInt(1_000_000, 10_000_000);
            String id = post(Map.of("sender", "default", "recipient", phone), "/two-factor/destinations")
                    .statusCode(201).body("destination.verified", equalTo(false))
                    .extract().path("confirmation.id");
            confirmWithDeliveredCode(id, phone);
            bobsPhone = phone;
        }
        return bobsPhone;
    }

    private static void confirmWithDeliveredCode(String id, String recipient) {
        String code = given().get("/demo/inbox/{recipient}", recipient).then().statusCode(200).extract().asString();
        post(Map.of("id", id, "code", code), "/two-factor/confirm").statusCode(200);
    }

    private static ValidatableResponse post(Map<String, String> body, String path) {
        return as("bob").contentType(ContentType.JSON).body(body).post(path).then();
    }

    private static RequestSpecification as(String user) {
        return given().auth().preemptive().basic(user, user);
    }
}
