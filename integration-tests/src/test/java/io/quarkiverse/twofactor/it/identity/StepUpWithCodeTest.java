package io.quarkiverse.twofactor.it.identity;

import static io.quarkiverse.twofactor.it.Api.PROBLEM;
import static io.quarkiverse.twofactor.it.Api.wrongCode;
import static io.quarkiverse.twofactor.it.StepUp.ALICE;
import static io.quarkiverse.twofactor.it.StepUp.PURPOSE;
import static io.restassured.RestAssured.given;
import static org.hamcrest.Matchers.endsWith;
import static org.hamcrest.Matchers.equalTo;
import static org.junit.jupiter.api.Assertions.assertEquals;

import java.time.Duration;
import java.time.Instant;
import java.util.Map;
import java.util.UUID;

import jakarta.inject.Inject;

import org.junit.jupiter.api.AfterEach;
import org.junit.jupiter.api.BeforeEach;
import org.junit.jupiter.api.Test;

import io.quarkiverse.twofactor.Binding;
import io.quarkiverse.twofactor.ConfirmResult;
import io.quarkiverse.twofactor.ConfirmationState;
import io.quarkiverse.twofactor.Confirmer;
import io.quarkiverse.twofactor.NewConfirmation;
import io.quarkiverse.twofactor.RequiresConfirmation;
import io.quarkiverse.twofactor.Status;
import io.quarkiverse.twofactor.demo.DemoResource;
import io.quarkiverse.twofactor.runtime.CodeHasher;
import io.quarkiverse.twofactor.runtime.StoreSelector;
import io.quarkiverse.twofactor.spi.StoredConfirmation;
import io.quarkus.test.junit.QuarkusTest;
import io.quarkus.test.junit.TestProfile;
import io.restassured.response.ValidatableResponse;

/**
 * The demo's step-up action called with the confirmation's code in {@value RequiresConfirmation#CODE_HEADER} beside its
 * id: the code confirms the confirmation and spends it in one step.
 */
@QuarkusTest
@TestProfile(IdentityModeProfile.class)
class StepUpWithCodeTest {

    private static final int MAX_ATTEMPTS = 5;

    @Inject
    Confirmer confirmer;

    @Inject
    StoreSelector stores;

    @Inject
    CodeHasher hasher;

    @Inject
    DemoResource demo;

    private int doneBefore;
    private int accepted;

    @BeforeEach
    void countActions() {
        doneBefore = demo.securedActionsDone();
    }

    @Test
    void theRightCodeRunsTheActionOnceAndAReplayIsRefused() {
        NewConfirmation made = confirmer.make(ALICE, Map.of());
        UUID id = made.state().id();

        actionAsAlice(id, made.code()).statusCode(200).body(equalTo("done"));
        accepted++;

        refused(actionAsAlice(id, made.code()));
        refused(actionAsAlice(id, null));
        assertEquals(Status.USED, state(id).status());
    }

    @Test
    void aWrongCodeCountsAnAttemptAndTheRightOneStillWorks() {
        NewConfirmation made = confirmer.make(ALICE, Map.of());
        UUID id = made.state().id();

        actionAsAlice(id, wrongCode(made.code())).statusCode(400).contentType(PROBLEM)
                .body("type", endsWith("wrong-code"))
                .body("remainingAttempts", equalTo(MAX_ATTEMPTS - 1));
        assertEquals(1, state(id).attempts());
        assertEquals(Status.PENDING, state(id).status());

        actionAsAlice(id, made.code()).statusCode(200);
        accepted++;
    }

    @Test
    void theLastWrongCodeExhaustsTheAttemptsAndTheRightCodeNoLongerWorks() {
        NewConfirmation made = confirmer.make(ALICE, Map.of());
        UUID id = made.state().id();
        for (int i = 1; i < MAX_ATTEMPTS; i++) {
            actionAsAlice(id, wrongCode(made.code())).statusCode(400).body("remainingAttempts",
                    equalTo(MAX_ATTEMPTS - i));
        }
        actionAsAlice(id, wrongCode(made.code())).statusCode(429).contentType(PROBLEM)
                .body("type", endsWith("attempts-exhausted"));

        actionAsAlice(id, made.code()).statusCode(429).body("type", endsWith("attempts-exhausted"));
        assertEquals(Status.FAILED, state(id).status());
    }

    @Test
    void anotherUsersConfirmationIsRefusedCountsNothingAndStaysTheirs() {
        Binding bob = new Binding("bob", PURPOSE);
        NewConfirmation made = confirmer.make(bob, Map.of());
        UUID id = made.state().id();

        refused(actionAsAlice(id, made.code()));
        refused(actionAsAlice(id, wrongCode(made.code())));

        assertEquals(0, state(id).attempts(), "alice's codes counted against bob's confirmation");
        ConfirmResult bobs = confirmer.confirmAndUse(id, bob, made.code());
        assertEquals(ConfirmResult.Outcome.CONFIRMED, bobs.outcome());
        assertEquals(Status.USED, bobs.state().status());
    }

    @Test
    void aConfirmationForAnotherPurposeIsRefusedAndStaysPending() {
        NewConfirmation made = confirmer.make(new Binding("alice", "payment"), Map.of());

        refused(actionAsAlice(made.state().id(), made.code()));

        assertEquals(Status.PENDING, state(made.state().id()).status());
    }

    @Test
    void anExpiredConfirmationIsRefusedEvenWithTheRightCode() {
        // Stored already expired, so that no test waits out a ttl.
        UUID id = UUID.randomUUID();
        String code = "123456";
        Instant made = Instant.now().minus(Duration.ofMinutes(10));
        stores.selected().create(new StoredConfirmation(id, Status.PENDING, null, null, ALICE.owner(), PURPOSE,
                Map.of(), hasher.hash(id, code), 0, made, made.plus(Duration.ofMinutes(5)), made, null, null));

        refused(actionAsAlice(id, code));
        assertEquals(Status.EXPIRED, state(id).status());
        assertEquals(0, state(id).attempts());
    }

    @Test
    void aBlankCodeIsABadRequestThatCountsNothing() {
        NewConfirmation made = confirmer.make(ALICE, Map.of());

        actionAsAlice(made.state().id(), " ").statusCode(400).contentType(PROBLEM)
                .body("type", endsWith("invalid-request"));

        assertEquals(0, state(made.state().id()).attempts());
    }

    @AfterEach
    void onlyTheAcceptedRequestsReachedTheAction() {
        assertEquals(doneBefore + accepted, demo.securedActionsDone(), "a refused request reached the action");
    }

    private ConfirmationState state(UUID id) {
        return confirmer.check(id).orElseThrow();
    }

    /** {@code POST /demo/secured-action} as alice with the confirmation's id, and its code unless it is null. */
    private static ValidatableResponse actionAsAlice(UUID id, String code) {
        var request = given().auth().preemptive().basic("alice", "alice").header(RequiresConfirmation.HEADER,
                id.toString());
        if (code != null) {
            request.header(RequiresConfirmation.CODE_HEADER, code);
        }
        return request.post("/demo/secured-action").then();
    }

    private static void refused(ValidatableResponse response) {
        response.statusCode(403).contentType(PROBLEM)
                .body("type", endsWith("confirmation-required"))
                .body("purpose", equalTo(PURPOSE));
    }
}
