package io.quarkiverse.twofactor.it;

import static io.quarkiverse.twofactor.it.Api.freshRecipient;
import static io.quarkiverse.twofactor.it.Api.wrongCode;
import static org.junit.jupiter.api.Assertions.assertEquals;
import static org.junit.jupiter.api.Assertions.assertFalse;
import static org.junit.jupiter.api.Assertions.assertNull;
import static org.junit.jupiter.api.Assertions.assertThrows;
import static org.junit.jupiter.api.Assertions.assertTrue;

import java.time.Instant;
import java.util.List;
import java.util.Map;
import java.util.UUID;
import java.util.concurrent.ThreadLocalRandom;

import jakarta.inject.Inject;

import org.junit.jupiter.api.BeforeEach;
import org.junit.jupiter.api.Test;

import io.quarkiverse.twofactor.AddedDestination;
import io.quarkiverse.twofactor.Binding;
import io.quarkiverse.twofactor.ConfirmResult;
import io.quarkiverse.twofactor.ConfirmResult.Outcome;
import io.quarkiverse.twofactor.ConfirmationState;
import io.quarkiverse.twofactor.Confirmer;
import io.quarkiverse.twofactor.Destination;
import io.quarkiverse.twofactor.DestinationExistsException;
import io.quarkiverse.twofactor.DestinationNotVerifiedException;
import io.quarkiverse.twofactor.Destinations;
import io.quarkiverse.twofactor.NewConfirmation;
import io.quarkiverse.twofactor.NoDestinationException;
import io.quarkiverse.twofactor.SenderFailedException;
import io.quarkiverse.twofactor.Status;
import io.quarkiverse.twofactor.TooManySendsException;
import io.quarkiverse.twofactor.UnknownSenderException;
import io.quarkiverse.twofactor.demo.DemoInbox;
import io.quarkus.test.junit.QuarkusTest;

/**
 * Users' destinations through the Java API, on the demo's configuration: the default sender delivers to the demo inbox,
 * {@code broken} always fails, {@code log} logs. Each test has owners of its own.
 */
@QuarkusTest
class DestinationsTest {

    @Inject
    Destinations destinations;

    @Inject
    Confirmer confirmer;

    @Inject
    DemoInbox inbox;

    String alice;
    String bob;

    @BeforeEach
    void freshOwners() {
        String run = UUID.randomUUID().toString();
        alice = "alice-" + run;
        bob = "bob-" + run;
    }

    @Test
    void anAddedDestinationIsUnverifiedAndItsRecipientGetsACode() {
        String recipient = freshRecipient();
        AddedDestination added = destinations.add(alice, null, recipient);

        Destination destination = added.destination();
        assertEquals(alice, destination.owner());
        assertEquals("default", destination.sender());
        assertEquals(recipient, destination.recipient());
        assertFalse(destination.verified());
        assertFalse(destination.isDefault());
        assertEquals(List.of(destination), destinations.list(alice));

        ConfirmationState state = added.confirmation().state();
        assertEquals(alice, state.owner());
        assertEquals(Destinations.VERIFY_PURPOSE, state.purpose());
        assertEquals(Map.of("destination", destination.id().toString()), state.meta());
        assertEquals(added.confirmation().code(), inbox.last(recipient).orElseThrow().code());
        assertEquals(state.id(), inbox.last(recipient).orElseThrow().confirmationId());
    }

    @Test
    void aWrongCodeCountsAndOnlyTheDeliveredCodeVerifies() {
        String recipient = freshRecipient();
        AddedDestination added = destinations.add(alice, null, recipient);
        UUID confirmation = added.confirmation().state().id();
        String code = inbox.last(recipient).orElseThrow().code();

        ConfirmResult wrong = destinations.verify(alice, confirmation, wrongCode(code));
        assertEquals(Outcome.WRONG_CODE, wrong.outcome());
        assertEquals(4, wrong.remainingAttempts());
        assertFalse(destinations.find(alice, added.destination().id()).orElseThrow().verified());

        assertEquals(Outcome.CONFIRMED, destinations.verify(alice, confirmation, code).outcome());
        assertTrue(destinations.find(alice, added.destination().id()).orElseThrow().verified());
        assertEquals(Status.USED, confirmer.check(confirmation).orElseThrow().status(), "the confirmation was not spent");
        assertEquals(Outcome.NOT_PENDING, destinations.verify(alice, confirmation, code).outcome());
    }

    @Test
    void theFirstVerifiedDestinationOfASenderIsItsDefaultUntilAnotherIsMadeDefault() {
        Destination first = verifiedDestination(alice, null, freshRecipient());
        assertTrue(first.verified());
        assertTrue(first.isDefault());

        Destination second = verifiedDestination(alice, null, freshRecipient());
        assertTrue(second.verified());
        assertFalse(second.isDefault(), "a second verified destination took the default");

        Destination logged = verifiedDestination(alice, "log", freshRecipient());
        assertTrue(logged.isDefault(), "the first of another sender is that sender's default");

        assertTrue(destinations.makeDefault(alice, second.id()));
        assertTrue(destinations.find(alice, second.id()).orElseThrow().isDefault());
        assertFalse(destinations.find(alice, first.id()).orElseThrow().isDefault());
        assertTrue(destinations.find(alice, logged.id()).orElseThrow().isDefault());
    }

