package io.quarkiverse.twofactor.it.faults;

import static io.restassured.RestAssured.given;
import static org.hamcrest.Matchers.containsString;
import static org.hamcrest.Matchers.equalTo;
import static org.hamcrest.Matchers.not;
import static org.junit.jupiter.api.Assertions.fail;

import java.time.Duration;

import io.restassured.response.ValidatableResponse;

/** What the two-factor-store readiness check says while a fault test breaks and mends the store's server. */
final class StoreReadiness {

    private static final String CHECK = "checks.find { it.name == 'two-factor-store' }";

    private StoreReadiness() {
    }

    static void up(String store) {
        ready().statusCode(200).body(CHECK + ".status", equalTo("UP")).body(CHECK + ".data.store", equalTo(store));
    }

    /**
     * Waits until the check says DOWN, then asserts the reason: it names what does not answer, never an address, a
     * user or a password.
     */
    static void downWithin(Duration bound, String store, String reason) {
        await(bound, "DOWN");
        ready().statusCode(503).body(CHECK + ".status", equalTo("DOWN"))
                .body(CHECK + ".data.store", equalTo(store))
                .body(CHECK + ".data.reason", containsString(reason))
                .body(CHECK + ".data.reason", not(containsString("127.0.0.1")))
                .body(CHECK + ".data.reason", not(containsString("postgres")))
                .body(CHECK + ".data.reason", not(containsString("://")));
    }

    static void upWithin(Duration bound, String store) {
        await(bound, "UP");
        up(store);
    }

    private static void await(Duration bound, String status) {
        long deadline = System.nanoTime() + bound.toNanos();
        String seen;
        do {
            seen = ready().extract().path(CHECK + ".status");
            if (status.equals(seen)) {
                return;
            }
            sleep();
        } while (System.nanoTime() < deadline);
        fail("the two-factor-store check still said " + seen + " " + bound + " later");
    }

    private static ValidatableResponse ready() {
        return given().get("/q/health/ready").then();
    }

    private static void sleep() {
        try {
            Thread.sleep(200);
        } catch (InterruptedException e) {
            Thread.currentThread().interrupt();
            throw new IllegalStateException(e);
        }
    }
}
