package io.quarkiverse.twofactor.it.store;

import static org.junit.jupiter.api.Assertions.assertEquals;
import static org.junit.jupiter.api.Assertions.assertFalse;
import static org.junit.jupiter.api.Assertions.assertTrue;

import java.time.Instant;
import java.time.temporal.ChronoUnit;
import java.util.ArrayList;
import java.util.Comparator;
import java.util.List;
import java.util.UUID;

import jakarta.inject.Inject;

import org.junit.jupiter.api.AfterEach;
import org.junit.jupiter.api.BeforeEach;
import org.junit.jupiter.api.Test;

import io.quarkiverse.twofactor.Destination;
import io.quarkiverse.twofactor.it.Concurrently;
import io.quarkiverse.twofactor.runtime.destination.DestinationStoreSelector;
import io.quarkiverse.twofactor.spi.DestinationStore;
import io.quarkiverse.twofactor.spi.DestinationStore.DefaultChange;

/**
 * The behaviour every {@link DestinationStore} owes, run once per store by the subclasses. Each test has owners of its
 * own, so that the suite can run again on a database or Redis server that kept an earlier run's data.
 */
public abstract class DestinationStoreContractSuite {

    private static final String SMS = "sms";
    private static final String EMAIL = "email";

    @Inject
    DestinationStoreSelector selector;

    DestinationStore store;
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

    /** Destinations never expire: a shared database or Redis server keeps none of the suite's. */
    @AfterEach
    void deleteTheOwnersDestinations() {
        for (String owner : List.of(alice, bob)) {
            store.list(owner).forEach(d -> store.delete(owner, d.id()));
        }
    }

    @Test
    void aCreatedDestinationReadsBackWholeUnverifiedAndNotDefault() {
        Destination made = create(alice, SMS, "+15551234567", now);
        assertEquals(made, store.find(alice, made.id()).orElseThrow());
        assertEquals(List.of(made), store.list(alice));
        assertTrue(store.find(alice, UUID.randomUUID()).isEmpty());
    }

    @Test
    void theSameSenderAndRecipientTwiceForOneOwnerIsRefused() {
        Destination first = create(alice, SMS, "+15551234567", now);
        assertFalse(store.create(destination(alice, SMS, "+15551234567", now.plusSeconds(1))));
        assertEquals(List.of(first), store.list(alice), "the refused one was stored");

        create(alice, EMAIL, "+15551234567", now.plusSeconds(2));
        create(bob, SMS, "+15551234567", now.plusSeconds(3));
        assertEquals(2, store.list(alice).size());
    }

    @Test
    void concurrentAddsOfOneRecipientStoreItOnce() throws Exception {
        List<Boolean> created = Concurrently.run(20,
                caller -> store.create(destination(alice, SMS, "+15557654321", now.plusMillis(caller))));
        assertEquals(1, created.stream().filter(c -> c).count());
        assertEquals(1, store.list(alice).size());
    }

    @Test
    void anOwnerListsOnlyTheirOwnDestinationsOldestFirst() {
        Destination third = create(alice, SMS, "+15550000003", now.plusSeconds(2));
        Destination first = create(alice, EMAIL, "alice@example.com", now);
        Destination second = create(alice, SMS, "+15550000002", now.plusSeconds(1));
        // Added in one millisecond: ordered by id, the way databases order UUIDs.
        Destination tieA = create(alice, SMS, "+15550000004", now.plusSeconds(3));
        Destination tieB = create(alice, SMS, "+15550000005", now.plusSeconds(3));
        Destination bobs = create(bob, SMS, "+15550000009", now);

        List<Destination> ties = new ArrayList<>(List.of(tieA, tieB));
        ties.sort(Comparator.comparing(d -> d.id().toString()));
        assertEquals(List.of(first, second, third, ties.get(0), ties.get(1)), store.list(alice));
        assertEquals(List.of(bobs), store.list(bob));
        assertTrue(store.find(bob, first.id()).isEmpty(), "bob found alice's destination");
        assertTrue(store.list("nobody-" + UUID.randomUUID()).isEmpty());
    }

    @Test
    void theFirstVerifiedDestinationOfASenderBecomesItsDefault() {
        Destination phone = create(alice, SMS, "+15550000001", now);
        Destination otherPhone = create(alice, SMS, "+15550000002", now.plusSeconds(1));
        Destination mail = create(alice, EMAIL, "alice@example.com", now.plusSeconds(2));

        assertTrue(store.markVerified(alice, phone.id()));
        assertState(phone, true, true);
        assertTrue(store.markVerified(alice, otherPhone.id()));
        assertState(otherPhone, true, false);
        assertTrue(store.markVerified(alice, mail.id()));
        assertState(mail, true, true);

        assertTrue(store.markVerified(alice, otherPhone.id()), "verifying again");
        assertState(otherPhone, true, false);
        assertState(phone, true, true);
    }

    @Test
    void markVerifiedActsOnlyOnTheOwnersDestinations() {
        Destination phone = create(alice, SMS, "+15550000001", now);
        assertFalse(store.markVerified(bob, phone.id()));
        assertFalse(store.markVerified(alice, UUID.randomUUID()));
        assertState(phone, false, false);
    }

