package io.quarkiverse.twofactor.it.identity;

import static io.quarkiverse.twofactor.it.Api.PROBLEM;
import static io.quarkiverse.twofactor.it.Api.deliveredCode;
import static io.quarkiverse.twofactor.it.Api.freshRecipient;
import static io.quarkiverse.twofactor.it.Api.wrongCode;
import static io.quarkiverse.twofactor.it.identity.Caller.ALICE;
import static io.quarkiverse.twofactor.it.identity.Caller.BOB;
import static org.hamcrest.Matchers.contains;
import static org.hamcrest.Matchers.containsInAnyOrder;
import static org.hamcrest.Matchers.containsString;
import static org.hamcrest.Matchers.empty;
import static org.hamcrest.Matchers.endsWith;
import static org.hamcrest.Matchers.equalTo;
import static org.hamcrest.Matchers.hasSize;
import static org.hamcrest.Matchers.not;
import static org.hamcrest.Matchers.notNullValue;
import static org.junit.jupiter.api.Assertions.assertEquals;
import static org.junit.jupiter.api.Assertions.assertFalse;
import static org.junit.jupiter.api.Assertions.assertTrue;

import java.util.Map;
import java.util.UUID;

import org.junit.jupiter.api.BeforeEach;
import org.junit.jupiter.api.Test;

import io.quarkus.test.junit.QuarkusTest;
import io.quarkus.test.junit.TestProfile;
import io.restassured.http.ContentType;

@QuarkusTest
@TestProfile(IdentityModeProfile.class)
class DestinationEndpointsTest {

    @BeforeEach
    void noDestinations() {
        ALICE.removeAllDestinations();
        BOB.removeAllDestinations();
    }

    @Test
    void callerWithoutDestinationsListsNone() {
        ALICE.destinations().statusCode(200).contentType(ContentType.JSON).body("$", empty());
    }

    @Test
    void addingADestinationAnswersItUnverifiedWithTheConfirmationSentToIt() {
        String recipient = freshRecipient();
        var added = ALICE.addDestination(Map.of("sender", "default", "recipient", recipient))
                .statusCode(201).contentType(ContentType.JSON)
                .body("destination.id", notNullValue())
                .body("destination.sender", equalTo("default"))
                .body("destination.recipient", equalTo(recipient.charAt(0) + "•••@example.com"))
                .body("destination.verified", equalTo(false))
                .body("destination.default", equalTo(false))
                .body("destination.createdAt", notNullValue())
                .body("confirmation.id", notNullValue())
                .body("confirmation.status", equalTo("pending"))
                .body("confirmation.expiresAt", notNullValue())
                .extract();
        assertEquals(deliveredCode(recipient), added.path("confirmation.code"), "debug-code-response is on in tests");
        assertFalse(added.asString().contains(recipient), "the full recipient never comes back");
        assertTrue(added.header("Location").endsWith("/two-factor/destinations/" + added.path("destination.id")));
        ALICE.destination(added.path("destination.id")).statusCode(200).body("verified", equalTo(false));
    }

    @Test
    void withoutASenderTheDefaultSenderIsUsed() {
        ALICE.addDestination(Map.of("recipient", freshRecipient())).statusCode(201)
                .body("destination.sender", equalTo("default"));
    }

    @Test
    void confirmingTheCodeVerifiesTheDestinationAndMakesItTheDefault() {
        String recipient = freshRecipient();
        var added = ALICE.addDestination(Map.of("recipient", recipient)).statusCode(201).extract();
        String id = added.path("destination.id");

        ALICE.confirm(added.path("confirmation.id"), deliveredCode(recipient)).statusCode(200)
                .body("confirmed", equalTo(true));

        ALICE.destinations().statusCode(200)
                .body("$", hasSize(1))
                .body("[0].id", equalTo(id))
                .body("[0].verified", equalTo(true))
                .body("[0].default", equalTo(true));
    }

    @Test
    void wrongCodeLeavesTheDestinationUnverified() {
        String recipient = freshRecipient();
        var added = ALICE.addDestination(Map.of("recipient", recipient)).statusCode(201).extract();
        ALICE.confirm(added.path("confirmation.id"), wrongCode(deliveredCode(recipient))).statusCode(400)
                .contentType(PROBLEM).body("type", endsWith("wrong-code"));
        ALICE.destination(added.path("destination.id")).statusCode(200).body("verified", equalTo(false));
    }

    @Test
    void listingShowsEveryDestinationMaskedAndNeverAFullRecipient() {
        String first = freshRecipient();
        String phone = "+1555" + (1_000_000 + (int) (Math.random() * 8_000_000));
        ALICE.verifiedDestination(first);
        ALICE.addDestination(Map.of("recipient", phone), ALICE.confirmed(Caller.MANAGE, first)).statusCode(201);

        String listing = ALICE.destinations().statusCode(200)
                .body("$", hasSize(2))
                .body("recipient", contains(first.charAt(0) + "•••@example.com",
                        "+1•••••" + phone.substring(phone.length() - 4)))
                .body("[0].keySet()", containsInAnyOrder("id", "sender", "recipient", "verified", "default", "createdAt"))
                .extract().asString();
        assertFalse(listing.contains(first), listing);
        assertFalse(listing.contains(phone), listing);
    }

    @Test
    void sameRecipientTwiceIsAConflict() {
        String recipient = freshRecipient();
        ALICE.addDestination(Map.of("recipient", recipient)).statusCode(201);
        ALICE.addDestination(Map.of("recipient", recipient)).statusCode(409).contentType(PROBLEM)
                .body("type", endsWith("destination-exists"))
                .body("detail", not(containsString(recipient)));
        ALICE.destinations().body("$", hasSize(1));
    }

