package io.quarkiverse.twofactor.deployment;

import static org.junit.jupiter.api.Assertions.assertEquals;
import static org.junit.jupiter.api.Assertions.assertFalse;
import static org.junit.jupiter.api.Assertions.assertTrue;

import java.time.Duration;
import java.time.Instant;
import java.util.Map;
import java.util.UUID;
import java.util.concurrent.atomic.AtomicInteger;

import jakarta.inject.Inject;
import jakarta.inject.Singleton;

import org.junit.jupiter.api.Test;
import org.junit.jupiter.api.extension.RegisterExtension;

import io.quarkiverse.twofactor.ConfirmResult;
import io.quarkiverse.twofactor.ConfirmationState;
import io.quarkiverse.twofactor.Confirmer;
import io.quarkiverse.twofactor.ResendResult;
import io.quarkiverse.twofactor.Status;
import io.quarkiverse.twofactor.runtime.CodeHasher;
import io.quarkiverse.twofactor.runtime.ExpiredCleanup;
import io.quarkiverse.twofactor.runtime.StoreClock;
import io.quarkiverse.twofactor.runtime.TwoFactorConfig;
import io.quarkiverse.twofactor.runtime.store.MemoryConfirmationStore;
import io.quarkiverse.twofactor.spi.StoredConfirmation;
import io.quarkus.test.QuarkusUnitTest;

/**
 * The confirmer, the clean-up and the send limit judge time on the store's clock, which here runs well ahead of this
 * JVM's. Confirmations written straight into the store carry times on this JVM's clock, as a replica whose clock is
 * behind the store's would have written them: a confirmer on its own JVM clock would judge them the other way.
 */
class StoreClockTest {

    /** How far the store's clock runs ahead of this JVM's: far more than the ttl, the cooldown and the window. */
    static final Duration AHEAD = Duration.ofMinutes(47);
    /** A sure bound for how far apart two readings taken around one call can be, on the slowest machine. */
    static final Duration SLACK = Duration.ofSeconds(5);
    static final String CODE = "123456";

    @RegisterExtension
    static final QuarkusUnitTest app = new QuarkusUnitTest()
            .withApplicationRoot(jar -> jar.addClasses(ClockAheadStore.class))
            .withConfigurationResource(TestApps.H2_CONFIG)
            .overrideConfigKey("quarkus.two-factor.senders.default.backend", "log")
            .overrideConfigKey("quarkus.two-factor.store", "clock-ahead")
            .overrideConfigKey("quarkus.two-factor.destinations.store", "memory")
            .overrideConfigKey("quarkus.two-factor.authenticators.store", "memory")
            .overrideConfigKey("quarkus.two-factor.ttl", "10M")
            .overrideConfigKey("quarkus.two-factor.resend.cooldown", "10M")
            .overrideConfigKey("quarkus.two-factor.limits.sends-per-window", "1")
            .overrideConfigKey("quarkus.two-factor.limits.window", "10M")
            .overrideConfigKey("quarkus.two-factor.cleanup.retention", "10M");

    @Inject
    Confirmer confirmer;

    @Inject
    ClockAheadStore store;

    @Inject
    StoreClock clock;

    @Inject
    CodeHasher hasher;

    @Inject
    ExpiredCleanup cleanup;

    @Test
    void aNewConfirmationIsStampedOnTheStoresClock() {
        Instant before = Instant.now();
        ConfirmationState made = confirmer.make(Map.of()).state();
        Instant after = Instant.now();

        assertTrue(made.createdAt().isAfter(before.plus(AHEAD).minus(SLACK))
                && made.createdAt().isBefore(after.plus(AHEAD).plus(SLACK)), () -> "created at " + made.createdAt()
                        + ", this JVM's clock said " + before);
        assertEquals(made.createdAt().plus(Duration.ofMinutes(10)), made.expiresAt());
    }

