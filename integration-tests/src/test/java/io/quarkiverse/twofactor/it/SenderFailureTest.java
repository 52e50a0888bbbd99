package io.quarkiverse.twofactor.it;

import static org.junit.jupiter.api.Assertions.assertEquals;
import static org.junit.jupiter.api.Assertions.assertFalse;
import static org.junit.jupiter.api.Assertions.assertThrows;

import java.util.Map;
import java.util.UUID;

import jakarta.inject.Inject;

import org.junit.jupiter.api.Test;

import io.quarkiverse.twofactor.ConfirmResult;
import io.quarkiverse.twofactor.Confirmer;
import io.quarkiverse.twofactor.SenderFailedException;
import io.quarkiverse.twofactor.Status;
import io.quarkus.test.junit.QuarkusTest;

@QuarkusTest
class SenderFailureTest {

    @Inject
    Confirmer confirmer;

    @Inject
    AlwaysFailingBackend failing;

    @Test
    void failedDeliveryIsRetriedThenLeavesAFailedConfirmationThatNoCodeConfirms() {
        int before = failing.calls.get();
        SenderFailedException failure = assertThrows(SenderFailedException.class,
                () -> confirmer.request("broken", "someone@example.com", Map.of()));

        assertEquals("broken", failure.senderKey());
        assertEquals(before + 3, failing.calls.get(), "an I/O failure is tried retry.max-attempts (3) times in all");
        UUID id = failure.confirmationId();
        assertEquals(Status.FAILED, confirmer.check(id).orElseThrow().status());
        assertEquals(ConfirmResult.Outcome.NOT_PENDING, confirmer.confirm(id, failing.lastCode).outcome());
        assertFalse(confirmer.use(id));
    }
}
