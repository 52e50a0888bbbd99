package io.quarkiverse.twofactor.it.identity;

import static io.quarkiverse.twofactor.it.Api.PROBLEM;
import static io.quarkiverse.twofactor.it.Api.deliveredCode;
import static io.quarkiverse.twofactor.it.Api.freshRecipient;
import static io.quarkiverse.twofactor.it.identity.Caller.ALICE;
import static io.quarkiverse.twofactor.it.identity.Caller.BOB;
import static io.quarkiverse.twofactor.it.identity.Caller.MANAGE;
import static org.hamcrest.Matchers.contains;
import static org.hamcrest.Matchers.endsWith;
import static org.hamcrest.Matchers.equalTo;
import static org.hamcrest.Matchers.hasSize;

import java.util.Map;
import java.util.UUID;

import org.junit.jupiter.api.BeforeEach;
import org.junit.jupiter.api.Test;

import io.quarkus.test.junit.QuarkusTest;
import io.quarkus.test.junit.TestProfile;
import io.restassured.response.ValidatableResponse;

/**
 * Once a user has a verified destination, adding or removing one spends a confirmation for {@code manage-destinations}
 * sent to a verified destination: a stolen session alone cannot add its own phone.
 */
@QuarkusTest
@TestProfile(IdentityModeProfile.class)
class ManageDestinationsTest {

    private String alicePhone;
    private String alicePhoneId;

    @BeforeEach
    void aliceHasOneVerifiedDestinationAndBobNone() {
        ALICE.removeAllDestinations();
        BOB.removeAllDestinations();
        alicePhone = freshRecipient();
        alicePhoneId = ALICE.verifiedDestination(alicePhone);
    }

    @Test
    void callerWithoutAVerifiedDestinationAddsAndRemovesWithoutAConfirmation() {
        String first = BOB.addDestination(Map.of("recipient", freshRecipient())).statusCode(201).extract()
                .path("destination.id");
        BOB.addDestination(Map.of("recipient", freshRecipient())).statusCode(201);
        BOB.removeDestination(first).statusCode(204);
        BOB.destinations().body("$", hasSize(1));
    }

    @Test
    void addingWithoutTheHeaderIsRefusedOnceADestinationIsVerified() {
        String attacker = freshRecipient();
        assertConfirmationRequired(ALICE.addDestination(Map.of("recipient", attacker)));
        ALICE.destinations().body("id", contains(alicePhoneId));
        io.restassured.RestAssured.given().get("/demo/inbox/{recipient}", attacker).then().statusCode(404);
    }

    @Test
    void removingWithoutTheHeaderIsRefusedOnceADestinationIsVerified() {
        assertConfirmationRequired(ALICE.removeDestination(alicePhoneId));
        ALICE.destinations().body("id", contains(alicePhoneId));
    }

    @Test
    void aConfirmedManageConfirmationAllowsOneAddAndIsSpentByIt() {
        String confirmation = ALICE.confirmed(MANAGE, alicePhone);
        ALICE.addDestination(Map.of("recipient", freshRecipient()), confirmation).statusCode(201);
        assertConfirmationRequired(ALICE.addDestination(Map.of("recipient", freshRecipient()), confirmation));
        ALICE.check(confirmation).statusCode(200).body("status", equalTo("used"));
        ALICE.destinations().body("$", hasSize(2));
    }

    @Test
    void aConfirmedManageConfirmationAllowsOneRemoval() {
        String second = ALICE.verifiedDestination(freshRecipient(), alicePhone);
        String confirmation = ALICE.confirmed(MANAGE, alicePhone);
        ALICE.removeDestination(second, confirmation).statusCode(204);
        assertConfirmationRequired(ALICE.removeDestination(alicePhoneId, confirmation));
        ALICE.destinations().body("id", contains(alicePhoneId));
    }

