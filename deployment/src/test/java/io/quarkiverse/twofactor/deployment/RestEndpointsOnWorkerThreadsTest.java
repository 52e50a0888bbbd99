package io.quarkiverse.twofactor.deployment;

import static io.restassured.RestAssured.given;
import static org.hamcrest.Matchers.equalTo;
import static org.junit.jupiter.api.Assertions.assertEquals;

import java.util.List;
import java.util.Map;
import java.util.UUID;
import java.util.concurrent.CopyOnWriteArrayList;

import jakarta.enterprise.event.Observes;
import jakarta.inject.Inject;
import jakarta.inject.Singleton;
import jakarta.ws.rs.ApplicationPath;
import jakarta.ws.rs.core.Application;

import org.junit.jupiter.api.Test;
import org.junit.jupiter.api.extension.RegisterExtension;

import io.quarkiverse.twofactor.ConfirmationEvent;
import io.quarkus.test.QuarkusUnitTest;
import io.restassured.http.ContentType;
import io.smallrye.common.annotation.NonBlocking;
import io.vertx.core.Context;

/**
 * The extension's endpoints never make the event loop wait for the database store or a sender, even in an application
 * whose endpoints run on the event loop by default: requesting runs on a worker thread, and confirm and check, which
 * run on the event loop, move their store work to one.
 */
class RestEndpointsOnWorkerThreadsTest {

    @RegisterExtension
    static final QuarkusUnitTest app = new QuarkusUnitTest()
            .withApplicationRoot(jar -> jar.addClasses(NonBlockingByDefault.class, EventThreads.class,
                    RecordingBackend.class))
            .withConfigurationResource(TestApps.H2_CONFIG)
            .overrideConfigKey("quarkus.two-factor.rest.enabled", "true")
            .overrideConfigKey("quarkus.two-factor.rest.mode", "open")
            .overrideConfigKey("quarkus.two-factor.debug-code-response", "true")
            .overrideConfigKey("quarkus.two-factor.senders.\"default\".backend", RecordingBackend.NAME);

    /** Every endpoint of this application runs on the event loop unless it says otherwise. */
    @NonBlocking
    @ApplicationPath("/")
    public static class NonBlockingByDefault extends Application {
    }

    /** Whether each confirmation event was fired on an event-loop thread, in order. */
    @Singleton
    public static class EventThreads {

        final List<Boolean> onEventLoop = new CopyOnWriteArrayList<>();

        void record(@Observes ConfirmationEvent event) {
            onEventLoop.add(Context.isOnEventLoopThread());
        }
    }

    @Inject
    EventThreads threads;

    @Inject
    RecordingBackend sent;

    @Test
    void requestAndConfirmWaitForTheStoreOffTheEventLoop() {
        String id = given().contentType(ContentType.JSON).body(Map.of("recipient", "a@example.com"))
                .post("/two-factor/request-confirmation")
                .then().statusCode(201)
                .extract().path("id");
        given().get("/two-factor/confirmations/" + id)
                .then().statusCode(200)
                .body("status", equalTo("pending"));
        String code = sent.sentFor(UUID.fromString(id)).delivery().code();
        given().contentType(ContentType.JSON).body(Map.of("id", id, "code", code))
                .post("/two-factor/confirm")
                .then().statusCode(200)
                .body("status", equalTo("confirmed"));

        assertEquals(List.of(false, false, false), threads.onEventLoop, "requested, delivered, confirmed");
    }
}