    @Test
    void aCodeThatExpiredOnTheStoresClockNoLongerConfirmsThoughThisJvmsClockSaysItIsLive() {
        Instant jvmNow = Instant.now();
        UUID id = storePending(jvmNow.minusSeconds(60), jvmNow.plus(Duration.ofMinutes(10)));

        assertEquals(Status.EXPIRED, confirmer.check(id).orElseThrow().status());
        assertEquals(ConfirmResult.Outcome.EXPIRED, confirmer.confirm(id, CODE).outcome());
    }

    @Test
    void theResendCooldownIsOverOnTheStoresClockThoughThisJvmsClockSaysItRuns() {
        Instant jvmNow = Instant.now();
        UUID id = storePending(jvmNow, jvmNow.plus(AHEAD).plus(Duration.ofMinutes(10)));

        assertEquals(ResendResult.Outcome.SENT, confirmer.resend(id).outcome());
    }

    @Test
    void aSendWindowThatEndedOnTheStoresClockCountsAgainThoughThisJvmsClockSaysItIsFull() {
        String recipient = "window-" + UUID.randomUUID() + "@example.com";
        Instant jvmNow = Instant.now();
        assertTrue(store.countSend(hasher.hashRecipient(recipient), 1, Duration.ofMinutes(10), jvmNow).allowed());
        assertFalse(store.countSend(hasher.hashRecipient(recipient), 1, Duration.ofMinutes(10), jvmNow).allowed(),
                "the window holds one send");

        assertEquals(Status.PENDING, confirmer.request(null, recipient, Map.of()).state().status());
    }

    @Test
    void theCleanUpDeletesWhatExpiredOnTheStoresClock() {
        Instant jvmNow = Instant.now();
        UUID id = storePending(jvmNow.minusSeconds(60), jvmNow.plus(Duration.ofMinutes(10)));

        assertTrue(cleanup.run() >= 1);
        assertTrue(store.find(id).isEmpty(), "the confirmation is still stored");
    }

    @Test
    void anEstimateOfTheStoresTimeServesForAWhileThenTheStoreIsAskedAgain() throws InterruptedException {
        clock.now();
        int taken = store.samples.get();
        for (int i = 0; i < 100; i++) {
            clock.now();
        }
        // A hundred calls may straddle the moment the estimate is due, never more than once.
        assertTrue(store.samples.get() - taken <= 1, () -> (store.samples.get() - taken) + " samples for 100 calls");

        int before = store.samples.get();
        Thread.sleep(1500); // longer than an estimate serves
        clock.now();
        assertEquals(before + 1, store.samples.get());
    }

    @Test
    void aCorrectionOfTheStoresClockIsFollowedOnceTheEstimateIsDue() throws InterruptedException {
        Duration corrected = AHEAD.plusMinutes(10);
        try {
            store.ahead = corrected;
            Thread.sleep(1500); // longer than an estimate serves
            Instant now = clock.now();
            Duration off = Duration.between(Instant.now().plus(corrected), now).abs();
            assertTrue(off.compareTo(SLACK) < 0, () -> "the clock is " + off + " away from the corrected store's");
        } finally {
            store.ahead = AHEAD;
            Thread.sleep(1500);
            clock.now();
        }
    }

    private UUID storePending(Instant createdAt, Instant expiresAt) {
        UUID id = UUID.randomUUID();
        store.create(new StoredConfirmation(id, Status.PENDING, "default", "clock-" + id + "@example.com", null, null,
                Map.of(), hasher.hash(id, CODE), 0, createdAt, expiresAt, createdAt, null, null));
        return id;
    }

    /**
     * The memory store, behind a clock that runs {@link #AHEAD} of this JVM's unless a test corrects it; it counts how
     * often it is asked.
     */
    @Singleton
    public static class ClockAheadStore extends MemoryConfirmationStore {

        final AtomicInteger samples = new AtomicInteger();
        volatile Duration ahead = AHEAD;

        @Inject
        ClockAheadStore(TwoFactorConfig config) {
            super(config);
        }

        @Override
        public String name() {
            return "clock-ahead";
        }

        @Override
        public Instant currentTime() {
            samples.incrementAndGet();
            return Instant.now().plus(ahead);
        }
    }
}
