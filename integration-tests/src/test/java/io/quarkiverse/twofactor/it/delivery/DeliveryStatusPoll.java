package io.quarkiverse.twofactor.it.delivery;

import static org.junit.jupiter.api.Assertions.assertTrue;

import java.time.Duration;
import java.util.function.Supplier;

import io.restassured.response.ValidatableResponse;

/** Waits for a queued delivery to end, reading the confirmation through the REST API. */
public final class DeliveryStatusPoll {

    private static final Duration GIVE_UP_AFTER = Duration.ofSeconds(15);

    private DeliveryStatusPoll() {
    }

    /**
     * Reads the confirmation until its {@code delivery} is the one expected, failing once the wait is beyond any
     * delivery the tests stub.
     *
     * @param confirmation a {@code GET confirmations/{id}} of the confirmation
     */
    public static void awaitDelivery(Supplier<ValidatableResponse> confirmation, String delivery) {
        long giveUp = System.nanoTime() + GIVE_UP_AFTER.toNanos();
        while (!delivery.equals(confirmation.get().statusCode(200).extract().path("delivery"))) {
            assertTrue(System.nanoTime() < giveUp, "delivery never became " + delivery);
            try {
                Thread.sleep(50);
            } catch (InterruptedException e) {
                Thread.currentThread().interrupt();
                throw new IllegalStateException(e);
            }
        }
    }
}
