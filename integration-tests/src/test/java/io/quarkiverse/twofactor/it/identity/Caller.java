package io.quarkiverse.twofactor.it.identity;

import static io.quarkiverse.twofactor.it.Api.deliveredCode;

import java.util.HashMap;
import java.util.List;
import java.util.Map;

import io.quarkiverse.twofactor.RequiresConfirmation;
import io.restassured.RestAssured;
import io.restassured.http.ContentType;
import io.restassured.response.ValidatableResponse;
import io.restassured.specification.RequestSpecification;

/** One of the demo's users, signed in with HTTP Basic, calling the REST endpoints in identity mode. */
final class Caller {

    static final Caller ALICE = new Caller("alice");
    static final Caller BOB = new Caller("bob");

    static final String CONFIRMATION_HEADER = RequiresConfirmation.HEADER;
    static final String MANAGE = "manage-destinations";

    final String name;

    Caller(String name) {
        this.name = name;
    }

    RequestSpecification given() {
        // The demo's users have their name as password.
        return RestAssured.given().auth().preemptive().basic(name, name);
    }

    ValidatableResponse senders() {
        return given().get("/two-factor/senders").then();
    }

    ValidatableResponse destinations() {
        return given().get("/two-factor/destinations").then();
    }

    ValidatableResponse destination(String id) {
        return given().get("/two-factor/destinations/{id}", id).then();
    }

    ValidatableResponse addDestination(Object body) {
        return addDestination(body, null);
    }

    ValidatableResponse addDestination(Object body, String confirmation) {
        return withConfirmation(confirmation).contentType(ContentType.JSON).body(body)
                .post("/two-factor/destinations").then();
    }

    ValidatableResponse removeDestination(String id) {
        return removeDestination(id, null);
    }

    ValidatableResponse removeDestination(String id, String confirmation) {
        return withConfirmation(confirmation).delete("/two-factor/destinations/{id}", id).then();
    }

    ValidatableResponse makeDefault(String id) {
        return given().put("/two-factor/destinations/{id}/default", id).then();
    }

    ValidatableResponse requestConfirmation(Object body) {
        return given().contentType(ContentType.JSON).body(body).post("/two-factor/request-confirmation").then();
    }

    ValidatableResponse confirm(String id, String code) {
        return given().contentType(ContentType.JSON).body(Map.of("id", id, "code", code))
                .post("/two-factor/confirm").then();
    }

    ValidatableResponse check(String id) {
        return given().get("/two-factor/confirmations/{id}", id).then();
    }

    ValidatableResponse resend(String id) {
        return given().contentType(ContentType.JSON).body(Map.of("id", id)).post("/two-factor/resend").then();
    }

    /**
     * Adds a destination for the recipient through the default sender (with a {@value #MANAGE} confirmation sent to
     * {@code proof} when the caller already has a verified one), confirms the code the demo inbox received, and
     * returns the destination's id.
     */
    String verifiedDestination(String recipient, String proof) {
        String confirmation = proof == null ? null : confirmed(MANAGE, proof);
        var added = addDestination(Map.of("recipient", recipient), confirmation).statusCode(201).extract();
        confirm(added.path("confirmation.id"), deliveredCode(recipient)).statusCode(200);
        return added.path("destination.id");
    }

    /** The first verified destination: none is needed to add it. */
    String verifiedDestination(String recipient) {
        return verifiedDestination(recipient, null);
    }

    /** Requests a confirmation for the purpose, sent to the caller's default destination {@code recipient}, and confirms it. */
    String confirmed(String purpose, String recipient) {
        String id = requestConfirmation(Map.of("purpose", purpose)).statusCode(201).extract().path("id");
        confirm(id, deliveredCode(recipient)).statusCode(200);
        return id;
    }

    /** Removes every destination of the caller, spending a {@value #MANAGE} confirmation whenever one is needed. */
    void removeAllDestinations() {
        while (true) {
            List<Map<String, Object>> all = destinations().statusCode(200).extract().jsonPath().getList("$");
            if (all.isEmpty()) {
                return;
            }
            String confirmation = all.stream().filter(d -> Boolean.TRUE.equals(d.get("verified"))).findFirst()
                    .map(verified -> confirmedThroughDebugCode((String) verified.get("id"))).orElse(null);
            removeDestination((String) all.get(0).get("id"), confirmation).statusCode(204);
        }
    }

    private String confirmedThroughDebugCode(String destination) {
        var sent = requestConfirmation(Map.of("purpose", MANAGE, "destination", destination)).statusCode(201)
                .extract();
        confirm(sent.path("id"), sent.path("code")).statusCode(200);
        return sent.path("id");
    }

    private RequestSpecification withConfirmation(String confirmation) {
        RequestSpecification request = given();
        return confirmation == null ? request : request.header(CONFIRMATION_HEADER, confirmation);
    }

    static Map<String, Object> body(Object... keysAndValues) {
        // Map.of refuses null values, which some bodies need.
        Map<String, Object> body = new HashMap<>();
        for (int i = 0; i < keysAndValues.length; i += 2) {
            body.put((String) keysAndValues[i], keysAndValues[i + 1]);
        }
        return body;
    }
}
