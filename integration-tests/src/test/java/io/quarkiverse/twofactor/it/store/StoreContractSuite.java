package io.quarkiverse.twofactor.it.store;

import static org.junit.jupiter.api.Assertions.assertEquals;
import static org.junit.jupiter.api.Assertions.assertFalse;
import static org.junit.jupiter.api.Assertions.assertTrue;

import java.time.Duration;
import java.time.Instant;
import java.time.temporal.ChronoUnit;
import java.util.Arrays;
import java.util.LinkedHashMap;
import java.util.List;
import java.util.Map;
import java.util.UUID;

import jakarta.inject.Inject;

import org.junit.jupiter.api.BeforeEach;
import org.junit.jupiter.api.Test;

import io.quarkiverse.twofactor.Status;
import io.quarkiverse.twofactor.it.Concurrently;
import io.quarkiverse.twofactor.runtime.StoreSelector;
import io.quarkiverse.twofactor.spi.ConfirmationStore;
import io.quarkiverse.twofactor.spi.SendWindow;
import io.quarkiverse.twofactor.spi.StoredConfirmation;

/**
 * The behaviour every {@link ConfirmationStore} owes the confirmer, run once per store by the subclasses. Times are
 * passed in, so the suite moves the clock instead of sleeping.
 */
public abstract class StoreContractSuite {

    private static final int MAX = 5;
    private static final String HASH = "a".repeat(64);
    private static final String OTHER_HASH = "b".repeat(64);
    /** Meta of every JSON kind, a null included, which must read back equal. */
    private static final Map<String, Object> JSON_META = jsonMeta();

    @Inject
    StoreSelector selector;

    ConfirmationStore store;
    Instant now;

    /** The name the subclass expects to be selected, so a misconfigured profile cannot test the wrong store. */
    protected abstract String expectedStore();

    @BeforeEach
    void selectStore() {
        store = selector.selected();
        assertEquals(expectedStore(), store.name());
        now = Instant.now().truncatedTo(ChronoUnit.MILLIS);
    }

    @Test
    void createdConfirmationReadsBackWhole() {
        StoredConfirmation made = pending(now.plusSeconds(600));
        assertEquals(made, store.find(made.id()).orElseThrow());
        assertTrue(store.find(UUID.randomUUID()).isEmpty());
    }

    @Test
    void confirmNeedsPendingUnexpiredAndTheSameHash() {
        StoredConfirmation made = pending(now.plusSeconds(600));
        assertFalse(store.confirm(made.id(), OTHER_HASH, MAX, now));
        assertTrue(store.confirm(made.id(), HASH, MAX, now));
        assertFalse(store.confirm(made.id(), HASH, MAX, now), "confirmed twice");
        StoredConfirmation confirmed = store.find(made.id()).orElseThrow();
        assertEquals(Status.CONFIRMED, confirmed.status());
        assertEquals(now, confirmed.confirmedAt());

        StoredConfirmation expired = pending(now.minusSeconds(1));
        assertFalse(store.confirm(expired.id(), HASH, MAX, now));
    }

    @Test
    void wrongAttemptsCountUpToTheMaximumThenFail() {
        StoredConfirmation made = pending(now.plusSeconds(600));
        for (int i = 1; i <= MAX; i++) {
            assertEquals(i, store.countWrongAttempt(made.id(), MAX, now));
            assertEquals(i, store.find(made.id()).orElseThrow().attempts());
        }
        assertEquals(Status.FAILED, store.find(made.id()).orElseThrow().status());
        assertEquals(0, store.countWrongAttempt(made.id(), MAX, now));
        assertFalse(store.confirm(made.id(), HASH, MAX, now));
    }

    @Test
    void useNeedsConfirmedAndUnexpired() {
        StoredConfirmation made = pending(now.plusSeconds(600));
        assertFalse(store.use(made.id(), now), "used while pending");
        store.confirm(made.id(), HASH, MAX, now);
        assertFalse(store.use(made.id(), now.plusSeconds(601)), "used after expiry");
        assertTrue(store.use(made.id(), now));
        assertFalse(store.use(made.id(), now));
        assertEquals(Status.USED, store.find(made.id()).orElseThrow().status());
    }

    @Test
    void replaceCodeRespectsTheCooldownAndMovesTheExpiry() {
        StoredConfirmation made = pending(now.plusSeconds(600));
        Instant later = now.plusSeconds(10);
        assertFalse(store.replaceCode(made.id(), OTHER_HASH, later.minusSeconds(30), later.plusSeconds(600), later),
                "replaced inside the cooldown");
        Instant afterCooldown = now.plusSeconds(40);
        assertTrue(store.replaceCode(made.id(), OTHER_HASH, afterCooldown.minusSeconds(30),
                afterCooldown.plusSeconds(600), afterCooldown));
        StoredConfirmation replaced = store.find(made.id()).orElseThrow();
        assertEquals(OTHER_HASH, replaced.codeHash());
        assertEquals(afterCooldown, replaced.lastSentAt());
        assertEquals(afterCooldown.plusSeconds(600), replaced.expiresAt());
        assertFalse(store.confirm(made.id(), HASH, MAX, afterCooldown), "the old code still confirms");
        assertTrue(store.confirm(made.id(), OTHER_HASH, MAX, afterCooldown));
    }

    @Test
    void failOnlyTouchesPendingConfirmations() {
        StoredConfirmation pending = pending(now.plusSeconds(600));
        assertTrue(store.fail(pending.id()));
        assertEquals(Status.FAILED, store.find(pending.id()).orElseThrow().status());
        StoredConfirmation confirmed = pending(now.plusSeconds(600));
        store.confirm(confirmed.id(), HASH, MAX, now);
        assertFalse(store.fail(confirmed.id()));
    }

