package io.quarkiverse.twofactor.deployment;

import static org.junit.jupiter.api.Assertions.assertEquals;
import static org.junit.jupiter.api.Assertions.assertTrue;

import java.time.Duration;
import java.util.ArrayList;
import java.util.List;
import java.util.Map;
import java.util.UUID;

import jakarta.annotation.Priority;
import jakarta.enterprise.event.Observes;
import jakarta.inject.Inject;
import jakarta.inject.Singleton;
import jakarta.interceptor.Interceptor;

import org.junit.jupiter.api.Test;
import org.junit.jupiter.api.extension.RegisterExtension;

import io.quarkiverse.twofactor.ConfirmationState;
import io.quarkiverse.twofactor.Confirmer;
import io.quarkiverse.twofactor.DeliveryStatus;
import io.quarkus.runtime.ShutdownEvent;
import io.quarkus.test.QuarkusUnitTest;

/**
 * An application stops while its async sender's provider hangs, with every delivery thread taken and more deliveries
 * queued behind them: stopping takes about the sender's deadline, every confirmation ends failed with its delivery
 * failed (none is left queued), and no delivery thread is left.
 */
class AsyncDeliveryShutdownTest {

    private static final int MAX_CONCURRENT = 2;
    private static final int MAX_QUEUED = 3;
    private static final Duration DEADLINE = Duration.ofSeconds(3);

    /*
     * The application runs in its own class loader, so it hands what it saw at shutdown to the check that runs after
     * it has stopped through system properties, which both sides share.
     */
    private static final String STOP_STARTED = "two-factor.test.shutdown.started";
    private static final String STOP_SEEN = "two-factor.test.shutdown.seen";
    private static final String CONFIRMATIONS = "two-factor.test.shutdown.confirmations";

    @RegisterExtension
    static final QuarkusUnitTest app = new QuarkusUnitTest()
            .withApplicationRoot(jar -> jar.addClasses(HangingBackend.class, ShutdownWitness.class))
            .withConfigurationResource(TestApps.H2_CONFIG)
            .overrideConfigKey("quarkus.two-factor.senders.\"hung\".backend", HangingBackend.NAME)
            .overrideConfigKey("quarkus.two-factor.senders.\"hung\".delivery.mode", "async")
            .overrideConfigKey("quarkus.two-factor.senders.\"hung\".delivery.max-concurrent",
                    Integer.toString(MAX_CONCURRENT))
            .overrideConfigKey("quarkus.two-factor.senders.\"hung\".delivery.max-queued", Integer.toString(MAX_QUEUED))
            .overrideConfigKey("quarkus.two-factor.senders.\"hung\".delivery.deadline", DEADLINE.toSeconds() + "S")
            .overrideConfigKey("quarkus.two-factor.default-sender", "hung")
            .setAfterUndeployListener(AsyncDeliveryShutdownTest::everyDeliveryFailedWithinTheDeadline);

    @Inject
    Confirmer confirmer;

    @Inject
    HangingBackend backend;

    @Test
    void deliveriesInFlightAndQueuedWhenTheApplicationStops() throws InterruptedException {
        List<String> ids = new ArrayList<>();
        for (int i = 0; i < MAX_CONCURRENT + MAX_QUEUED; i++) {
            ConfirmationState state = confirmer.request("hung", "+3360000010" + i, Map.of()).state();
            assertEquals(DeliveryStatus.QUEUED, state.delivery());
            ids.add(state.id().toString());
        }
        long giveUp = System.nanoTime() + Duration.ofSeconds(10).toNanos();
        while (backend.started() < MAX_CONCURRENT) {
            assertTrue(System.nanoTime() < giveUp, "the delivery threads never took the first deliveries");
            Thread.sleep(10);
        }
        assertEquals(MAX_CONCURRENT, backend.started(), "the others wait in the queue");
        System.setProperty(CONFIRMATIONS, String.join(",", ids));
    }

    /** Runs once the application has stopped. */
    static void everyDeliveryFailedWithinTheDeadline() {
        try {
            String seen = System.getProperty(STOP_SEEN);
            assertEquals("failed/failed x" + (MAX_CONCURRENT + MAX_QUEUED), seen);
            Duration stopping = Duration.ofNanos(Long.parseLong(System.getProperty(STOP_SEEN + ".at"))
                    - Long.parseLong(System.getProperty(STOP_STARTED)));
            // The deadline for the deliveries in flight, then a moment to fail the rest.
            assertTrue(stopping.compareTo(DEADLINE.plusSeconds(2)) < 0, () -> "the senders stopped in " + stopping);
            List<String> left = Thread.getAllStackTraces().keySet().stream().filter(Thread::isAlive)
                    .map(Thread::getName).filter(name -> name.startsWith("two-factor-delivery-")).toList();
            assertEquals(List.of(), left, "delivery threads left after the application stopped");
        } finally {
            System.clearProperty(STOP_STARTED);
            System.clearProperty(STOP_SEEN);
            System.clearProperty(STOP_SEEN + ".at");
            System.clearProperty(CONFIRMATIONS);
        }
    }

    /** Reads, while the application stops, the confirmations the test made, once the senders have stopped. */
    @Singleton
    public static class ShutdownWitness {

        @Inject
        Confirmer confirmer;

        void stopStarts(@Observes @Priority(Interceptor.Priority.PLATFORM_BEFORE) ShutdownEvent event) {
            System.setProperty(STOP_STARTED, Long.toString(System.nanoTime()));
        }

        // After the extension's own observer, which stops the senders.
        void sendersStopped(@Observes @Priority(Interceptor.Priority.APPLICATION + 1000) ShutdownEvent event) {
            System.setProperty(STOP_SEEN + ".at", Long.toString(System.nanoTime()));
            String ids = System.getProperty(CONFIRMATIONS);
            if (ids == null) {
                return;
            }
            List<String> states = new ArrayList<>();
            for (String id : ids.split(",")) {
                ConfirmationState state = confirmer.check(UUID.fromString(id)).orElseThrow();
                states.add(state.status().label() + "/" + state.delivery().label());
            }
            List<String> distinct = states.stream().distinct().toList();
            System.setProperty(STOP_SEEN, distinct.size() == 1 ? distinct.get(0) + " x" + states.size()
                    : String.join(",", states));
        }
    }
}
