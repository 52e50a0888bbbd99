package io.quarkiverse.twofactor.it.faults;

import static io.quarkiverse.twofactor.it.Api.PROBLEM;
import static io.quarkiverse.twofactor.it.Api.check;
import static io.quarkiverse.twofactor.it.Api.confirm;
import static io.quarkiverse.twofactor.it.Api.deliveredCode;
import static io.quarkiverse.twofactor.it.Api.protectedAction;
import static io.quarkiverse.twofactor.it.Api.requestConfirmation;
import static io.quarkiverse.twofactor.it.Api.requestFor;
import static io.restassured.RestAssured.given;
import static org.hamcrest.Matchers.endsWith;
import static org.junit.jupiter.api.Assertions.assertEquals;
import static org.junit.jupiter.api.Assertions.assertTrue;

import java.time.Duration;
import java.util.List;
import java.util.Map;
import java.util.UUID;

import jakarta.inject.Inject;

import org.junit.jupiter.api.Tag;
import org.junit.jupiter.api.Test;

import io.quarkiverse.twofactor.Confirmer;
import io.quarkiverse.twofactor.it.StepUp;
import io.quarkus.test.junit.QuarkusTest;
import io.quarkus.test.junit.QuarkusTestProfile;
import io.quarkus.test.junit.TestProfile;
import io.restassured.response.ValidatableResponse;

/**
 * PostgreSQL goes away mid-run: calls, step-up included, answer 503 problems in bounded time, nothing confirmable is left by a failed
 * request, and everything works again once the database is back, without a restart. The readiness check of the store
 * says DOWN while the database is away, and UP again once it is back. Runs under -Ppostgresql.
 */
@QuarkusTest
@Tag("postgresql")
@TestProfile(DatabaseOutageTest.ThroughProxy.class)
class DatabaseOutageTest {

    private static final Duration BOUND = Duration.ofSeconds(10);

    public static class ThroughProxy implements QuarkusTestProfile {
        @Override
        public List<TestResourceEntry> testResources() {
            return List.of(new TestResourceEntry(DatabaseProxyResource.class));
        }
    }

    @Inject
    Confirmer confirmer;

    @Test
    void outageAnswers503AndRecoversWithoutRestart() throws Exception {
        String before = UUID.randomUUID() + "@example.com";
        String pendingId = requestFor(before);
        String pendingCode = deliveredCode(before);
        UUID stepUpId = StepUp.confirmed(confirmer, StepUp.ALICE);

        StoreReadiness.up("hibernate-orm");

        DatabaseProxyResource.proxy.cut();
        StoreReadiness.downWithin(BOUND, "hibernate-orm", "The database does not answer the two-factor store");
        String duringOutage = UUID.randomUUID() + "@example.com";
        unavailable(() -> requestConfirmation(Map.of("recipient", duringOutage)));
        unavailable(() -> confirm(pendingId, pendingCode));
        unavailable(() -> check(pendingId));
        unavailable(() -> StepUp.securedActionAsAlice(stepUpId));
        DatabaseProxyResource.proxy.restore();

        awaitRecovery();
        StoreReadiness.upWithin(BOUND, "hibernate-orm");
        confirm(pendingId, pendingCode).statusCode(200);
        protectedAction(pendingId).statusCode(200);
        StepUp.securedActionAsAlice(stepUpId).statusCode(200);
        String after = UUID.randomUUID() + "@example.com";
        String newId = requestFor(after);
        confirm(newId, deliveredCode(after))
                .statusCode(200);
        given().get("/demo/inbox/{recipient}", duringOutage).then().statusCode(404);
    }

    /** The call answers a 503 problem within the bound. */
    private static void unavailable(java.util.function.Supplier<ValidatableResponse> call) {
        long started = System.nanoTime();
        call.get().statusCode(503).contentType(PROBLEM).body("type", endsWith("store-unavailable"));
        Duration took = Duration.ofNanos(System.nanoTime() - started);
        assertTrue(took.compareTo(BOUND) < 0, "took " + took);
    }

    /** Pooled connections broken by the cut are dropped on first use; a few calls may still fail. */
    private static void awaitRecovery() throws InterruptedException {
        long deadline = System.nanoTime() + BOUND.toNanos();
        int status = 0;
        while (System.nanoTime() < deadline) {
            status = check(UUID.randomUUID().toString()).extract().statusCode();
            if (status == 404) {
                return;
            }
            Thread.sleep(200);
        }
        assertEquals(404, status, "the application did not recover");
    }
}
