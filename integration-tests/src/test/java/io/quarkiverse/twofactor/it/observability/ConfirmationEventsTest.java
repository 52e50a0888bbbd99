package io.quarkiverse.twofactor.it.observability;

import static io.quarkiverse.twofactor.ConfirmationEvent.Kind.CONFIRMED;
import static io.quarkiverse.twofactor.ConfirmationEvent.Kind.DELIVERED;
import static io.quarkiverse.twofactor.ConfirmationEvent.Kind.DELIVERY_FAILED;
import static io.quarkiverse.twofactor.ConfirmationEvent.Kind.LOCKED_OUT;
import static io.quarkiverse.twofactor.ConfirmationEvent.Kind.REQUESTED;
import static io.quarkiverse.twofactor.ConfirmationEvent.Kind.USED;
import static io.quarkiverse.twofactor.ConfirmationEvent.Kind.WRONG_CODE;
import static io.quarkiverse.twofactor.it.Api.confirm;
import static io.quarkiverse.twofactor.it.Api.deliveredCode;
import static io.quarkiverse.twofactor.it.Api.freshRecipient;
import static io.quarkiverse.twofactor.it.Api.protectedAction;
import static io.quarkiverse.twofactor.it.Api.requestConfirmation;
import static io.quarkiverse.twofactor.it.Api.requestFor;
import static io.quarkiverse.twofactor.it.Api.wrongCode;
import static org.junit.jupiter.api.Assertions.assertEquals;
import static org.junit.jupiter.api.Assertions.assertFalse;
import static org.junit.jupiter.api.Assertions.assertThrows;
import static org.junit.jupiter.api.Assertions.assertTrue;

import java.security.GeneralSecurityException;
import java.time.Duration;
import java.util.ArrayList;
import java.util.Comparator;
import java.util.List;
import java.util.Map;
import java.util.UUID;
import java.util.function.Supplier;

import jakarta.inject.Inject;

import org.eclipse.microprofile.config.inject.ConfigProperty;
import org.junit.jupiter.api.Test;

import io.quarkiverse.twofactor.Binding;
import io.quarkiverse.twofactor.ConfirmationEvent;
import io.quarkiverse.twofactor.ConfirmationEvent.Kind;
import io.quarkiverse.twofactor.Confirmer;
import io.quarkiverse.twofactor.NewConfirmation;
import io.quarkiverse.twofactor.SenderFailedException;
import io.quarkiverse.twofactor.it.CodeHmac;
import io.quarkus.test.junit.QuarkusTest;

/**
 * The CDI events an application observes for its audit trail: one per change, to synchronous and asynchronous
 * observers alike, carrying who and what but never the code, its hash or the recipient.
 */
@QuarkusTest
class ConfirmationEventsTest {

    private static final Duration ASYNC_BOUND = Duration.ofSeconds(5);

    @Inject
    RecordedEvents recorded;

    @Inject
    Confirmer confirmer;

    @ConfigProperty(name = "quarkus.two-factor.code.hash-key")
    String hashKey;

    @Test
    void requestThenWrongThenRightCodeThenUseFiresOneEventPerStepToBothKindsOfObserver() throws Exception {
        String recipient = freshRecipient();
        UUID id = UUID.fromString(requestFor(recipient));
        String code = deliveredCode(recipient);
        String wrong = wrongCode(code);
        confirm(id.toString(), wrong).statusCode(400);
        confirm(id.toString(), code).statusCode(200);
        protectedAction(id.toString()).statusCode(200);

        List<ConfirmationEvent> events = recorded.sync(id);
        assertEquals(List.of(REQUESTED, DELIVERED, WRONG_CODE, CONFIRMED, USED), kinds(events));
        assertEquals(List.of(0, 0, 1, 1, 1), events.stream().map(ConfirmationEvent::attempts).toList());
        for (ConfirmationEvent event : events) {
            assertEquals("default", event.sender());
            assertNothingSecret(event, recipient, code, wrong);
        }
        assertEquals(sortedKinds(events), sortedKinds(awaitAsync(id, events.size())));
    }

