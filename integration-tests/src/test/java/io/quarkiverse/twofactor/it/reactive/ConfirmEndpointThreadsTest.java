package io.quarkiverse.twofactor.it.reactive;

import static io.quarkiverse.twofactor.it.Api.PROBLEM;
import static io.quarkiverse.twofactor.it.Api.check;
import static io.quarkiverse.twofactor.it.Api.confirm;
import static io.quarkiverse.twofactor.it.Api.deliveredCode;
import static io.quarkiverse.twofactor.it.Api.freshRecipient;
import static io.quarkiverse.twofactor.it.Api.requestFor;
import static io.quarkiverse.twofactor.it.Api.wrongCode;
import static io.restassured.RestAssured.given;
import static org.hamcrest.Matchers.equalTo;
import static org.junit.jupiter.api.Assertions.assertEquals;
import static org.junit.jupiter.api.Assertions.assertTrue;

import java.util.List;
import java.util.UUID;

import jakarta.inject.Inject;

import org.junit.jupiter.api.Test;

import io.quarkiverse.twofactor.ConfirmationEvent.Kind;
import io.quarkiverse.twofactor.it.reactive.EventThreads.Fired;
import io.quarkiverse.twofactor.it.reactive.ResponseThreads.Finished;
import io.quarkus.test.junit.QuarkusTest;
import io.restassured.http.ContentType;

/**
 * The extension's confirm and check endpoints are served on the event loop and go through the reactive confirmer: on
 * the database store their store steps run on a worker thread, and they answer exactly as before. The confirmer fires
 * its events on the thread its store step ran on; a response is finished on the thread the endpoint's work ended on.
 */
@QuarkusTest
class ConfirmEndpointThreadsTest {

    private static final String CONFIRM = "POST /two-factor/confirm";
    /** The default {@code quarkus.two-factor.max-attempts}. */
    private static final int MAX_ATTEMPTS = 5;

    @Inject
    EventThreads events;

    @Inject
    ResponseThreads responses;

    /** Whether the store's steps run on the event loop, with no worker thread waiting for the store. */
    protected boolean storeStepsOnEventLoop() {
        return false;
    }

    @Test
    void rightCodeIsCheckedAndConfirmedOnTheEventLoopWithTheStoreStepWhereTheStoreAllows() {
        String recipient = freshRecipient();
        String id = requestFor(recipient);

        check(id).statusCode(200).contentType(ContentType.JSON)
                .body("id", equalTo(id))
                .body("status", equalTo("pending"))
                .body("confirmed", equalTo(false));
        assertFinishedOnEventLoop(responses.last("GET /two-factor/confirmations/" + id));
        confirm(id, deliveredCode(recipient)).statusCode(200).contentType(ContentType.JSON)
                .body(equalTo("{\"id\":\"" + id + "\",\"status\":\"confirmed\",\"confirmed\":true}"));
        assertFinishedOnEventLoop(responses.last(CONFIRM));
        check(id).statusCode(200).body("status", equalTo("confirmed")).body("confirmed", equalTo(true));

        assertStoreStepsFired(id, List.of(Kind.CONFIRMED));
    }

    @Test
    void wrongCodeIsTheSameProblemWithTheAttemptsLeft() {
        String recipient = freshRecipient();
        String id = requestFor(recipient);

        confirm(id, wrongCode(deliveredCode(recipient))).statusCode(400).contentType(PROBLEM)
                .body(equalTo("{\"type\":\"urn:quarkus-two-factor:problem:wrong-code\",\"title\":\"Wrong code\","
                        + "\"status\":400,\"detail\":\"The code does not match\",\"remainingAttempts\":"
                        + (MAX_ATTEMPTS - 1) + "}"));

        assertFinishedOnEventLoop(responses.last(CONFIRM));
        assertStoreStepsFired(id, List.of(Kind.WRONG_CODE));
    }

    @Test
    void unknownIdIsTheSameNotFoundProblemForConfirmAndCheck() {
        String id = UUID.randomUUID().toString();
        String notFound = "{\"type\":\"urn:quarkus-two-factor:problem:not-found\",\"title\":\"Confirmation not found\","
                + "\"status\":404,\"detail\":\"No confirmation has id " + id + "\"}";

        confirm(id, "123456").statusCode(404).contentType(PROBLEM).body(equalTo(notFound));
        check(id).statusCode(404).contentType(PROBLEM).body(equalTo(notFound));
    }

    @Test
    void badInputIsTheSameProblemBeforeTheStoreIsAsked() {
        given().contentType(ContentType.JSON).body("{\"id\":").post("/two-factor/confirm")
                .then().statusCode(400).contentType(PROBLEM)
                .body(equalTo(invalidRequest("The body is not well-formed JSON")));
        given().contentType(ContentType.TEXT).body("{}").post("/two-factor/confirm")
                .then().statusCode(415).contentType(PROBLEM)
                .body(equalTo("{\"type\":\"urn:quarkus-two-factor:problem:unsupported-media-type\","
                        + "\"title\":\"Unsupported media type\",\"status\":415,"
                        + "\"detail\":\"The body must be application/json\"}"));
        confirm(UUID.randomUUID().toString(), "1".repeat(65)).statusCode(400).contentType(PROBLEM)
                .body(equalTo(invalidRequest("'code' must be at most 64 characters")));
        check("not-a-uuid").statusCode(400).contentType(PROBLEM)
                .body(equalTo(invalidRequest("A confirmation id must be a UUID such as "
                        + "123e4567-e89b-12d3-a456-426614174000")));
    }

    private static String invalidRequest(String detail) {
        return "{\"type\":\"urn:quarkus-two-factor:problem:invalid-request\",\"title\":\"Invalid request\","
                + "\"status\":400,\"detail\":\"" + detail + "\"}";
    }

    private static void assertFinishedOnEventLoop(Finished response) {
        assertTrue(response.onEventLoop() && response.thread().startsWith("vert.x-eventloop"), response.toString());
    }

    /** The events after the request and its delivery are {@code kinds}, each fired where the store allows. */
    private void assertStoreStepsFired(String id, List<Kind> kinds) {
        List<Fired> fired = events.of(UUID.fromString(id));
        assertEquals(List.of(Kind.REQUESTED, Kind.DELIVERED), fired.subList(0, 2).stream().map(Fired::kind).toList());
        List<Fired> steps = fired.subList(2, fired.size());
        assertEquals(kinds, steps.stream().map(Fired::kind).toList());
        String thread = storeStepsOnEventLoop() ? "vert.x-eventloop" : "executor-thread";
        for (Fired event : steps) {
            assertTrue(event.onEventLoop() == storeStepsOnEventLoop() && event.thread().startsWith(thread),
                    event.toString());
        }
    }
}