    @Test
    void anUnverifiedDestinationCannotBeTheDefault() {
        Destination unverified = destinations.add(alice, null, freshRecipient()).destination();
        assertThrows(DestinationNotVerifiedException.class, () -> destinations.makeDefault(alice, unverified.id()));
        assertFalse(destinations.find(alice, unverified.id()).orElseThrow().isDefault());
        assertFalse(destinations.makeDefault(alice, UUID.randomUUID()));
    }

    @Test
    void anotherOwnerCannotSeeVerifyRemoveOrPickADestination() {
        String recipient = freshRecipient();
        AddedDestination added = destinations.add(alice, null, recipient);
        UUID id = added.destination().id();
        UUID confirmation = added.confirmation().state().id();
        String code = inbox.last(recipient).orElseThrow().code();

        assertTrue(destinations.list(bob).isEmpty());
        assertTrue(destinations.find(bob, id).isEmpty());
        ConfirmResult bobs = destinations.verify(bob, confirmation, code);
        assertEquals(Outcome.NOT_FOUND, bobs.outcome());
        assertNull(bobs.state());
        assertEquals(Outcome.NOT_FOUND, destinations.verify(bob, confirmation, wrongCode(code)).outcome());
        assertEquals(0, confirmer.check(confirmation).orElseThrow().attempts(), "bob's tries counted against alice");
        assertFalse(destinations.remove(bob, id));
        assertFalse(destinations.makeDefault(bob, id));
        assertThrows(NoDestinationException.class,
                () -> destinations.request(new Binding(bob, "payment"), null, id));

        assertEquals(Outcome.CONFIRMED, destinations.verify(alice, confirmation, code).outcome());
        assertTrue(destinations.find(alice, id).orElseThrow().verified());
        assertFalse(destinations.hasVerified(bob));
    }

    @Test
    void aConfirmationMadeForAnotherPurposeVerifiesNothing() {
        String recipient = freshRecipient();
        Destination destination = destinations.add(alice, null, recipient).destination();
        NewConfirmation payment = confirmer.request(new Binding(alice, "payment"), null, recipient,
                Map.of("destination", destination.id().toString()));

        assertEquals(Outcome.NOT_FOUND, destinations.verify(alice, payment.state().id(), payment.code()).outcome());
        assertEquals(Status.PENDING, confirmer.check(payment.state().id()).orElseThrow().status());
        assertFalse(destinations.find(alice, destination.id()).orElseThrow().verified());
    }

    @Test
    void aCodeSentElsewhereCannotVerifyADestination() {
        Destination destination = destinations.add(alice, null, freshRecipient()).destination();
        // Bound and purposed like a verification, but its code went to another recipient.
        NewConfirmation elsewhere = confirmer.request(new Binding(alice, Destinations.VERIFY_PURPOSE), null,
                freshRecipient(), Map.of("destination", destination.id().toString()));

        assertEquals(Outcome.NOT_FOUND,
                destinations.verify(alice, elsewhere.state().id(), elsewhere.code()).outcome());
        assertFalse(destinations.find(alice, destination.id()).orElseThrow().verified());
    }

    @Test
    void aRequestSendsTheCodeToTheDefaultVerifiedDestinationOrTheNamedOne() {
        Destination phone = verifiedDestination(alice, null, freshRecipient());
        Destination second = verifiedDestination(alice, null, freshRecipient());
        Binding payment = new Binding(alice, "payment");

        NewConfirmation toDefault = destinations.request(payment, null, null);
        ConfirmationState state = toDefault.state();
        assertEquals(phone.recipient(), state.recipient());
        assertEquals(alice, state.owner());
        assertEquals("payment", state.purpose());
        assertEquals(toDefault.code(), inbox.last(phone.recipient()).orElseThrow().code());
        assertEquals(Outcome.CONFIRMED, confirmer.confirm(state.id(), alice, toDefault.code()).outcome());
        assertTrue(confirmer.use(state.id(), payment));

        NewConfirmation toSecond = destinations.request(payment, null, second.id());
        assertEquals(second.recipient(), toSecond.state().recipient());
        assertEquals(toSecond.code(), inbox.last(second.recipient()).orElseThrow().code());

        assertEquals(phone.recipient(), destinations.request(payment, "default", null).state().recipient());
    }

