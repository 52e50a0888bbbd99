package io.quarkiverse.twofactor.it.reactive;

import static io.quarkiverse.twofactor.it.Api.deliveredCode;
import static io.quarkiverse.twofactor.it.Api.freshRecipient;
import static io.restassured.RestAssured.given;
import static org.hamcrest.Matchers.equalTo;
import static org.hamcrest.Matchers.matchesPattern;
import static org.junit.jupiter.api.Assertions.assertEquals;
import static org.junit.jupiter.api.Assertions.assertFalse;
import static org.junit.jupiter.api.Assertions.assertInstanceOf;
import static org.junit.jupiter.api.Assertions.assertThrows;
import static org.junit.jupiter.api.Assertions.assertTrue;

import java.time.Duration;
import java.util.List;
import java.util.Map;
import java.util.UUID;
import java.util.concurrent.CompletableFuture;
import java.util.concurrent.ExecutionException;
import java.util.function.Consumer;

import jakarta.inject.Inject;

import org.junit.jupiter.api.Test;

import io.quarkiverse.twofactor.ConfirmationEvent.Kind;
import io.quarkiverse.twofactor.Confirmer;
import io.quarkiverse.twofactor.ReactiveConfirmer;
import io.quarkiverse.twofactor.TooManySendsException;
import io.quarkiverse.twofactor.UnknownSenderException;
import io.quarkiverse.twofactor.it.reactive.EventThreads.Fired;
import io.quarkus.runtime.BlockingOperationNotAllowedException;
import io.quarkus.test.junit.QuarkusTest;
import io.restassured.http.ContentType;
import io.vertx.core.Context;
import io.vertx.core.Vertx;

/** The reactive confirmer, and the demo's endpoints that run on the event loop and go through it. */
@QuarkusTest
class ReactiveConfirmerTest {

    private static final Duration WAIT = EventLoop.WAIT;

    @Inject
    ReactiveConfirmer reactive;

    @Inject
    Confirmer confirmer;

    @Inject
    EventThreads events;

    @Inject
    Vertx vertx;

    @Test
    void reactiveEndpointRequestsOffTheEventLoopAndConfirmsAndUsesWhereTheStoreAllows() {
        String recipient = freshRecipient();
        String id = given().post("/demo/reactive/request/{recipient}", recipient)
                .then().statusCode(200).extract().asString();
        given().contentType(ContentType.TEXT).body(deliveredCode(recipient))
                .post("/demo/reactive/confirm/{id}", id)
                .then().statusCode(200).body(equalTo("CONFIRMED"));
        given().post("/demo/reactive/protected-action/{id}", id).then().statusCode(200).body(equalTo("done"));
        given().post("/demo/reactive/protected-action/{id}", id).then().statusCode(403);

        List<Fired> fired = events.of(UUID.fromString(id));
        assertEquals(List.of(Kind.REQUESTED, Kind.DELIVERED, Kind.CONFIRMED, Kind.USED),
                fired.stream().map(Fired::kind).toList());
        for (Fired event : fired) {
            // Making and delivering a code always waits for a sender or a store on a worker thread.
            boolean sending = event.kind() == Kind.REQUESTED || event.kind() == Kind.DELIVERED;
            assertEquals(!sending && storeStepsOnEventLoop(), event.onEventLoop(), event.toString());
        }
    }

    @Test
    void reactiveEndpointAnswersTheSendLimitFromTheFailedUni() {
        String recipient = freshRecipient();
        for (int i = 0; i < 5; i++) {
            given().post("/demo/reactive/request/{recipient}", recipient).then().statusCode(200);
        }
        given().post("/demo/reactive/request/{recipient}", recipient)
                .then().statusCode(429).header("Retry-After", matchesPattern("[1-9][0-9]*"));
    }

    @Test
    void resultIsEmittedOnTheSubscribersEventLoopWhileTheWorkRunsOnAWorker() throws Exception {
        record Seen(String subscribedOn, String emittedOn, boolean emittedOnEventLoop, UUID id) {
        }
        Seen seen = onEventLoop(result -> {
            String loop = Thread.currentThread().getName();
            reactive.make(Map.of()).subscribe().with(made -> result.complete(new Seen(loop,
                    Thread.currentThread().getName(), Context.isOnEventLoopThread(), made.state().id())),
                    result::completeExceptionally);
        });

        assertTrue(seen.emittedOnEventLoop(), seen.toString());
        assertEquals(seen.subscribedOn(), seen.emittedOn());
        Fired requested = events.of(seen.id()).get(0);
        assertEquals(Kind.REQUESTED, requested.kind());
        assertFalse(requested.onEventLoop(), requested.toString());
    }

    @Test
    void failedCallEndsInAFailedUniWithTheConfirmersOwnException() throws Exception {
        assertThrows(UnknownSenderException.class,
                () -> reactive.request("no-such-sender", freshRecipient(), Map.of()).await().atMost(WAIT));

        String recipient = freshRecipient();
        for (int i = 0; i < 5; i++) {
            reactive.request(null, recipient, Map.of()).await().atMost(WAIT);
        }
        ExecutionException failure = assertThrows(ExecutionException.class, () -> onEventLoop(
                result -> reactive.request(null, recipient, Map.of()).subscribe().with(result::complete,
                        result::completeExceptionally)));
        assertInstanceOf(TooManySendsException.class, failure.getCause());
    }

    @Test
    void blockingConfirmerCalledOnTheEventLoopFailsNamingTheReactiveConfirmer() {
        ExecutionException failure = assertThrows(ExecutionException.class,
                () -> onEventLoop(result -> result.complete(confirmer.check(UUID.randomUUID()))));
        BlockingOperationNotAllowedException refused = assertInstanceOf(BlockingOperationNotAllowedException.class,
                failure.getCause());
        assertTrue(refused.getMessage().contains(ReactiveConfirmer.class.getName()), refused.getMessage());
    }

    private <T> T onEventLoop(Consumer<CompletableFuture<T>> work) throws Exception {
        return EventLoop.run(vertx, work);
    }

    /**
     * Whether the store's check, confirm and use steps run on the event loop, through the store's reactive client,
     * rather than on a worker thread.
     */
    protected boolean storeStepsOnEventLoop() {
        return false;
    }
}
