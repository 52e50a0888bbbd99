package io.quarkiverse.twofactor.it.identity;

import static io.quarkiverse.twofactor.it.Api.PROBLEM;
import static io.quarkiverse.twofactor.it.Api.deliveredCode;
import static io.quarkiverse.twofactor.it.Api.freshRecipient;
import static io.quarkiverse.twofactor.it.Api.wrongCode;
import static io.quarkiverse.twofactor.it.identity.Caller.ALICE;
import static io.quarkiverse.twofactor.it.identity.Caller.BOB;
import static io.quarkiverse.twofactor.it.identity.Caller.body;
import static io.restassured.RestAssured.given;
import static org.hamcrest.Matchers.endsWith;
import static org.hamcrest.Matchers.equalTo;
import static org.hamcrest.Matchers.hasKey;
import static org.hamcrest.Matchers.not;
import static org.hamcrest.Matchers.notNullValue;
import static org.junit.jupiter.api.Assertions.assertEquals;
import static org.junit.jupiter.api.Assertions.assertFalse;
import static org.junit.jupiter.api.Assertions.assertNotEquals;
import static org.junit.jupiter.api.Assertions.assertTrue;

import java.util.Map;
import java.util.UUID;
import java.util.function.Function;
import java.util.stream.Stream;

import jakarta.inject.Inject;

import org.junit.jupiter.api.BeforeEach;
import org.junit.jupiter.api.Test;
import org.junit.jupiter.params.ParameterizedTest;
import org.junit.jupiter.params.provider.MethodSource;

import io.quarkiverse.twofactor.demo.DemoInbox;
import io.quarkus.test.junit.QuarkusTest;
import io.quarkus.test.junit.TestProfile;
import io.restassured.http.ContentType;
import io.restassured.response.Response;
import io.restassured.specification.RequestSpecification;

@QuarkusTest
@TestProfile(IdentityModeProfile.class)
class OwnedConfirmationsTest {

    @Inject
    DemoInbox inbox;

    private String alicePhone;

    @BeforeEach
    void aliceHasOneVerifiedDestinationAndBobNone() {
        ALICE.removeAllDestinations();
        BOB.removeAllDestinations();
        alicePhone = freshRecipient();
        ALICE.verifiedDestination(alicePhone);
    }

    @Test
    void requestSendsTheCodeToTheCallersDefaultDestination() {
        var sent = ALICE.requestConfirmation(Map.of("purpose", "sign-in"))
                .statusCode(201).contentType(ContentType.JSON)
                .body("status", equalTo("pending"))
                .body("sender", equalTo("default"))
                .body("purpose", equalTo("sign-in"))
                .body("expiresAt", notNullValue())
                .body("$", not(hasKey("recipient")))
                .extract();
        String id = sent.path("id");
        assertEquals(deliveredCode(alicePhone), sent.path("code"));
        assertFalse(sent.asString().contains(alicePhone), sent.asString());
        assertTrue(sent.header("Location").endsWith("/two-factor/confirmations/" + id));
        ALICE.check(id).statusCode(200).body("status", equalTo("pending")).body("purpose", equalTo("sign-in"));
    }

    @Test
    void requestIsInTheLanguageOfItsAcceptLanguage() {
        String code = ALICE.given().contentType(ContentType.JSON).header("Accept-Language", "de")
                .body(Map.of("purpose", "sign-in")).post("/two-factor/request-confirmation")
                .then().statusCode(201).extract().path("code");
        String message = inbox.last(alicePhone).orElseThrow().message();
        assertTrue(message.startsWith("Ihr Code lautet " + code + "."), message);
    }

    @Test
    void requestForASenderUsesThatSendersDefaultDestination() {
        var added = ALICE.addDestination(Map.of("sender", "log", "recipient", freshRecipient()),
                ALICE.confirmed(Caller.MANAGE, alicePhone)).statusCode(201).extract();
        ALICE.confirm(added.path("confirmation.id"), added.path("confirmation.code")).statusCode(200);

        ALICE.requestConfirmation(Map.of("purpose", "sign-in", "sender", "log")).statusCode(201)
                .body("sender", equalTo("log"));
        ALICE.requestConfirmation(Map.of("purpose", "sign-in", "sender", "default")).statusCode(201)
                .body("sender", equalTo("default"));
    }

    @Test
    void requestNamingADestinationSendsThere() {
        String other = freshRecipient();
        String otherId = ALICE.verifiedDestination(other, alicePhone);
        String code = ALICE.requestConfirmation(Map.of("purpose", "sign-in", "destination", otherId))
                .statusCode(201).extract().path("code");
        assertEquals(deliveredCode(other), code);
    }

