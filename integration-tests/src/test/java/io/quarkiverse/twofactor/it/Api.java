package io.quarkiverse.twofactor.it;

import static io.restassured.RestAssured.given;

import java.util.Map;
import java.util.UUID;

import io.restassured.http.ContentType;
import io.restassured.response.ValidatableResponse;

/** The REST calls the tests make, over real HTTP. */
public final class Api {

    public static final String PROBLEM = "application/problem+json";

    private Api() {
    }

    public static ValidatableResponse requestConfirmation(Object body) {
        return given().contentType(ContentType.JSON).body(body).post("/two-factor/request-confirmation").then();
    }

    public static ValidatableResponse confirm(Object body) {
        return given().contentType(ContentType.JSON).body(body).post("/two-factor/confirm").then();
    }

    public static ValidatableResponse confirm(String id, String code) {
        return confirm(Map.of("id", id, "code", code));
    }

    public static ValidatableResponse check(String id) {
        return given().get("/two-factor/confirmations/{id}", id).then();
    }

    public static ValidatableResponse resend(String id) {
        return given().contentType(ContentType.JSON).body(Map.of("id", id)).post("/two-factor/resend").then();
    }

    /** Requests a code for a fresh recipient through the default sender and returns the confirmation id. */
    public static String requestFor(String recipient) {
        return requestConfirmation(Map.of("recipient", recipient)).statusCode(201).extract().path("id");
    }

    /** The code the demo inbox last received for the recipient. */
    public static String deliveredCode(String recipient) {
        return given().get("/demo/inbox/{recipient}", recipient).then().statusCode(200).extract().asString();
    }

    public static ValidatableResponse protectedAction(String id) {
        return given().post("/demo/protected-action/{id}", id).then();
    }

    public static String freshRecipient() {
        return "user-" + UUID.randomUUID() + "@example.com";
    }

    /** A code of the right shape that is not the delivered one. */
    public static String wrongCode(String code) {
        char first = code.charAt(0) == '0' ? '1' : '0';
        return first + code.substring(1);
    }
}