    @Test
    void withoutAVerifiedDestinationThereIsNowhereToSend() {
        Binding payment = new Binding(alice, "payment");
        assertThrows(NoDestinationException.class, () -> destinations.request(payment, null, null));
        assertFalse(destinations.hasVerified(alice));

        Destination unverified = destinations.add(alice, null, freshRecipient()).destination();
        assertThrows(NoDestinationException.class, () -> destinations.request(payment, null, null));
        assertThrows(NoDestinationException.class, () -> destinations.request(payment, null, unverified.id()));
        assertThrows(NoDestinationException.class, () -> destinations.request(payment, null, UUID.randomUUID()));
        assertFalse(destinations.hasVerified(alice));

        verifiedDestination(alice, null, freshRecipient());
        assertTrue(destinations.hasVerified(alice));
        assertThrows(NoDestinationException.class, () -> destinations.request(payment, "log", null),
                "another sender's destination was used");
        assertThrows(UnknownSenderException.class, () -> destinations.request(payment, "pigeon", null));
    }

    @Test
    void theSameRecipientTwiceForOneSenderIsRefused() {
        String recipient = freshRecipient();
        destinations.add(alice, null, recipient);
        assertThrows(DestinationExistsException.class, () -> destinations.add(alice, "default", recipient));
        assertEquals(1, destinations.list(alice).size());

        destinations.add(alice, "log", recipient);
        destinations.add(bob, null, recipient);
        assertEquals(2, destinations.list(alice).size());
        assertEquals(1, destinations.list(bob).size());
    }

    @Test
    void nothingIsAddedWhenNoCodeCanBeSent() {
        assertThrows(UnknownSenderException.class, () -> destinations.add(alice, "pigeon", freshRecipient()));
        assertThrows(IllegalArgumentException.class, () -> destinations.add(alice, null, " "));
        assertThrows(SenderFailedException.class, () -> destinations.add(alice, "broken", freshRecipient()));

        String busy = freshRecipient();
        for (int i = 0; i < 5; i++) {
            confirmer.request(null, busy, Map.of());
        }
        assertThrows(TooManySendsException.class, () -> destinations.add(alice, null, busy));
        assertTrue(destinations.list(alice).isEmpty(), () -> "left behind: " + destinations.list(alice));
    }

    @Test
    void removingTheDefaultPassesItToTheOldestOtherVerifiedDestination() {
        Destination first = verifiedDestination(alice, null, freshRecipient());
        Destination second = verifiedDestination(alice, null, freshRecipient());
        Destination third = verifiedDestination(alice, null, freshRecipient());

        assertTrue(destinations.remove(alice, first.id()));
        assertFalse(destinations.remove(alice, first.id()));
        assertTrue(destinations.find(alice, second.id()).orElseThrow().isDefault());
        assertFalse(destinations.find(alice, third.id()).orElseThrow().isDefault());
        assertEquals(List.of(second.id(), third.id()), destinations.list(alice).stream().map(Destination::id).toList());
    }

    @Test
    void listingsShowRecipientsMasked() {
        // Numbers and addresses of their own, so that reruns on a kept database stay under the send limit.
        String number = "+1555123" + (1000 + ThreadLocalRandom.current().nextInt(9000));
        String address = "a" + UUID.randomUUID() + "@example.com";
        Destination phone = destinations.add(alice, "log", number).destination();
        Destination mail = destinations.add(alice, "log", address).destination();

        String maskedNumber = "+1•••••" + number.substring(number.length() - 4);
        assertEquals(maskedNumber, phone.maskedRecipient());
        assertEquals("a•••@example.com", mail.maskedRecipient());
        assertEquals(List.of(maskedNumber, "a•••@example.com"),
                destinations.list(alice).stream().map(Destination::maskedRecipient).toList());
        assertFalse(phone.toString().contains(number), phone::toString);
        assertFalse(mail.toString().contains(address), mail::toString);
    }

    @Test
    void theMasksOfTheIssue() {
        assertEquals("+1•••••4567", destination("+15551234567").maskedRecipient());
        assertEquals("a•••@example.com", destination("alice@example.com").maskedRecipient());
    }

    @Test
    void ownersAreChecked() {
        assertThrows(IllegalArgumentException.class, () -> destinations.list(" "));
        assertThrows(IllegalArgumentException.class, () -> destinations.add(null, null, freshRecipient()));
        assertThrows(IllegalArgumentException.class, () -> destinations.verify("x".repeat(256), UUID.randomUUID(), "1"));
    }

    private Destination destination(String recipient) {
        return new Destination(UUID.randomUUID(), alice, "default", recipient, true, true, Instant.now());
    }

    /** Adds a destination and verifies it with the code sent to it. */
    private Destination verifiedDestination(String owner, String sender, String recipient) {
        AddedDestination added = destinations.add(owner, sender, recipient);
        assertEquals(Outcome.CONFIRMED,
                destinations.verify(owner, added.confirmation().state().id(), added.confirmation().code()).outcome());
        return destinations.find(owner, added.destination().id()).orElseThrow();
    }
}