    @Test
    void makeDefaultMovesTheDefaultWithinOneSender() {
        Destination phone = verified(alice, SMS, "+15550000001", now);
        Destination otherPhone = verified(alice, SMS, "+15550000002", now.plusSeconds(1));
        Destination mail = verified(alice, EMAIL, "alice@example.com", now.plusSeconds(2));
        Destination unverified = create(alice, SMS, "+15550000003", now.plusSeconds(3));

        assertEquals(DefaultChange.MADE_DEFAULT, store.makeDefault(alice, otherPhone.id()));
        assertState(otherPhone, true, true);
        assertState(phone, true, false);
        assertState(mail, true, true);

        assertEquals(DefaultChange.NOT_VERIFIED, store.makeDefault(alice, unverified.id()));
        assertEquals(DefaultChange.NOT_FOUND, store.makeDefault(bob, phone.id()));
        assertEquals(DefaultChange.NOT_FOUND, store.makeDefault(alice, UUID.randomUUID()));
        assertState(otherPhone, true, true);
        assertState(unverified, false, false);
        assertState(phone, true, false);
    }

    @Test
    void concurrentMakeDefaultCallsLeaveExactlyOneDefault() throws Exception {
        List<Destination> phones = new ArrayList<>();
        for (int i = 0; i < 50; i++) {
            phones.add(verified(alice, SMS, "+1555000" + (1000 + i), now.plusMillis(i)));
        }
        List<DefaultChange> changes = Concurrently.run(50,
                caller -> store.makeDefault(alice, phones.get(caller).id()));
        assertTrue(changes.stream().allMatch(c -> c == DefaultChange.MADE_DEFAULT), changes::toString);
        assertEquals(1, store.list(alice).stream().filter(Destination::isDefault).count());
    }

    @Test
    void concurrentVerificationsLeaveExactlyOneDefault() throws Exception {
        List<Destination> phones = new ArrayList<>();
        for (int i = 0; i < 20; i++) {
            phones.add(create(alice, SMS, "+1555000" + (2000 + i), now.plusMillis(i)));
        }
        List<Boolean> marked = Concurrently.run(20, caller -> store.markVerified(alice, phones.get(caller).id()));
        assertTrue(marked.stream().allMatch(m -> m));
        List<Destination> after = store.list(alice);
        assertTrue(after.stream().allMatch(Destination::verified));
        assertEquals(1, after.stream().filter(Destination::isDefault).count());
    }

    @Test
    void anOwnerDeletesOnlyTheirOwnDestinations() {
        Destination phone = create(alice, SMS, "+15550000001", now);
        assertFalse(store.delete(bob, phone.id()));
        assertTrue(store.find(alice, phone.id()).isPresent(), "bob deleted alice's destination");
        assertTrue(store.delete(alice, phone.id()));
        assertFalse(store.delete(alice, phone.id()));
        assertTrue(store.list(alice).isEmpty());
        assertTrue(store.create(destination(alice, SMS, "+15550000001", now)), "the recipient can be added again");
    }

    @Test
    void deletingTheDefaultMakesTheOldestVerifiedOneOfItsSenderTheDefault() {
        Destination phone = verified(alice, SMS, "+15550000001", now);
        create(alice, SMS, "+15550000002", now.plusSeconds(1));
        Destination older = verified(alice, SMS, "+15550000003", now.plusSeconds(2));
        Destination newer = verified(alice, SMS, "+15550000004", now.plusSeconds(3));
        Destination mail = verified(alice, EMAIL, "alice@example.com", now.plusSeconds(4));

        assertTrue(store.delete(alice, phone.id()));
        assertState(older, true, true);
        assertState(newer, true, false);
        assertState(mail, true, true);

        assertTrue(store.delete(alice, newer.id()), "deleting one that is not the default");
        assertState(older, true, true);
    }

    private void assertState(Destination made, boolean verified, boolean isDefault) {
        Destination now = store.find(made.owner(), made.id()).orElseThrow();
        assertEquals(verified, now.verified(), () -> "verified: " + now);
        assertEquals(isDefault, now.isDefault(), () -> "default: " + now);
        assertEquals(new Destination(made.id(), made.owner(), made.sender(), made.recipient(), verified, isDefault,
                made.createdAt()), now);
    }

    private Destination verified(String owner, String sender, String recipient, Instant createdAt) {
        Destination made = create(owner, sender, recipient, createdAt);
        assertTrue(store.markVerified(owner, made.id()));
        return store.find(owner, made.id()).orElseThrow();
    }

    private Destination create(String owner, String sender, String recipient, Instant createdAt) {
        Destination made = destination(owner, sender, recipient, createdAt);
        assertTrue(store.create(made), "not created");
        return made;
    }

    private static Destination destination(String owner, String sender, String recipient, Instant createdAt) {
        return new Destination(UUID.randomUUID(), owner, sender, recipient, false, false, createdAt);
    }
}