    @Test
    void requestWithoutAVerifiedDestinationIsAConflict() {
        BOB.requestConfirmation(Map.of("purpose", "sign-in")).statusCode(409).contentType(PROBLEM)
                .body("type", endsWith("no-destination"));
        BOB.addDestination(Map.of("recipient", freshRecipient())).statusCode(201);
        BOB.requestConfirmation(Map.of("purpose", "sign-in")).statusCode(409).contentType(PROBLEM)
                .body("type", endsWith("no-destination"));
    }

    @Test
    void requestNamingSomeoneElsesOrAnUnverifiedDestinationIsAConflict() {
        String bobs = BOB.verifiedDestination(freshRecipient());
        ALICE.requestConfirmation(Map.of("purpose", "sign-in", "destination", bobs)).statusCode(409)
                .body("type", endsWith("no-destination"));
        String unverified = ALICE.addDestination(Map.of("recipient", freshRecipient()),
                ALICE.confirmed(Caller.MANAGE, alicePhone)).statusCode(201).extract().path("destination.id");
        ALICE.requestConfirmation(Map.of("purpose", "sign-in", "destination", unverified)).statusCode(409)
                .body("type", endsWith("no-destination"));
    }

    @Test
    void requestNamingARecipientOrMetaIsABadRequest() {
        String target = freshRecipient();
        ALICE.requestConfirmation(Map.of("purpose", "sign-in", "recipient", target)).statusCode(400)
                .contentType(PROBLEM).body("type", endsWith("invalid-request"));
        ALICE.requestConfirmation(Map.of("purpose", "sign-in", "meta", Map.of("user", "bob"))).statusCode(400)
                .contentType(PROBLEM);
        ALICE.requestConfirmation(body("purpose", "sign-in", "meta", null)).statusCode(400).contentType(PROBLEM);
        ALICE.requestConfirmation(body("purpose", "sign-in", "recipient", null)).statusCode(400).contentType(PROBLEM);
        given().get("/demo/inbox/{recipient}", target).then().statusCode(404);
    }

    @Test
    void requestWithAMissingOrInvalidPurposeIsABadRequest() {
        ALICE.requestConfirmation(Map.of()).statusCode(400).contentType(PROBLEM);
        ALICE.requestConfirmation(Map.of("purpose", "")).statusCode(400).contentType(PROBLEM);
        ALICE.requestConfirmation(Map.of("purpose", "Sign In")).statusCode(400).contentType(PROBLEM);
        ALICE.requestConfirmation(Map.of("purpose", "x".repeat(65))).statusCode(400).contentType(PROBLEM);
        ALICE.requestConfirmation(Map.of("purpose", 7)).statusCode(400).contentType(PROBLEM);
        // Only adding a destination makes these.
        ALICE.requestConfirmation(Map.of("purpose", "verify-destination")).statusCode(400).contentType(PROBLEM);
    }

    @Test
    void requestWithAnUnknownSenderOrAMalformedDestinationIsABadRequest() {
        ALICE.requestConfirmation(Map.of("purpose", "sign-in", "sender", "pigeon")).statusCode(400)
                .body("type", endsWith("unknown-sender"));
        ALICE.requestConfirmation(Map.of("purpose", "sign-in", "destination", "nope")).statusCode(400)
                .contentType(PROBLEM);
        ALICE.requestConfirmation(Map.of("purpose", "sign-in", "destination", 42)).statusCode(400)
                .contentType(PROBLEM);
    }

    @Test
    void ownerChecksConfirmsAndResendsAsInOpenMode() {
        String id = ALICE.requestConfirmation(Map.of("purpose", "sign-in")).statusCode(201).extract().path("id");
        String first = deliveredCode(alicePhone);

        String resent = ALICE.resend(id).statusCode(202).body("status", equalTo("pending")).extract().path("code");
        assertEquals(deliveredCode(alicePhone), resent);
        ALICE.confirm(id, wrongCode(resent)).statusCode(400).body("remainingAttempts", equalTo(4));
        if (!first.equals(resent)) {
            ALICE.confirm(id, first).statusCode(400).body("type", endsWith("wrong-code"));
        }
        ALICE.confirm(id, resent).statusCode(200).body("confirmed", equalTo(true)).body("status", equalTo("confirmed"));
        ALICE.check(id).statusCode(200).body("confirmed", equalTo(true)).body("purpose", equalTo("sign-in"))
                .body("$", not(hasKey("recipient")));
        ALICE.resend(id).statusCode(409).body("confirmationStatus", equalTo("confirmed"));
    }

