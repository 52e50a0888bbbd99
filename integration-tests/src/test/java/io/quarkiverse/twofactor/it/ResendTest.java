package io.quarkiverse.twofactor.it;

import static io.quarkiverse.twofactor.it.Api.PROBLEM;
import static io.quarkiverse.twofactor.it.Api.deliveredCode;
import static io.quarkiverse.twofactor.it.Api.freshRecipient;
import static io.quarkiverse.twofactor.it.Api.requestFor;
import static io.quarkiverse.twofactor.it.Api.resend;
import static io.restassured.RestAssured.given;
import static org.hamcrest.Matchers.endsWith;
import static org.hamcrest.Matchers.equalTo;

import java.util.Map;
import java.util.UUID;

import org.junit.jupiter.api.Test;

import io.quarkus.test.junit.QuarkusTest;
import io.restassured.http.ContentType;

@QuarkusTest
class ResendTest {

    @Test
    void resendInsideTheCooldownIsTooManyRequestsWithRetryAfter() {
        String id = requestFor(freshRecipient());
        String retryAfter = resend(id).statusCode(429).contentType(PROBLEM)
                .body("type", endsWith("resend-cooldown"))
                .extract().header("Retry-After");
        int seconds = Integer.parseInt(retryAfter);
        org.junit.jupiter.api.Assertions.assertTrue(seconds >= 1 && seconds <= 30, "Retry-After " + seconds);
    }

    @Test
    void resendOfAnUnknownIdIsNotFound() {
        resend(UUID.randomUUID().toString()).statusCode(404).contentType(PROBLEM);
    }

    @Test
    void resendOfAConfirmedConfirmationIsAConflict() {
        String recipient = freshRecipient();
        String id = requestFor(recipient);
        Api.confirm(id, deliveredCode(recipient)).statusCode(200);
        resend(id).statusCode(409).contentType(PROBLEM).body("confirmationStatus", equalTo("confirmed"));
    }

    @Test
    void malformedResendIsABadRequest() {
        resend("nope").statusCode(400).contentType(PROBLEM);
        given().contentType(ContentType.JSON).body(Map.of()).post("/two-factor/resend").then().statusCode(400)
                .contentType(PROBLEM);
        given().contentType(ContentType.JSON).body("{").post("/two-factor/resend").then().statusCode(400)
                .contentType(PROBLEM);
    }
}
