package io.quarkiverse.twofactor.it;

import static io.quarkiverse.twofactor.it.StepUp.ALICE;
import static io.quarkiverse.twofactor.it.StepUp.confirmed;
import static org.junit.jupiter.api.Assertions.assertEquals;

import java.util.List;
import java.util.UUID;

import jakarta.inject.Inject;

import org.junit.jupiter.api.Test;

import io.quarkiverse.twofactor.Confirmer;
import io.quarkiverse.twofactor.demo.DemoResource;
import io.quarkus.test.junit.QuarkusTest;

/** Step-up spends a confirmation atomically: of simultaneous requests carrying it, one reaches the method. */
@QuarkusTest
class StepUpConcurrencyTest {

    private static final int CALLERS = 100;

    @Inject
    Confirmer confirmer;

    @Inject
    DemoResource demo;

    @Test
    void aHundredConcurrentRequestsWithOneConfirmationRunTheActionExactlyOnce() throws Exception {
        UUID id = confirmed(confirmer, ALICE);
        int doneBefore = demo.securedActionsDone();

        List<Integer> statuses = Concurrently.run(CALLERS,
                caller -> StepUp.securedActionAsAlice(id).extract().statusCode());

        assertEquals(1, statuses.stream().filter(status -> status == 200).count(), () -> "statuses: " + statuses);
        assertEquals(CALLERS - 1, statuses.stream().filter(status -> status == 403).count(),
                () -> "statuses: " + statuses);
        assertEquals(doneBefore + 1, demo.securedActionsDone(), "the action's body must run exactly once");
    }
}
