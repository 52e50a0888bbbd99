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
import java.util.Optional;
import java.util.Set;
import java.util.UUID;

import jakarta.inject.Inject;

import org.junit.jupiter.api.BeforeEach;
import org.junit.jupiter.api.Test;

import io.quarkiverse.twofactor.Binding;
import io.quarkiverse.twofactor.Status;
import io.quarkiverse.twofactor.it.Concurrently;
import io.quarkiverse.twofactor.runtime.StoreSelector;
import io.quarkiverse.twofactor.spi.CodeAttempt;
import io.quarkiverse.twofactor.spi.ConfirmationStore;
import io.quarkiverse.twofactor.spi.CreateResult;
import io.quarkiverse.twofactor.spi.FailureCount;
import io.quarkiverse.twofactor.spi.FailureLimit;
import io.quarkiverse.twofactor.spi.SendLimit;
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
    /** The subject the wrong codes of this test's confirmations count against. */
    String subject;

    /** The name the subclass expects to be selected, so a misconfigured profile cannot test the wrong store. */
    protected abstract String expectedStore();

    /** Whether the store lists its newest confirmations for dev tooling; one that cannot must say so. */
    protected boolean listsRecent() {
        return true;
    }

    @BeforeEach
    void selectStore() {
        store = selector.selected();
        assertEquals(expectedStore(), store.name());
        now = Instant.now().truncatedTo(ChronoUnit.MILLIS);
        subject = UUID.randomUUID().toString();
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

    /**
     * The sliding limit across what would be a fixed window's edge: 3 sends at most in any 2 seconds. A fixed window
     * started at {@code now} would allow 3 fresh sends at 2.1 s, after 2 at 1.9 s: 5 within 0.2 s.
     */
    @Test
    void recentSendsNeverExceedTheLimitInAnyWindowAcrossItsEdge() {
        String key = UUID.randomUUID().toString();
        Duration window = Duration.ofSeconds(2);
        assertTrue(store.countRecentSend(key, 3, window, now).allowed());
        assertTrue(store.countRecentSend(key, 3, window, now.plusMillis(1900)).allowed());
        assertTrue(store.countRecentSend(key, 3, window, now.plusMillis(1900)).allowed());
        assertEquals(SendWindow.refuse(Duration.ofMillis(50)), store.countRecentSend(key, 3, window, now.plusMillis(1950)));

        // At 2.1 s only the send at 0 s has left the window: one send, not three.
        assertTrue(store.countRecentSend(key, 3, window, now.plusMillis(2100)).allowed());
        assertEquals(SendWindow.refuse(Duration.ofMillis(1800)), store.countRecentSend(key, 3, window, now.plusMillis(2100)));
        assertFalse(store.countRecentSend(key, 3, window, now.plusMillis(3899)).allowed());

        // A send leaves the window exactly one window after it was made: at 3.9 s both sends of 1.9 s have left.
        assertTrue(store.countRecentSend(key, 3, window, now.plusMillis(3900)).allowed());
        assertTrue(store.countRecentSend(key, 3, window, now.plusMillis(3900)).allowed());
        assertEquals(SendWindow.refuse(Duration.ofMillis(200)), store.countRecentSend(key, 3, window, now.plusMillis(3900)));
    }

    @Test
    void recentSendsOfOneKeyDoNotLimitAnother() {
        String key = UUID.randomUUID().toString();
        assertTrue(store.countRecentSend(key, 1, Duration.ofMinutes(10), now).allowed());
        assertFalse(store.countRecentSend(key, 1, Duration.ofMinutes(10), now).allowed());
        assertTrue(store.countRecentSend(UUID.randomUUID().toString(), 1, Duration.ofMinutes(10), now).allowed());
    }

    @Test
    void anUncountedSendNoLongerCountsAndOnlyThatOne() {
        String key = UUID.randomUUID().toString();
        Duration window = Duration.ofMinutes(10);
        Instant first = now;
        Instant second = now.plusSeconds(5);
        assertTrue(store.countRecentSend(key, 3, window, first).allowed());
        assertTrue(store.countRecentSend(key, 3, window, second).allowed());
        assertTrue(store.countRecentSend(key, 3, window, second).allowed());
        assertFalse(store.countRecentSend(key, 3, window, second).allowed());

        store.uncountRecentSend(key, second);
        store.uncountRecentSend(key, now.plusSeconds(3)); // no send then: nothing changes
        store.uncountRecentSend(UUID.randomUUID().toString(), now); // no log at all: nothing changes

        Instant later = now.plusSeconds(10);
        assertTrue(store.countRecentSend(key, 3, window, later).allowed(), "the uncounted send still counts");
        SendWindow refused = store.countRecentSend(key, 3, window, later);
        assertFalse(refused.allowed(), "more than one send was uncounted");
        assertEquals(window.minusSeconds(10), refused.retryAfter(), "the oldest send, at the start, still counts");
    }

    @Test
    void concurrentRecentSendsToANewKeyStopAtTheLimit() throws Exception {
        String key = UUID.randomUUID().toString();
        List<SendWindow> results = Concurrently.run(50,
                caller -> store.countRecentSend(key, 5, Duration.ofMinutes(10), now));
        assertEquals(5, results.stream().filter(SendWindow::allowed).count());
        assertFalse(store.countRecentSend(key, 5, Duration.ofMinutes(10), now.plusSeconds(1)).allowed());
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
    void recentListsTheNewestConfirmationsNewestFirstOrSaysTheStoreCannot() {
        // Made later than anything else in the store, so that they are the newest whatever other tests left.
        Instant later = now.plus(Duration.ofDays(1));
        List<StoredConfirmation> made = List.of(pendingMadeAt(later), pendingMadeAt(later.plusSeconds(1)),
                pendingMadeAt(later.plusSeconds(2)));

        if (listsRecent()) {
            assertEquals(List.of(made.get(2), made.get(1)), store.recent(2).orElseThrow());
        } else {
            assertTrue(store.recent(2).isEmpty());
        }
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

    /** As for send windows: a log goes only once its newest send left the window, whatever the retention. */
    @Test
    void cleanUpKeepsASendLogUntilItsNewestSendLeavesTheWindow() {
        Duration window = Duration.ofMinutes(10);
        String live = UUID.randomUUID().toString();
        String ended = UUID.randomUUID().toString();
        assertTrue(store.countRecentSend(live, 2, window, now.minus(Duration.ofMinutes(12))).allowed());
        assertTrue(store.countRecentSend(live, 2, window, now.minus(Duration.ofMinutes(5))).allowed());
        assertTrue(store.countRecentSend(ended, 1, window, now.minus(Duration.ofMinutes(11))).allowed());

        while (store.deleteExpired(now, window, 1) == 1) {
            // drain
        }

        assertTrue(store.countRecentSend(live, 2, window, now).allowed());
        SendWindow refused = store.countRecentSend(live, 2, window, now);
        assertFalse(refused.allowed(), "the live log was deleted, and its sends forgotten");
        assertEquals(Duration.ofMinutes(5), refused.retryAfter());
        assertTrue(store.countRecentSend(ended, 1, window, now).allowed());
    }

    @Test
    void failuresCountUpToTheMaximumThenRefuseUntilTheLockoutHasPassed() {
        String subject = UUID.randomUUID().toString();
        Duration lockout = Duration.ofHours(1);
        assertEquals(FailureCount.none(), store.failures(subject));
        for (int i = 1; i <= MAX; i++) {
            assertTrue(store.countFailure(subject, MAX, lockout, now.plusSeconds(i)));
            assertEquals(new FailureCount(i, now.plusSeconds(i)), store.failures(subject));
        }
        Instant last = now.plusSeconds(MAX);
        assertFalse(store.countFailure(subject, MAX, lockout, last.plus(lockout).minusMillis(1)), "counted when full");
        assertEquals(new FailureCount(MAX, last), store.failures(subject), "a refused failure moved the lockout");

        assertTrue(store.countFailure(subject, MAX, lockout, last.plus(lockout)), "still locked after the lockout");
        assertEquals(new FailureCount(1, last.plus(lockout)), store.failures(subject));
    }

    @Test
    void failuresALockoutApartStartAgainBelowTheMaximum() {
        String subject = UUID.randomUUID().toString();
        Duration lockout = Duration.ofHours(1);
        store.countFailure(subject, MAX, lockout, now);
        store.countFailure(subject, MAX, lockout, now.plusSeconds(1));
        assertTrue(store.countFailure(subject, MAX, lockout, now.plusSeconds(1).plus(lockout)));
        assertEquals(new FailureCount(1, now.plusSeconds(1).plus(lockout)), store.failures(subject));
    }

    @Test
    void clearedFailuresStartFromNothing() {
        String subject = UUID.randomUUID().toString();
        String other = UUID.randomUUID().toString();
        Duration lockout = Duration.ofHours(1);
        for (int i = 0; i < MAX; i++) {
            store.countFailure(subject, MAX, lockout, now);
            store.countFailure(other, MAX, lockout, now);
        }
        store.clearFailures(subject);
        store.clearFailures(UUID.randomUUID().toString());
        assertEquals(FailureCount.none(), store.failures(subject));
        assertTrue(store.countFailure(subject, MAX, lockout, now.plusSeconds(1)));
        assertEquals(new FailureCount(1, now.plusSeconds(1)), store.failures(subject));
        assertEquals(new FailureCount(MAX, now), store.failures(other), "another subject's count was cleared");
    }

    @Test
    void concurrentFailuresOneBelowTheMaximumCountExactlyOnce() throws Exception {
        String subject = UUID.randomUUID().toString();
        Duration lockout = Duration.ofHours(1);
        for (int i = 1; i < MAX; i++) {
            store.countFailure(subject, MAX, lockout, now);
        }
        List<Boolean> counted = Concurrently.run(50,
                caller -> store.countFailure(subject, MAX, lockout, now.plusSeconds(1)));
        assertEquals(1, counted.stream().filter(c -> c).count());
        assertEquals(new FailureCount(MAX, now.plusSeconds(1)), store.failures(subject));
    }

    @Test
    void concurrentFirstFailuresOfANewSubjectStopAtTheMaximum() throws Exception {
        String subject = UUID.randomUUID().toString();
        List<Boolean> counted = Concurrently.run(50,
                caller -> store.countFailure(subject, MAX, Duration.ofHours(1), now));
        assertEquals(MAX, counted.stream().filter(c -> c).count());
    }

    /** A retention of {@code 0S} asks to delete what is older than now: a count still locking out stays. */
    @Test
    void cleanUpKeepsAFailureCountUntilItsLockoutHasPassed() {
        Duration lockout = Duration.ofHours(1);
        String locked = UUID.randomUUID().toString();
        String over = UUID.randomUUID().toString();
        for (int i = 0; i < MAX; i++) {
            store.countFailure(locked, MAX, lockout, now.minus(Duration.ofMinutes(30)));
            store.countFailure(over, MAX, lockout, now.minus(Duration.ofMinutes(61)));
        }

        while (store.deleteFailures(now.minus(lockout), 1) == 1) {
            // drain
        }

        assertFalse(store.countFailure(locked, MAX, lockout, now), "the live lockout was deleted");
        assertEquals(MAX, store.failures(locked).count());
        assertEquals(FailureCount.none(), store.failures(over), "a count whose lockout passed stayed");
    }

    @Test
    void createIfAllowedCountsTheSendAndRefusesAtTheLimitMakingNothing() {
        FailureLimit failures = failureLimit(subject);
        SendLimit sends = new SendLimit(UUID.randomUUID().toString(), 2, Duration.ofMinutes(10));
        StoredConfirmation first = newPending(now);
        assertTrue(store.createIfAllowed(first, failures, sends).isCreated());
        assertEquals(first, store.find(first.id()).orElseThrow());
        assertTrue(store.createIfAllowed(newPending(now.plusSeconds(60)), failures, sends).isCreated());

        StoredConfirmation third = newPending(now.plusSeconds(120));
        CreateResult refused = store.createIfAllowed(third, failures, sends);
        assertEquals(CreateResult.Refusal.TOO_MANY_SENDS, refused.refusal());
        assertEquals(Duration.ofMinutes(8), refused.retryAfter(), "the oldest send leaves the window in 8 minutes");
        assertTrue(store.find(third.id()).isEmpty(), "a refused confirmation was made");
        assertFalse(store.countRecentSend(sends.key(), 2, sends.window(), now.plusSeconds(120)).allowed());
    }

    @Test
    void createIfAllowedRefusesALockedOutSubjectCountingNoSend() {
        FailureLimit failures = failureLimit(subject);
        for (int i = 0; i < MAX; i++) {
            store.countFailure(subject, MAX, failures.lockout(), now.minusSeconds(60));
        }
        SendLimit sends = new SendLimit(UUID.randomUUID().toString(), 1, Duration.ofMinutes(10));
        StoredConfirmation refused = newPending(now);

        CreateResult result = store.createIfAllowed(refused, failures, sends);

        assertEquals(CreateResult.Refusal.LOCKED_OUT, result.refusal());
        assertEquals(failures.lockout().minusSeconds(60), result.retryAfter());
        assertTrue(store.find(refused.id()).isEmpty());
        assertTrue(store.countRecentSend(sends.key(), 1, sends.window(), now).allowed(), "the refused send counted");
        StoredConfirmation later = newPending(now.plus(failures.lockout()));
        assertTrue(store.createIfAllowed(later, failures, null).isCreated(), "made after the lockout");
    }

    @Test
    void confirmOrCountConfirmsTheRightCodeAndForgetsTheSubjectsFailures() {
        StoredConfirmation made = allowed();
        assertEquals(1, confirmOrCount(made, OTHER_HASH, false).orElseThrow().attempts());
        assertEquals(1, store.failures(subject).count());

        StoredConfirmation confirmed = confirmOrCount(made, HASH, false).orElseThrow();

        assertEquals(Status.CONFIRMED, confirmed.status());
        assertEquals(now, confirmed.confirmedAt());
        assertEquals(1, confirmed.attempts());
        assertEquals("alice", confirmed.owner());
        assertEquals(JSON_META, confirmed.meta());
        assertEquals(FailureCount.none(), store.failures(subject));
        assertEquals(Status.CONFIRMED, store.find(made.id()).orElseThrow().status());
        assertTrue(confirmOrCount(made, HASH, false).isEmpty(), "confirmed twice");
    }

    @Test
    void confirmOrCountCountsWrongCodesUpToTheMaximumAndAgainstTheSubject() {
        StoredConfirmation made = allowed();
        for (int i = 1; i <= MAX; i++) {
            StoredConfirmation counted = confirmOrCount(made, OTHER_HASH, false).orElseThrow();
            assertEquals(i, counted.attempts());
            assertEquals(i < MAX ? Status.PENDING : Status.FAILED, counted.status());
            assertEquals(i, store.failures(subject).count());
        }
        assertTrue(confirmOrCount(made, HASH, false).isEmpty(), "confirmed after the last attempt");
        assertEquals(MAX, store.find(made.id()).orElseThrow().attempts());
    }

    @Test
    void confirmOrCountChangesNothingForALockedOutSubject() {
        StoredConfirmation made = allowed();
        for (int i = 0; i < MAX; i++) {
            store.countFailure(subject, MAX, Duration.ofMinutes(15), now);
        }
        assertTrue(confirmOrCount(made, HASH, false).isEmpty(), "confirmed while locked out");
        assertTrue(confirmOrCount(made, OTHER_HASH, false).isEmpty(), "counted while locked out");
        StoredConfirmation untouched = store.find(made.id()).orElseThrow();
        assertEquals(Status.PENDING, untouched.status());
        assertEquals(0, untouched.attempts());
    }

    @Test
    void confirmOrCountLeavesAnotherOwnersOrPurposesOrAnExpiredConfirmationAlone() {
        StoredConfirmation made = allowed();
        FailureLimit failures = failureLimit(subject);
        for (CodeAttempt other : List.of(
                new CodeAttempt(made.id(), "bob", null, HASH, false, MAX, failures, Set.of()),
                new CodeAttempt(made.id(), "alice", "payment", HASH, false, MAX, failures, Set.of()),
                new CodeAttempt(made.id(), null, null, OTHER_HASH, false, MAX, failures, Set.of("default")),
                new CodeAttempt(UUID.randomUUID(), null, null, HASH, false, MAX, failures, Set.of()))) {
            assertTrue(store.confirmOrCount(other, now).isEmpty(), other::toString);
        }
        assertTrue(store.confirmOrCount(new CodeAttempt(made.id(), "alice", "sign-in", HASH, false, MAX, failures,
                Set.of()), now.plusSeconds(601)).isEmpty(), "confirmed after expiry");
        assertEquals(0, store.find(made.id()).orElseThrow().attempts());
        assertEquals(Status.PENDING, store.find(made.id()).orElseThrow().status());
    }

    @Test
    void confirmOrCountThatSpendsUsesTheConfirmationAtOnce() {
        StoredConfirmation made = allowed();

        StoredConfirmation used = confirmOrCount(made, HASH, true).orElseThrow();

        assertEquals(Status.USED, used.status());
        assertEquals(now, used.confirmedAt());
        assertEquals(now, used.usedAt());
        assertEquals(Status.USED, store.find(made.id()).orElseThrow().status());
        assertFalse(store.use(made.id(), now), "used twice");
    }

    @Test
    void useReturningNeedsConfirmedUnexpiredAndTheBinding() {
        StoredConfirmation made = pending(now.plusSeconds(600));
        assertTrue(store.useReturning(made.id(), null, now).isEmpty(), "used while pending");
        store.confirm(made.id(), HASH, MAX, now);
        assertTrue(store.useReturning(made.id(), new Binding("bob", "sign-in"), now).isEmpty(), "used by bob");
        assertTrue(store.useReturning(made.id(), new Binding("alice", "payment"), now).isEmpty(), "used to pay");
        assertTrue(store.useReturning(made.id(), null, now.plusSeconds(601)).isEmpty(), "used after expiry");

        StoredConfirmation used = store.useReturning(made.id(), new Binding("alice", "sign-in"), now).orElseThrow();

        assertEquals(Status.USED, used.status());
        assertEquals(now, used.usedAt());
        assertEquals(now, used.confirmedAt());
        assertTrue(store.useReturning(made.id(), null, now).isEmpty(), "used twice");
    }

    @Test
    void concurrentRightCodesConfirmExactlyOnce() throws Exception {
        StoredConfirmation made = allowed();
        List<Optional<StoredConfirmation>> results = Concurrently.run(50,
                caller -> confirmOrCount(made, HASH, false));
        assertEquals(1, results.stream().filter(Optional::isPresent).count());
    }

    @Test
    void concurrentConfirmAndUseSpendsExactlyOnce() throws Exception {
        StoredConfirmation made = allowed();
        List<Optional<StoredConfirmation>> results = Concurrently.run(50,
                caller -> confirmOrCount(made, HASH, true));
        assertEquals(1, results.stream().filter(used -> used.filter(c -> c.status() == Status.USED).isPresent())
                .count());
        assertEquals(Status.USED, store.find(made.id()).orElseThrow().status());
    }

    @Test
    void concurrentWrongCodesNeverCountPastTheMaximum() throws Exception {
        StoredConfirmation made = allowed();
        List<Optional<StoredConfirmation>> results = Concurrently.run(50,
                caller -> confirmOrCount(made, OTHER_HASH, false));
        // Each count from 1 to the maximum is reported to exactly one caller; everyone else changed nothing.
        assertEquals(List.of(1, 2, 3, 4, 5),
                results.stream().flatMap(Optional::stream).map(StoredConfirmation::attempts).sorted().toList());
        assertEquals(MAX, store.find(made.id()).orElseThrow().attempts());
    }

    @Test
    void concurrentRequestsThroughCreateIfAllowedStopAtTheSendLimit() throws Exception {
        FailureLimit failures = failureLimit(subject);
        SendLimit sends = new SendLimit(UUID.randomUUID().toString(), 5, Duration.ofMinutes(10));
        List<StoredConfirmation> made = Concurrently.run(50, caller -> {
            StoredConfirmation c = newPending(now);
            return store.createIfAllowed(c, failures, sends).isCreated() ? c : null;
        });
        List<StoredConfirmation> allowed = made.stream().filter(c -> c != null).toList();
        assertEquals(5, allowed.size());
        assertTrue(allowed.stream().allMatch(c -> store.find(c.id()).isPresent()),
                "an allowed request lost its confirmation");
    }

    private Optional<StoredConfirmation> confirmOrCount(StoredConfirmation made, String codeHash, boolean spend) {
        return store.confirmOrCount(new CodeAttempt(made.id(), "alice", "sign-in", codeHash, spend, MAX,
                failureLimit(subject), Set.of("totp", "recovery-code")), now);
    }

    /** Failures counted under {@code subject}, whatever the confirmation. */
    private static FailureLimit failureLimit(String subject) {
        return new FailureLimit(c -> subject, MAX, Duration.ofMinutes(15));
    }

    /**
     * A pending confirmation made through {@link ConfirmationStore#createIfAllowed}, whose wrong codes count against
     * the test's subject.
     */
    private StoredConfirmation allowed() {
        StoredConfirmation made = newPending(now);
        assertTrue(store.createIfAllowed(made, failureLimit(subject), null).isCreated());
        return made;
    }

    private StoredConfirmation newPending(Instant createdAt) {
        return new StoredConfirmation(UUID.randomUUID(), Status.PENDING, "default", "someone@example.com", "alice",
                "sign-in", JSON_META, HASH, 0, createdAt, createdAt.plusSeconds(600), createdAt, null, null);
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

    private StoredConfirmation pendingMadeAt(Instant createdAt) {
        StoredConfirmation made = new StoredConfirmation(UUID.randomUUID(), Status.PENDING, "default",
                "someone@example.com", "alice", "sign-in", JSON_META, HASH, 0, createdAt, createdAt.plusSeconds(600),
                createdAt, null, null);
        store.create(made);
        return made;
    }

    StoredConfirmation pending(Instant expiresAt) {
        Instant created = expiresAt.minusSeconds(600).isBefore(now) ? expiresAt.minusSeconds(600) : now;
        StoredConfirmation made = new StoredConfirmation(UUID.randomUUID(), Status.PENDING, "default",
                "someone@example.com", "alice", "sign-in", JSON_META, HASH, 0, created, expiresAt, created, null, null);
        store.create(made);
        return made;
    }
}
