package io.quarkiverse.twofactor.it;

import static org.junit.jupiter.api.Assertions.assertEquals;

import java.util.ArrayList;
import java.util.List;
import java.util.Map;
import java.util.concurrent.Callable;
import java.util.concurrent.CountDownLatch;
import java.util.concurrent.ExecutorService;
import java.util.concurrent.Executors;
import java.util.concurrent.Future;

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

        List<Boolean> results = all(() -> confirmer.use(made.state().id()));

        assertEquals(1, results.stream().filter(used -> used).count());
        assertEquals(Status.USED, confirmer.check(made.state().id()).orElseThrow().status());
    }

    @Test
    void twoHundredConcurrentWrongCodesNeverCountMoreThanMaxAttempts() throws Exception {
        NewConfirmation made = confirmer.make(Map.of());
        String wrong = Api.wrongCode(made.code());

        List<ConfirmResult> results = all(() -> confirmer.confirm(made.state().id(), wrong));

        assertEquals(5, confirmer.check(made.state().id()).orElseThrow().attempts());
        assertEquals(0, results.stream().filter(r -> r.outcome() == ConfirmResult.Outcome.CONFIRMED).count());
        assertEquals(ConfirmResult.Outcome.ATTEMPTS_EXHAUSTED,
                confirmer.confirm(made.state().id(), made.code()).outcome());
        assertEquals(Status.FAILED, confirmer.check(made.state().id()).orElseThrow().status());
    }

    @Test
    void twoHundredConcurrentRightCodesConfirmOnce() throws Exception {
        NewConfirmation made = confirmer.make(Map.of());

        List<ConfirmResult> results = all(() -> confirmer.confirm(made.state().id(), made.code()));

        assertEquals(1, results.stream().filter(r -> r.outcome() == ConfirmResult.Outcome.CONFIRMED).count());
        assertEquals(CALLERS - 1, results.stream().filter(r -> r.outcome() == ConfirmResult.Outcome.NOT_PENDING).count());
    }

    /** Runs the call from {@link #CALLERS} threads released together, and returns every result. */
    private static <T> List<T> all(Callable<T> call) throws Exception {
        ExecutorService pool = Executors.newFixedThreadPool(CALLERS);
        try {
            CountDownLatch start = new CountDownLatch(1);
            List<Future<T>> futures = new ArrayList<>();
            for (int i = 0; i < CALLERS; i++) {
                futures.add(pool.submit(() -> {
                    start.await();
                    return call.call();
                }));
            }
            start.countDown();
            List<T> results = new ArrayList<>();
            for (Future<T> future : futures) {
                results.add(future.get());
            }
            return results;
        } finally {
            pool.shutdownNow();
        }
    }
}