    @Test
    void sendWindowAllowsTheLimitThenRefusesUntilItEnds() {
        String recipient = UUID.randomUUID().toString();
        Duration window = Duration.ofMinutes(10);
        for (int i = 0; i < 5; i++) {
            assertTrue(store.countSend(recipient, 5, window, now.plusSeconds(i)).allowed());
        }
        SendWindow refused = store.countSend(recipient, 5, window, now.plusSeconds(60));
        assertFalse(refused.allowed());
        assertEquals(Duration.ofSeconds(540), refused.retryAfter());
        assertTrue(store.countSend(recipient, 5, window, now.plus(window)).allowed(), "a new window");
    }

    @Test
    void concurrentUsesSucceedExactlyOnce() throws Exception {
        StoredConfirmation made = pending(now.plusSeconds(600));
        store.confirm(made.id(), HASH, MAX, now);
        List<Boolean> results = Concurrently.run(100, caller -> store.use(made.id(), now));
        assertEquals(1, results.stream().filter(used -> used).count());
    }

    @Test
    void concurrentWrongAttemptsNeverPassTheMaximum() throws Exception {
        StoredConfirmation made = pending(now.plusSeconds(600));
        List<Integer> results = Concurrently.run(100, caller -> store.countWrongAttempt(made.id(), MAX, now));
        // Each count from 1 to the maximum is reported to exactly one caller; everyone else counted nothing.
        assertEquals(List.of(1, 2, 3, 4, 5), results.stream().filter(count -> count > 0).sorted().toList());
        assertEquals(MAX, store.find(made.id()).orElseThrow().attempts());
    }

    @Test
    void concurrentSendsToANewRecipientStopAtTheLimit() throws Exception {
        String recipient = UUID.randomUUID().toString();
        List<SendWindow> results = Concurrently.run(50,
                caller -> store.countSend(recipient, 5, Duration.ofMinutes(10), now));
        assertEquals(5, results.stream().filter(SendWindow::allowed).count());
    }

    @Test
    void concurrentRequestsToANewRecipientStopAtTheLimit() throws Exception {
        // What a request does: count the send and, when allowed, create the confirmation, as one unit.
        String recipient = UUID.randomUUID().toString();
        List<UUID> made = Concurrently.run(50, caller -> store.inOneUnit(() -> {
            if (!store.countSend(recipient, 5, Duration.ofMinutes(10), now).allowed()) {
                return null;
            }
            return pending(now.plusSeconds(600)).id();
        }));
        List<UUID> allowed = made.stream().filter(id -> id != null).toList();
        assertEquals(5, allowed.size());
        assertTrue(allowed.stream().allMatch(id -> store.find(id).isPresent()), "an allowed request lost its confirmation");
    }

    @Test
    void theStoresTimeIsTheTimeNow() {
        // The store runs on this machine, so its clock and this JVM's agree closely; a time read in the wrong zone or
        // the wrong unit would be hours or years off.
        Instant storeTime = store.currentTime();
        Duration apart = Duration.between(Instant.now(), storeTime).abs();
        assertTrue(apart.compareTo(Duration.ofMinutes(1)) < 0, () -> "the store's time " + storeTime + " is " + apart
                + " away from this JVM's");
    }

    @Test
    void expiredConfirmationsAreGoneAfterCleanUp() {
        StoredConfirmation old = pending(now.minus(Duration.ofDays(2)));
        StoredConfirmation recent = pending(now.plusSeconds(600));
        Instant expiredBefore = now.minus(Duration.ofDays(1));
        while (store.deleteExpired(expiredBefore, Duration.ofMinutes(10), 2) == 2) {
            // drain in small batches
        }
        assertTrue(store.find(old.id()).isEmpty());
        assertTrue(store.find(recent.id()).isPresent());
    }

    /**
     * A retention shorter than the window ({@code cleanup.retention=0S}, {@code limits.window=10M}) asks to delete what
     * started before now: a window that started 5 minutes ago still counts sends for 5 more minutes, and must stay.
     */
    @Test
    void cleanUpKeepsASendWindowUntilItEndsWhateverTheRetention() {
        Duration window = Duration.ofMinutes(10);
        String live = UUID.randomUUID().toString();
        String ended = UUID.randomUUID().toString();
        assertTrue(store.countSend(live, 1, window, now.minus(Duration.ofMinutes(5))).allowed());
        assertTrue(store.countSend(ended, 1, window, now.minus(Duration.ofMinutes(11))).allowed());

        while (store.deleteExpired(now, window, 1) == 1) {
            // drain
        }

        SendWindow refused = store.countSend(live, 1, window, now);
        assertFalse(refused.allowed(), "the live window was deleted, and its sends forgotten");
        assertEquals(Duration.ofMinutes(5), refused.retryAfter());
        assertTrue(store.countSend(ended, 1, window, now).allowed(), "a window that ended counts again from zero");
    }

    private static Map<String, Object> jsonMeta() {
        Map<String, Object> nested = new LinkedHashMap<>();
        nested.put("list", Arrays.asList(1, "two", null, false));
        nested.put("none", null);
        Map<String, Object> meta = new LinkedHashMap<>();
        meta.put("user", "alice");
        meta.put("amount", 42);
        meta.put("big", 9_007_199_254_740_993L);
        meta.put("approved", true);
        meta.put("nested", nested);
        return meta;
    }

    StoredConfirmation pending(Instant expiresAt) {
        Instant created = expiresAt.minusSeconds(600).isBefore(now) ? expiresAt.minusSeconds(600) : now;
        StoredConfirmation made = new StoredConfirmation(UUID.randomUUID(), Status.PENDING, "default",
                "someone@example.com", "alice", "sign-in", JSON_META, HASH, 0, created, expiresAt, created, null, null);
        store.create(made);
        return made;
    }
}