    @Test
    void theSameRecipientMayBelongToTwoUsers() {
        String shared = freshRecipient();
        ALICE.addDestination(Map.of("recipient", shared)).statusCode(201);
        BOB.addDestination(Map.of("recipient", shared)).statusCode(201);
    }

    @Test
    void unknownSenderIsABadRequest() {
        ALICE.addDestination(Map.of("sender", "pigeon", "recipient", freshRecipient())).statusCode(400)
                .contentType(PROBLEM).body("type", endsWith("unknown-sender")).body("sender", equalTo("pigeon"));
        ALICE.destinations().body("$", empty());
    }

    @Test
    void invalidRecipientIsABadRequest() {
        ALICE.addDestination(Map.of("recipient", "line\nbreak@example.com")).statusCode(400).contentType(PROBLEM);
        ALICE.addDestination(Map.of("recipient", "x".repeat(321))).statusCode(400).contentType(PROBLEM);
        ALICE.addDestination(Map.of("recipient", "  ")).statusCode(400).contentType(PROBLEM);
        ALICE.addDestination(Map.of()).statusCode(400).contentType(PROBLEM);
        ALICE.addDestination(Map.of("recipient", 42)).statusCode(400).contentType(PROBLEM);
        ALICE.destinations().body("$", empty());
    }

    @Test
    void malformedBodiesAreProblems() {
        ALICE.given().contentType(ContentType.JSON).body("{").post("/two-factor/destinations").then()
                .statusCode(400).contentType(PROBLEM);
        ALICE.given().contentType(ContentType.JSON).body("{\"recipient\":\"a@example.com\",\"recipient\":\"b@example.com\"}")
                .post("/two-factor/destinations").then().statusCode(400).contentType(PROBLEM);
        ALICE.given().contentType(ContentType.TEXT).body("recipient=a@example.com").post("/two-factor/destinations")
                .then().statusCode(415).contentType(PROBLEM);
    }

    @Test
    void makingAVerifiedDestinationTheDefaultMovesTheDefault() {
        String first = freshRecipient();
        String second = freshRecipient();
        String firstId = ALICE.verifiedDestination(first);
        String secondId = ALICE.verifiedDestination(second, first);

        ALICE.makeDefault(secondId).statusCode(204);

        ALICE.destination(secondId).body("default", equalTo(true));
        ALICE.destination(firstId).body("default", equalTo(false));
        String sent = ALICE.requestConfirmation(Map.of("purpose", "sign-in")).statusCode(201).extract().path("code");
        assertEquals(deliveredCode(second), sent, "codes now go to the new default");
    }

    @Test
    void unverifiedDestinationCannotBeTheDefault() {
        String id = ALICE.addDestination(Map.of("recipient", freshRecipient())).statusCode(201).extract()
                .path("destination.id");
        ALICE.makeDefault(id).statusCode(409).contentType(PROBLEM).body("type", endsWith("destination-not-verified"));
    }

    @Test
    void unknownOrMalformedDestinationIdIsNotFoundOrBadRequest() {
        String unknown = UUID.randomUUID().toString();
        ALICE.makeDefault(unknown).statusCode(404).contentType(PROBLEM).body("type", endsWith("not-found"));
        ALICE.removeDestination(unknown).statusCode(404).contentType(PROBLEM).body("type", endsWith("not-found"));
        ALICE.destination(unknown).statusCode(404).contentType(PROBLEM);
        ALICE.makeDefault("nope").statusCode(400).contentType(PROBLEM);
        ALICE.removeDestination("nope").statusCode(400).contentType(PROBLEM);
        ALICE.destination("nope").statusCode(400).contentType(PROBLEM);
    }

    @Test
    void removingAnUnverifiedDestinationOfACallerWithoutVerifiedOnesNeedsNoConfirmation() {
        String id = ALICE.addDestination(Map.of("recipient", freshRecipient())).statusCode(201).extract()
                .path("destination.id");
        ALICE.removeDestination(id).statusCode(204);
        ALICE.destinations().body("$", empty());
        ALICE.destination(id).statusCode(404);
    }

    @Test
    void usersNeitherSeeNorChangeEachOthersDestinations() {
        String alicePhone = freshRecipient();
        String aliceId = ALICE.verifiedDestination(alicePhone);
        String bobsUnverified = BOB.addDestination(Map.of("recipient", freshRecipient())).statusCode(201).extract()
                .path("destination.id");

        BOB.destinations().statusCode(200).body("id", contains(bobsUnverified));
        ALICE.destinations().statusCode(200).body("id", contains(aliceId));

        String unknownBody = ALICE.destination(UUID.randomUUID().toString()).statusCode(404).extract().asString();
        String bobsBody = ALICE.destination(bobsUnverified).statusCode(404).extract().asString();
        assertEquals(unknownBody.replaceAll("[0-9a-f-]{36}", "ID"), bobsBody.replaceAll("[0-9a-f-]{36}", "ID"));

        BOB.makeDefault(aliceId).statusCode(404);
        BOB.removeDestination(aliceId).statusCode(404);
        ALICE.removeDestination(bobsUnverified).statusCode(404);
        ALICE.destination(aliceId).statusCode(200).body("default", equalTo(true));
        BOB.destinations().body("id", contains(bobsUnverified));
    }
}
