package io.quarkiverse.twofactor.it;

import static io.quarkiverse.twofactor.it.Api.PROBLEM;
import static io.quarkiverse.twofactor.it.StepUp.ALICE;
import static io.quarkiverse.twofactor.it.StepUp.PURPOSE;
import static io.quarkiverse.twofactor.it.StepUp.confirmed;
import static io.restassured.RestAssured.given;
import static org.hamcrest.Matchers.endsWith;
import static org.hamcrest.Matchers.equalTo;
import static org.junit.jupiter.api.Assertions.assertEquals;
import static org.junit.jupiter.api.Assertions.assertFalse;
import static org.junit.jupiter.api.Assertions.assertTrue;

import java.util.Map;
import java.util.UUID;

import jakarta.inject.Inject;

import org.junit.jupiter.api.AfterEach;
import org.junit.jupiter.api.BeforeEach;
import org.junit.jupiter.api.Test;

import io.quarkiverse.twofactor.ConfirmationEvent;
import io.quarkiverse.twofactor.Confirmer;
import io.quarkiverse.twofactor.NewConfirmation;
import io.quarkiverse.twofactor.RequiresConfirmation;
import io.quarkiverse.twofactor.demo.ReactiveDemoResource;
import io.quarkiverse.twofactor.it.reactive.EventThreads;
import io.quarkus.test.junit.QuarkusTest;
import io.restassured.response.ValidatableResponse;

/**
 * {@link RequiresConfirmation} on the demo's reactive {@code POST /demo/reactive/secured-action}, a method returning
 * {@code Uni}: the confirmation is spent off the event loop, the action runs on it, and refusals answer as they do for a
 * blocking method ({@link StepUpTest}).
 */
@QuarkusTest
class ReactiveStepUpTest {

    @Inject
    Confirmer confirmer;

    @Inject
    ReactiveDemoResource demo;

    @Inject
    EventThreads events;

    private int doneBefore;
    private int accepted;

    @BeforeEach
    void countActions() {
        doneBefore = demo.securedActionsDone();
    }

    @Test
    void aConfirmedConfirmationIsSpentOffTheEventLoopAndTheActionRunsOnItOnce() {
        UUID id = confirmed(confirmer, ALICE);

        accepted(securedAction(id, null));

        assertTrue(demo.lastSecuredActionOnEventLoop(), "a method returning Uni runs on the event loop");
        EventThreads.Fired used = events.of(id).stream().filter(fired -> fired.kind() == ConfirmationEvent.Kind.USED)
                .findFirst().orElseThrow();
        assertFalse(used.onEventLoop(), () -> "spent on " + used.thread());
        refused(securedAction(id, null));
    }

    @Test
    void aRequestWithoutTheHeaderIsRefused() {
        refused(securedAction(null, null));
    }

    @Test
    void aPendingConfirmationWithItsCodeIsConfirmedAndSpentInOneStep() {
        NewConfirmation made = confirmer.make(ALICE, Map.of());

        accepted(securedAction(made.state().id(), made.code()));
        refused(securedAction(made.state().id(), made.code()));
    }

    @Test
    void aWrongCodeIsAnsweredAsSuchAndTheActionDoesNotRun() {
        NewConfirmation made = confirmer.make(ALICE, Map.of());
        String wrong = made.code().equals("000000") ? "111111" : "000000";

        securedAction(made.state().id(), wrong).statusCode(400).contentType(PROBLEM)
                .body("type", endsWith("wrong-code"));
    }

    @Test
    void anAnonymousRequestIsRefusedWith401AndSpendsNothing() {
        UUID id = confirmed(confirmer, ALICE);

        given().header(RequiresConfirmation.HEADER, id.toString()).post("/demo/reactive/secured-action")
                .then().statusCode(401).contentType(PROBLEM).body("type", endsWith("unauthenticated"));

        accepted(securedAction(id, null));
    }

    @AfterEach
    void onlyTheAcceptedRequestsReachedTheAction() {
        assertEquals(doneBefore + accepted, demo.securedActionsDone(), "a refused request reached the action");
    }

    private static ValidatableResponse securedAction(UUID id, String code) {
        var request = given().auth().preemptive().basic("alice", "alice");
        if (id != null) {
            request.header(RequiresConfirmation.HEADER, id.toString());
        }
        if (code != null) {
            request.header(RequiresConfirmation.CODE_HEADER, code);
        }
        return request.post("/demo/reactive/secured-action").then();
    }

    private void accepted(ValidatableResponse response) {
        response.statusCode(200).body(equalTo("done"));
        accepted++;
    }

    private static void refused(ValidatableResponse response) {
        response.statusCode(403).contentType(PROBLEM).body("type", endsWith("confirmation-required"))
                .body("purpose", equalTo(PURPOSE));
    }
}
