package io.quarkiverse.twofactor.it.store;

import static org.junit.jupiter.api.Assertions.assertEquals;
import static org.junit.jupiter.api.Assertions.assertFalse;
import static org.junit.jupiter.api.Assertions.assertTrue;

import java.time.Instant;
import java.time.temporal.ChronoUnit;
import java.util.ArrayList;
import java.util.Comparator;
import java.util.List;
import java.util.Set;
import java.util.UUID;

import jakarta.inject.Inject;

import org.junit.jupiter.api.AfterEach;
import org.junit.jupiter.api.BeforeEach;
import org.junit.jupiter.api.Test;

import io.quarkiverse.twofactor.it.Concurrently;
import io.quarkiverse.twofactor.runtime.totp.AuthenticatorStoreSelector;
import io.quarkiverse.twofactor.spi.AuthenticatorStore;
import io.quarkiverse.twofactor.spi.StoredAuthenticator;

/**
 * The behaviour every {@link AuthenticatorStore} owes, run once per store by the subclasses. Each test has owners of
 * its own, so that the suite can run again on a database or Redis server that kept an earlier run's data.
 */
public abstract class AuthenticatorStoreContractSuite {

    @Inject
    AuthenticatorStoreSelector selector;

    AuthenticatorStore store;
    Instant now;
    String alice;
    String bob;

    /** The name the subclass expects to be selected, so a misconfigured profile cannot test the wrong store. */
    protected abstract String expectedStore();

    @BeforeEach
    void selectStore() {
        store = selector.selected();
        assertEquals(expectedStore(), store.name());
        now = Instant.now().truncatedTo(ChronoUnit.MILLIS);
        String run = UUID.randomUUID().toString();
        alice = "alice-" + run;
        bob = "bob-" + run;
    }

    /** Nothing here expires: a shared database or Redis server keeps none of the suite's apps or codes. */
    @AfterEach
    void deleteTheOwnersData() {
        for (String owner : List.of(alice, bob)) {
            store.list(owner).forEach(a -> store.delete(owner, a.id()));
            store.replaceRecoveryCodes(owner, Set.of());
        }
    }

    @Test
    void anEnrolledAppReadsBackWholeAndOnlyForItsOwnerOldestFirst() {
        StoredAuthenticator second = create(alice, "second", now.plusSeconds(1));
        StoredAuthenticator first = create(alice, "first", now);
        StoredAuthenticator tieA = create(alice, "tie a", now.plusSeconds(2));
        StoredAuthenticator tieB = create(alice, "tie b", now.plusSeconds(2));
        StoredAuthenticator bobs = create(bob, "bob's", now);

        List<StoredAuthenticator> ties = new ArrayList<>(List.of(tieA, tieB));
        ties.sort(Comparator.comparing(a -> a.id().toString()));
        assertEquals(List.of(first, second, ties.get(0), ties.get(1)), store.list(alice));
        assertEquals(List.of(bobs), store.list(bob));
        assertTrue(store.list("nobody-" + UUID.randomUUID()).isEmpty());
    }

    @Test
    void onlyTheOwnerVerifiesOrDeletesAnApp() {
        StoredAuthenticator app = create(alice, "phone", now);
        assertFalse(store.markVerified(bob, app.id()));
        assertFalse(store.delete(bob, app.id()));
        assertFalse(store.list(alice).get(0).verified());

        assertTrue(store.markVerified(alice, app.id()));
        assertTrue(store.list(alice).get(0).verified());
        assertFalse(store.markVerified(alice, UUID.randomUUID()));

        assertTrue(store.delete(alice, app.id()));
        assertFalse(store.delete(alice, app.id()));
        assertTrue(store.list(alice).isEmpty());
    }

    @Test
    void aStepIsAcceptedOnlyWhenLaterThanEveryStepAcceptedFromTheOwner() {
        assertTrue(store.acceptStep(alice, 1_000));
        assertFalse(store.acceptStep(alice, 1_000), "the same step twice");
        assertFalse(store.acceptStep(alice, 999), "an earlier step after a later one");
        assertTrue(store.acceptStep(alice, 1_001));
        assertTrue(store.acceptStep(bob, 1_000), "owners do not share steps");
        // Steps of today's clock and period are about 59 million; of a one-second period, 1.8 billion.
        assertTrue(store.acceptStep(alice, 1_800_000_000_000L));
        assertFalse(store.acceptStep(alice, 1_799_999_999_999L));
    }

    @Test
    void concurrentAcceptancesOfOneStepAcceptItOnce() throws Exception {
        List<Boolean> accepted = Concurrently.run(50, caller -> store.acceptStep(alice, 59_000_000));
        assertEquals(1, accepted.stream().filter(a -> a).count());
    }

    @Test
    void recoveryCodesAreReplacedCountedAndSpentOnce() {
        store.replaceRecoveryCodes(alice, Set.of("a1", "a2", "a3"));
        store.replaceRecoveryCodes(bob, Set.of("b1"));
        assertEquals(3, store.countRecoveryCodes(alice));

        assertFalse(store.spendRecoveryCode(bob, "a1"), "bob spent alice's code");
        assertTrue(store.spendRecoveryCode(alice, "a1"));
        assertFalse(store.spendRecoveryCode(alice, "a1"), "spent twice");
        assertEquals(2, store.countRecoveryCodes(alice));

        store.replaceRecoveryCodes(alice, Set.of("a4"));
        assertFalse(store.spendRecoveryCode(alice, "a2"), "a revoked code was spent");
        assertEquals(1, store.countRecoveryCodes(alice));
        assertEquals(1, store.countRecoveryCodes(bob));
        assertEquals(0, store.countRecoveryCodes("nobody-" + UUID.randomUUID()));
    }

    @Test
    void concurrentSpendsOfOneRecoveryCodeSpendItOnce() throws Exception {
        store.replaceRecoveryCodes(alice, Set.of("only"));
        List<Boolean> spent = Concurrently.run(50, caller -> store.spendRecoveryCode(alice, "only"));
        assertEquals(1, spent.stream().filter(s -> s).count());
        assertEquals(0, store.countRecoveryCodes(alice));
    }

    private StoredAuthenticator create(String owner, String label, Instant createdAt) {
        StoredAuthenticator app = new StoredAuthenticator(UUID.randomUUID(), owner, label, "sealed-" + label, false,
                createdAt);
        store.create(app);
        return app;
    }
}