    @Test
    void eventsCarryOwnerPurposeAndMetaOfABoundConfirmation() {
        String recipient = freshRecipient();
        NewConfirmation made = confirmer.request(new Binding("alice", "transfer"), "default", recipient,
                Map.of("amount", 42));

        List<ConfirmationEvent> events = recorded.sync(made.state().id());
        assertEquals(List.of(REQUESTED, DELIVERED), kinds(events));
        for (ConfirmationEvent event : events) {
            assertEquals("alice", event.owner());
            assertEquals("transfer", event.purpose());
            assertEquals(Map.of("amount", 42), event.meta());
            assertNothingSecret(event, recipient, made.code(), made.code());
        }
    }

    @Test
    void fifthWrongCodeFiresLockedOutAndTheRightCodeAfterItFiresNothing() {
        String recipient = freshRecipient();
        UUID id = UUID.fromString(requestFor(recipient));
        String code = deliveredCode(recipient);
        for (int i = 0; i < 4; i++) {
            confirm(id.toString(), wrongCode(code)).statusCode(400);
        }
        confirm(id.toString(), wrongCode(code)).statusCode(429);
        confirm(id.toString(), code).statusCode(429);

        List<ConfirmationEvent> events = recorded.sync(id);
        assertEquals(List.of(REQUESTED, DELIVERED, WRONG_CODE, WRONG_CODE, WRONG_CODE, WRONG_CODE, LOCKED_OUT),
                kinds(events));
        assertEquals(5, events.get(events.size() - 1).attempts());
    }

    @Test
    void aFailedDeliveryFiresDeliveryFailed() {
        SenderFailedException failed = assertThrows(SenderFailedException.class,
                () -> confirmer.request("broken", freshRecipient(), Map.of()));

        List<ConfirmationEvent> events = recorded.sync(failed.confirmationId());
        assertEquals(List.of(REQUESTED, DELIVERY_FAILED), kinds(events));
        assertEquals("broken", events.get(1).sender());
    }

    @Test
    void observersThatThrowChangeNothingInTheFlow() throws Exception {
        String recipient = freshRecipient();
        UUID id = UUID.fromString(requestConfirmation(Map.of("recipient", recipient,
                "meta", Map.of(RecordedEvents.THROW, true))).statusCode(201).extract().path("id"));
        confirm(id.toString(), deliveredCode(recipient)).statusCode(200);
        protectedAction(id.toString()).statusCode(200);

        assertEquals(List.of(REQUESTED, DELIVERED, CONFIRMED, USED), kinds(recorded.sync(id)));
        assertEquals(4, awaitAsync(id, 4).size());
    }

    /** No field and not the text of the event holds the code, a wrong code, the code's stored hash or the recipient. */
    private void assertNothingSecret(ConfirmationEvent event, String recipient, String code, String wrong) {
        String hash;
        try {
            hash = CodeHmac.of(hashKey, event.id(), code);
        } catch (GeneralSecurityException e) {
            throw new IllegalStateException(e);
        }
        List<String> fields = new ArrayList<>(List.of(event.toString(), String.valueOf(event.kind()),
                String.valueOf(event.sender()), String.valueOf(event.owner()), String.valueOf(event.purpose()),
                String.valueOf(event.meta())));
        for (String field : fields) {
            for (String secret : List.of(code, wrong, hash, recipient)) {
                assertFalse(field.contains(secret), () -> "an event holds " + secret + ": " + field);
            }
        }
    }

    private List<ConfirmationEvent> awaitAsync(UUID id, int expected) throws InterruptedException {
        long deadline = System.nanoTime() + ASYNC_BOUND.toNanos();
        Supplier<List<ConfirmationEvent>> seen = () -> recorded.async(id);
        while (seen.get().size() < expected && System.nanoTime() < deadline) {
            Thread.sleep(20);
        }
        Thread.sleep(100); // none beyond the expected ones arrives late
        assertTrue(seen.get().size() >= expected, "asynchronous observers saw " + seen.get());
        return seen.get();
    }

    private static List<Kind> kinds(List<ConfirmationEvent> events) {
        return events.stream().map(ConfirmationEvent::kind).toList();
    }

    private static List<Kind> sortedKinds(List<ConfirmationEvent> events) {
        return events.stream().map(ConfirmationEvent::kind).sorted(Comparator.naturalOrder()).toList();
    }
}