    @Test
    void someoneElsesConfirmationAnswersExactlyLikeAnUnknownId() {
        String id = ALICE.requestConfirmation(Map.of("purpose", "sign-in")).statusCode(201).extract().path("id");
        String code = deliveredCode(alicePhone);
        String unknown = UUID.randomUUID().toString();

        assertSameAnswer(BOB.check(unknown).extract().response(), BOB.check(id).extract().response(), unknown, id);
        assertSameAnswer(BOB.confirm(unknown, code).extract().response(), BOB.confirm(id, code).extract().response(),
                unknown, id);
        assertSameAnswer(BOB.resend(unknown).extract().response(), BOB.resend(id).extract().response(), unknown, id);

        // Bob's tries changed nothing: no attempt counted, no new code sent, still pending for Alice.
        assertEquals(code, deliveredCode(alicePhone));
        ALICE.check(id).statusCode(200).body("status", equalTo("pending")).body("confirmed", equalTo(false));
        ALICE.confirm(id, code).statusCode(200);
        BOB.check(id).statusCode(404);
    }

    @Test
    void bobCannotVerifyAlicesNewDestination() {
        String recipient = freshRecipient();
        var added = ALICE.addDestination(Map.of("recipient", recipient), ALICE.confirmed(Caller.MANAGE, alicePhone))
                .statusCode(201).extract();
        BOB.confirm(added.path("confirmation.id"), deliveredCode(recipient)).statusCode(404);
        ALICE.destination(added.path("destination.id")).body("verified", equalTo(false));
        ALICE.confirm(added.path("confirmation.id"), deliveredCode(recipient)).statusCode(200);
        ALICE.destination(added.path("destination.id")).body("verified", equalTo(true));
    }

    @Test
    void aConfirmationRequestedThroughRestUnlocksTheStepUpActionOnceAndOnlyForItsOwner() {
        String id = ALICE.confirmed("secured-action", alicePhone);
        BOB.given().header(Caller.CONFIRMATION_HEADER, id).post("/demo/secured-action").then().statusCode(403)
                .contentType(PROBLEM).body("type", endsWith("confirmation-required"));
        ALICE.given().header(Caller.CONFIRMATION_HEADER, id).post("/demo/secured-action").then().statusCode(200)
                .body(equalTo("done"));
        ALICE.given().header(Caller.CONFIRMATION_HEADER, id).post("/demo/secured-action").then().statusCode(403)
                .body("purpose", equalTo("secured-action"));
    }

    @Test
    void aConfirmationForAnotherPurposeDoesNotUnlockTheStepUpAction() {
        String id = ALICE.confirmed("sign-in", alicePhone);
        ALICE.given().header(Caller.CONFIRMATION_HEADER, id).post("/demo/secured-action").then().statusCode(403);
    }

    @Test
    void confirmationsMadeOnTheirOwnAreNobodys() {
        // An open-mode style confirmation cannot be made in identity mode; an unknown id stands for it.
        ALICE.check(UUID.randomUUID().toString()).statusCode(404).contentType(PROBLEM)
                .body("type", endsWith("not-found"));
    }

    static Stream<Function<RequestSpecification, Response>> everyEndpoint() {
        String id = UUID.randomUUID().toString();
        return Stream.of(
                request -> request.get("/two-factor/senders"),
                request -> request.get("/two-factor/destinations"),
                request -> request.get("/two-factor/destinations/" + id),
                request -> request.contentType(ContentType.JSON).body(Map.of("recipient", "a@example.com"))
                        .post("/two-factor/destinations"),
                request -> request.delete("/two-factor/destinations/" + id),
                request -> request.put("/two-factor/destinations/" + id + "/default"),
                request -> request.contentType(ContentType.JSON).body(Map.of("purpose", "sign-in"))
                        .post("/two-factor/request-confirmation"),
                request -> request.get("/two-factor/confirmations/" + id),
                request -> request.contentType(ContentType.JSON).body(Map.of("id", id, "code", "123456"))
                        .post("/two-factor/confirm"),
                request -> request.contentType(ContentType.JSON).body(Map.of("id", id))
                        .post("/two-factor/resend"));
    }

    @ParameterizedTest
    @MethodSource("everyEndpoint")
    void everyEndpointAnswersAnAnonymousCallerWithAProblem401(Function<RequestSpecification, Response> call) {
        call.apply(given()).then().statusCode(401).contentType(PROBLEM)
                .body("type", endsWith("unauthenticated"))
                .body("status", equalTo(401));
    }

    private static void assertSameAnswer(Response unknown, Response someoneElses, String unknownId, String id) {
        assertEquals(404, someoneElses.statusCode());
        assertEquals(unknown.statusCode(), someoneElses.statusCode());
        assertEquals(unknown.contentType(), someoneElses.contentType());
        assertEquals(unknown.asString().replace(unknownId, "ID"), someoneElses.asString().replace(id, "ID"));
        assertNotEquals("", someoneElses.asString());
    }
}
