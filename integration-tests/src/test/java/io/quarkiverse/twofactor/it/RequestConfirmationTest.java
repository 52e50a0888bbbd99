package io.quarkiverse.twofactor.it;

import static io.quarkiverse.twofactor.it.Api.PROBLEM;
import static io.quarkiverse.twofactor.it.Api.freshRecipient;
import static io.quarkiverse.twofactor.it.Api.requestConfirmation;
import static io.restassured.RestAssured.given;
import static org.hamcrest.Matchers.containsString;
import static org.hamcrest.Matchers.endsWith;
import static org.hamcrest.Matchers.equalTo;
import static org.hamcrest.Matchers.not;
import static org.hamcrest.Matchers.notNullValue;
import static org.hamcrest.Matchers.nullValue;
import static org.junit.jupiter.api.Assertions.assertEquals;
import static org.junit.jupiter.api.Assertions.assertTrue;

import java.util.List;
import java.util.Map;

import org.junit.jupiter.api.Test;

import io.quarkus.test.junit.QuarkusTest;
import io.restassured.http.ContentType;

@QuarkusTest
class RequestConfirmationTest {

    @Test
    void requestCreatesAPendingConfirmationAndDeliversItsCode() {
        String recipient = freshRecipient();
        var response = requestConfirmation(Map.of("recipient", recipient, "meta", Map.of("user", "alice")))
                .statusCode(201)
                .contentType(ContentType.JSON)
                .body("status", equalTo("pending"))
                .body("sender", equalTo("default"))
                .body("expiresAt", notNullValue())
                .extract();
        String id = response.path("id");
        assertTrue(response.header("Location").endsWith("/two-factor/confirmations/" + id));
        assertEquals(6, Api.deliveredCode(recipient).length());
        Api.check(id).statusCode(200).body("status", equalTo("pending")).body("confirmed", equalTo(false));
    }

    @Test
    void locationHeaderPointsAtTheNewConfirmation() {
        String recipient = freshRecipient();
        String location = requestConfirmation(Map.of("recipient", recipient)).statusCode(201)
                .extract().header("Location");
        given().get(location).then().statusCode(200).body("status", equalTo("pending"));
    }

    @Test
    void debugCodeResponseCarriesTheDeliveredCodeInTestMode() {
        String recipient = freshRecipient();
        String code = requestConfirmation(Map.of("recipient", recipient)).statusCode(201)
                .extract().path("code");
        assertEquals(Api.deliveredCode(recipient), code);
    }

    @Test
    void namedSenderIsUsed() {
        requestConfirmation(Map.of("recipient", freshRecipient(), "sender", "log"))
                .statusCode(201).body("sender", equalTo("log"));
    }

    @Test
    void unknownSenderIsABadRequest() {
        requestConfirmation(Map.of("recipient", freshRecipient(), "sender", "pigeon"))
                .statusCode(400).contentType(PROBLEM)
                .body("type", endsWith("unknown-sender"))
                .body("status", equalTo(400))
                .body("sender", equalTo("pigeon"));
    }

    @Test
    void missingOrBlankRecipientIsABadRequest() {
        requestConfirmation(Map.of()).statusCode(400).contentType(PROBLEM).body("detail", notNullValue());
        requestConfirmation(Map.of("recipient", "  ")).statusCode(400).contentType(PROBLEM);
        requestConfirmation(Map.of("recipient", 42)).statusCode(400).contentType(PROBLEM);
    }

    @Test
    void metaMustBeAnObjectWithinTheLimits() {
        requestConfirmation(Map.of("recipient", freshRecipient(), "meta", "user=alice"))
                .statusCode(400).contentType(PROBLEM);
        requestConfirmation(Map.of("recipient", freshRecipient(), "meta", List.of("alice")))
                .statusCode(400).contentType(PROBLEM);
        requestConfirmation(Map.of("recipient", freshRecipient(), "meta",
                Map.of("a", Map.of("b", Map.of("c", Map.of("d", Map.of("e", 1)))))))
                .statusCode(400).contentType(PROBLEM).body("detail", containsString("deeper"));
    }

    @Test
    void metaOfAnyJsonValuesComesBackAsGiven() {
        String meta = "{\"user\":\"alice\",\"amount\":42,\"rate\":0.10,\"approved\":true,\"note\":null,"
                + "\"tags\":[\"a\",1,null],\"card\":{\"last4\":\"4242\"}}";
        String id = requestConfirmation("{\"recipient\":\"" + freshRecipient() + "\",\"meta\":" + meta + "}")
                .statusCode(201).extract().path("id");
        String state = given().get("/two-factor/confirmations/{id}", id).then().statusCode(200).extract().asString();
        assertTrue(state.endsWith(",\"meta\":" + meta + "}"), state);
    }

    @Test
    void malformedJsonIsABadRequestWithoutStackTrace() {
        given().contentType(ContentType.JSON).body("{\"recipient\": ").post("/two-factor/request-confirmation")
                .then().statusCode(400).contentType(PROBLEM)
                .body("title", notNullValue())
                .body("detail", not(org.hamcrest.Matchers.containsString("at com.")))
                .body("trace", nullValue());
        given().contentType(ContentType.JSON).body("[1,2]").post("/two-factor/request-confirmation")
                .then().statusCode(400).contentType(PROBLEM);
    }

    @Test
    void bodyOverSixteenKibibytesIsABadRequest() {
        String big = "x".repeat(17 * 1024);
        requestConfirmation(Map.of("recipient", freshRecipient(), "meta", Map.of("note", big)))
                .statusCode(400).contentType(PROBLEM).body("detail", org.hamcrest.Matchers.containsString("16384"));
    }

    @Test
    void nonJsonContentTypeIsRefused() {
        given().contentType(ContentType.TEXT).body("recipient=a").post("/two-factor/request-confirmation")
                .then().statusCode(415).contentType(PROBLEM);
    }

    @Test
    void failedDeliveryAnswers503AndLeavesTheConfirmationFailed() {
        String location = requestConfirmation(Map.of("recipient", freshRecipient(), "sender", "broken"))
                .statusCode(503).contentType(PROBLEM)
                .body("sender", equalTo("broken"))
                .body("detail", not(org.hamcrest.Matchers.containsString("provider unreachable")))
                .extract().header("Location");
        assertEquals(null, location);
    }
}
