package io.quarkiverse.twofactor.it;

import static org.junit.jupiter.api.Assertions.assertEquals;

import java.util.List;
import java.util.Map;

import jakarta.inject.Inject;

import org.junit.jupiter.api.Test;

import io.quarkiverse.twofactor.ConfirmResult;
import io.quarkiverse.twofactor.Confirmer;
import io.quarkiverse.twofactor.NewConfirmation;
import io.quarkiverse.twofactor.Status;
import io.quarkus.test.junit.QuarkusTest;

/** The store's conditional updates under 200 simultaneous callers on one confirmation. */
@QuarkusTest
class ConcurrencyTest {

    private static final int CALLERS = 200;

    @Inject
    Confirmer confirmer;

    @Test
    void twoHundredConcurrentUsesSucceedExactlyOnce() throws Exception {
        NewConfirmation made = confirmer.make(Map.of());
        assertEquals(ConfirmResult.Outcome.CONFIRMED, confirmer.confirm(made.state().id(), made.code()).outcome());

        List<Boolean> results = Concurrently.run(CALLERS, caller -> confirmer.use(made.state().id()));

        assertEquals(1, results.stream().filter(used -> used).count());
        assertEquals(Status.USED, confirmer.check(made.state().id()).orElseThrow().status());
    }

    @Test
    void twoHundredConcurrentWrongCodesNeverCountMoreThanMaxAttempts() throws Exception {
        NewConfirmation made = confirmer.make(Map.of());
        String wrong = Api.wrongCode(made.code());

        List<ConfirmResult> results = Concurrently.run(CALLERS,
                caller -> confirmer.confirm(made.state().id(), wrong));

        assertEquals(5, confirmer.check(made.state().id()).orElseThrow().attempts());
        assertEquals(0, results.stream().filter(r -> r.outcome() == ConfirmResult.Outcome.CONFIRMED).count());
        assertEquals(ConfirmResult.Outcome.ATTEMPTS_EXHAUSTED,
                confirmer.confirm(made.state().id(), made.code()).outcome());
        assertEquals(Status.FAILED, confirmer.check(made.state().id()).orElseThrow().status());
    }

    @Test
    void twoHundredConcurrentRightCodesConfirmOnce() throws Exception {
        NewConfirmation made = confirmer.make(Map.of());

        List<ConfirmResult> results = Concurrently.run(CALLERS,
                caller -> confirmer.confirm(made.state().id(), made.code()));

        assertEquals(1, results.stream().filter(r -> r.outcome() == ConfirmResult.Outcome.CONFIRMED).count());
        assertEquals(CALLERS - 1, results.stream().filter(r -> r.outcome() == ConfirmResult.Outcome.NOT_PENDING).count());
    }
}