    @Test
    void removingTheLastVerifiedDestinationAlsoNeedsTheConfirmation() {
        ALICE.removeDestination(alicePhoneId, ALICE.confirmed(MANAGE, alicePhone)).statusCode(204);
        ALICE.destinations().body("$", hasSize(0));
        // With nothing verified left, the next one is added freely again.
        ALICE.addDestination(Map.of("recipient", freshRecipient())).statusCode(201);
    }

    @Test
    void aPendingManageConfirmationIsNotEnough() {
        String pending = ALICE.requestConfirmation(Map.of("purpose", MANAGE)).statusCode(201).extract().path("id");
        assertConfirmationRequired(ALICE.addDestination(Map.of("recipient", freshRecipient()), pending));
        // It was not spent: confirming it now makes it usable.
        ALICE.confirm(pending, deliveredCode(alicePhone)).statusCode(200);
        ALICE.addDestination(Map.of("recipient", freshRecipient()), pending).statusCode(201);
    }

    @Test
    void aConfirmationForAnotherPurposeIsRefusedAndNotSpent() {
        String signIn = ALICE.confirmed("sign-in", alicePhone);
        assertConfirmationRequired(ALICE.addDestination(Map.of("recipient", freshRecipient()), signIn));
        assertConfirmationRequired(ALICE.removeDestination(alicePhoneId, signIn));
        ALICE.check(signIn).body("status", equalTo("confirmed"));
    }

    @Test
    void anotherUsersManageConfirmationIsRefusedAndStaysTheirs() {
        String bobPhone = freshRecipient();
        BOB.verifiedDestination(bobPhone);
        String bobs = BOB.confirmed(MANAGE, bobPhone);

        assertConfirmationRequired(ALICE.addDestination(Map.of("recipient", freshRecipient()), bobs));
        assertConfirmationRequired(ALICE.removeDestination(alicePhoneId, bobs));

        BOB.addDestination(Map.of("recipient", freshRecipient()), bobs).statusCode(201);
    }

    @Test
    void unknownOrMalformedHeaderIsRefused() {
        assertConfirmationRequired(ALICE.addDestination(Map.of("recipient", freshRecipient()),
                UUID.randomUUID().toString()));
        assertConfirmationRequired(ALICE.addDestination(Map.of("recipient", freshRecipient()), "not-an-id"));
        assertConfirmationRequired(ALICE.removeDestination(alicePhoneId, ""));
    }

    @Test
    void refusalsTheRequestCanBeToldFirstDoNotSpendTheConfirmation() {
        String confirmation = ALICE.confirmed(MANAGE, alicePhone);
        ALICE.addDestination(Map.of("recipient", alicePhone), confirmation).statusCode(409)
                .body("type", endsWith("destination-exists"));
        ALICE.addDestination(Map.of("sender", "pigeon", "recipient", freshRecipient()), confirmation).statusCode(400)
                .body("type", endsWith("unknown-sender"));
        ALICE.addDestination(Map.of(), confirmation).statusCode(400);
        ALICE.addDestination(Map.of("recipient", "x".repeat(321)), confirmation).statusCode(400);
        ALICE.removeDestination(UUID.randomUUID().toString(), confirmation).statusCode(404);
        ALICE.check(confirmation).body("status", equalTo("confirmed"));
        ALICE.addDestination(Map.of("recipient", freshRecipient()), confirmation).statusCode(201);
    }

    @Test
    void makingADestinationTheDefaultNeedsNoConfirmation() {
        String second = ALICE.verifiedDestination(freshRecipient(), alicePhone);
        ALICE.makeDefault(second).statusCode(204);
        ALICE.makeDefault(alicePhoneId).statusCode(204);
    }

    private static void assertConfirmationRequired(ValidatableResponse response) {
        response.statusCode(403).contentType(PROBLEM)
                .body("type", endsWith("confirmation-required"))
                .body("status", equalTo(403))
                .body("purpose", equalTo(MANAGE));
    }
}
