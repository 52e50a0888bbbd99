package io.quarkiverse.twofactor.it;

import static org.junit.jupiter.api.Assertions.assertEquals;
import static org.junit.jupiter.api.Assertions.assertThrows;
import static org.junit.jupiter.api.Assertions.assertTrue;

import java.util.Map;
import java.util.UUID;
import java.util.concurrent.atomic.AtomicReference;

import jakarta.inject.Inject;

import org.junit.jupiter.api.Test;

import io.quarkiverse.twofactor.ConfirmResult;
import io.quarkiverse.twofactor.Confirmer;
import io.quarkiverse.twofactor.NewConfirmation;
import io.quarkiverse.twofactor.Status;
import io.quarkiverse.twofactor.TooManySendsException;
import io.quarkus.narayana.jta.QuarkusTransaction;
import io.quarkus.test.junit.QuarkusTest;

/**
 * How the confirmer meets the caller's transaction with the Hibernate ORM store: {@code use} takes part in it, while
 * what {@code request} and {@code confirm} count never rolls back with it.
 */
@QuarkusTest
class TransactionsTest {

    @Inject
    Confirmer confirmer;

    @Test
    void aUseRolledBackWithTheProtectedActionCanBeRetried() {
        NewConfirmation made = confirmer.make(Map.of());
        UUID id = made.state().id();
        assertEquals(ConfirmResult.Outcome.CONFIRMED, confirmer.confirm(id, made.code()).outcome());

        assertThrows(ActionFailed.class, () -> QuarkusTransaction.requiringNew().run(() -> {
            assertTrue(confirmer.use(id));
            throw new ActionFailed();
        }));

        assertEquals(Status.CONFIRMED, confirmer.check(id).orElseThrow().status());
        assertTrue(confirmer.use(id), "a retry of the action can use the confirmation");
    }

    @Test
    void aWrongCodeStaysCountedWhenTheCallersTransactionRollsBack() {
        NewConfirmation made = confirmer.make(Map.of());
        UUID id = made.state().id();

        // An endpoint that answers a wrong code by throwing rolls its transaction back: the attempt must still count.
        assertThrows(ActionFailed.class, () -> QuarkusTransaction.requiringNew().run(() -> {
            assertEquals(ConfirmResult.Outcome.WRONG_CODE, confirmer.confirm(id, wrong(made.code())).outcome());
            throw new ActionFailed();
        }));

        assertEquals(1, confirmer.check(id).orElseThrow().attempts());
    }

    @Test
    void requestsStayMadeAndCountedWhenTheCallersTransactionRollsBack() {
        String recipient = "rollback-" + UUID.randomUUID() + "@example.com";
        for (int send = 1; send <= 5; send++) {
            AtomicReference<NewConfirmation> made = new AtomicReference<>();
            assertThrows(ActionFailed.class, () -> QuarkusTransaction.requiringNew().run(() -> {
                made.set(confirmer.request("default", recipient, Map.of()));
                throw new ActionFailed();
            }));
            // Its code was sent, so the confirmation it belongs to is kept.
            assertEquals(Status.PENDING, confirmer.check(made.get().state().id()).orElseThrow().status());
        }
        assertThrows(TooManySendsException.class, () -> confirmer.request("default", recipient, Map.of()),
                "the five sends rolled back with their callers still count against the limit");
    }

    private static String wrong(String code) {
        return (code.charAt(0) == '0' ? "1" : "0") + code.substring(1);
    }

    /** The protected action, or the caller's own handling, failing after the confirmer's call. */
    private static final class ActionFailed extends RuntimeException {
        ActionFailed() {
            super("the caller's transaction rolls back");
        }
    }
}
