package io.quarkiverse.twofactor.it.reactive;

import static org.junit.jupiter.api.Assertions.assertEquals;
import static org.junit.jupiter.api.Assertions.assertInstanceOf;
import static org.junit.jupiter.api.Assertions.assertThrows;
import static org.junit.jupiter.api.Assertions.assertTrue;

import java.util.ArrayList;
import java.util.List;
import java.util.Map;
import java.util.Optional;
import java.util.UUID;
import java.util.concurrent.ExecutionException;
import java.util.function.Supplier;
import java.util.stream.IntStream;

import jakarta.inject.Inject;

import org.junit.jupiter.api.Tag;
import org.junit.jupiter.api.Test;

import io.quarkiverse.twofactor.Binding;
import io.quarkiverse.twofactor.ConfirmResult;
import io.quarkiverse.twofactor.ConfirmResult.Outcome;
import io.quarkiverse.twofactor.ConfirmationEvent.Kind;
import io.quarkiverse.twofactor.ConfirmationState;
import io.quarkiverse.twofactor.NewConfirmation;
import io.quarkiverse.twofactor.ReactiveConfirmer;
import io.quarkiverse.twofactor.Status;
import io.quarkiverse.twofactor.TooManyFailuresException;
import io.quarkiverse.twofactor.it.reactive.EventThreads.Fired;
import io.quarkus.test.junit.QuarkusTest;
import io.quarkus.test.junit.TestProfile;
import io.smallrye.mutiny.Uni;
import io.vertx.core.Context;
import io.vertx.core.Vertx;

/**
 * The reactive confirmer on the Redis store, called from the event loop: it answers as the blocking confirmer does, and
 * its check, confirm and use steps never leave the event loop. The confirmer fires its events on the thread the store's
 * reply came on, so an event fired on an event-loop thread shows the store's step completed there.
 */
@QuarkusTest
@Tag("redis")
@TestProfile(RedisReactiveConfirmerTest.OnRedis.class)
class RedisNonBlockingConfirmerTest {

    /** The Redis store's default {@code quarkus.two-factor.max-attempts}. */
    private static final int MAX_ATTEMPTS = 5;
    /** The default {@code quarkus.two-factor.limits.max-consecutive-failures}. */
    private static final int MAX_FAILURES = 20;

    @Inject
    ReactiveConfirmer reactive;

    @Inject
    EventThreads events;

    @Inject
    Vertx vertx;

    /** What a call emitted, and the thread it was emitted on. */
    private record Emitted<T>(T item, String thread, boolean onEventLoop) {
    }

    @Test
    void rightCodeConfirmsThenUseSpendsItOnceAllOnTheEventLoop() throws Exception {
        NewConfirmation made = make(null);
        UUID id = made.state().id();

        Emitted<ConfirmResult> confirmed = fromEventLoop(() -> reactive.confirm(id, made.code()));
        Emitted<Optional<ConfirmationState>> checked = fromEventLoop(() -> reactive.check(id));
        Emitted<Boolean> used = fromEventLoop(() -> reactive.use(id));
        Emitted<Boolean> usedAgain = fromEventLoop(() -> reactive.use(id));

        assertEquals(Outcome.CONFIRMED, confirmed.item().outcome());
        assertEquals(Status.CONFIRMED, checked.item().orElseThrow().status());
        assertEquals(true, used.item());
        assertEquals(false, usedAgain.item());
        for (Emitted<?> emitted : List.of(confirmed, checked, used, usedAgain)) {
            assertTrue(emitted.onEventLoop() && emitted.thread().startsWith("vert.x-eventloop"), emitted.toString());
        }
        assertStoreStepsFiredOnTheEventLoop(id, List.of(Kind.CONFIRMED, Kind.USED));
    }

    @Test
    void wrongCodesAreCountedUntilTheAttemptsRunOutAndThenTheRightCodeIsRefused() throws Exception {
        NewConfirmation made = make(new Binding(freshOwner(), "pay"));
        UUID id = made.state().id();

        for (int attempt = 1; attempt < MAX_ATTEMPTS; attempt++) {
            ConfirmResult wrong = fromEventLoop(() -> reactive.confirm(id, wrongCode(made.code()))).item();
            assertEquals(Outcome.WRONG_CODE, wrong.outcome());
            assertEquals(MAX_ATTEMPTS - attempt, wrong.remainingAttempts());
            assertEquals(attempt, wrong.state().attempts());
        }
        ConfirmResult last = fromEventLoop(() -> reactive.confirm(id, wrongCode(made.code()))).item();
        ConfirmResult right = fromEventLoop(() -> reactive.confirm(id, made.code())).item();

        assertEquals(Outcome.ATTEMPTS_EXHAUSTED, last.outcome());
        assertEquals(Status.FAILED, last.state().status());
        assertEquals(Outcome.ATTEMPTS_EXHAUSTED, right.outcome());
        assertEquals(false, fromEventLoop(() -> reactive.use(id)).item());
        List<Kind> kinds = new ArrayList<>();
        IntStream.range(1, MAX_ATTEMPTS).forEach(ignored -> kinds.add(Kind.WRONG_CODE));
        kinds.add(Kind.LOCKED_OUT);
        assertStoreStepsFiredOnTheEventLoop(id, kinds);
    }

    @Test
    void anOwnerOutOfWrongCodesIsRefusedWithTheConfirmersExceptionEvenForTheRightCode() throws Exception {
        String owner = freshOwner();
        for (int confirmation = 1; confirmation < MAX_FAILURES / MAX_ATTEMPTS; confirmation++) {
            NewConfirmation spent = make(new Binding(owner, "pay"));
            for (int attempt = 0; attempt < MAX_ATTEMPTS; attempt++) {
                fromEventLoop(() -> reactive.confirm(spent.state().id(), wrongCode(spent.code())));
            }
        }
        // Made before the last wrong code, since a locked-out owner gets no new confirmation.
        NewConfirmation made = make(new Binding(owner, "pay"));
        NewConfirmation spent = make(new Binding(owner, "pay"));
        for (int attempt = 0; attempt < MAX_ATTEMPTS; attempt++) {
            fromEventLoop(() -> reactive.confirm(spent.state().id(), wrongCode(spent.code())));
        }

        ExecutionException refused = assertThrows(ExecutionException.class,
                () -> fromEventLoop(() -> reactive.confirm(made.state().id(), owner, made.code())));

        TooManyFailuresException lockedOut = assertInstanceOf(TooManyFailuresException.class, refused.getCause());
        assertTrue(lockedOut.retryAfter().toSeconds() > 0, lockedOut.retryAfter().toString());
        ConfirmationState state = fromEventLoop(() -> reactive.check(made.state().id())).item().orElseThrow();
        assertEquals(Status.PENDING, state.status());
        assertEquals(0, state.attempts());
    }

    @Test
    void anotherOwnersConfirmationIsNotFoundAndCountsNothing() throws Exception {
        Binding binding = new Binding(freshOwner(), "pay");
        NewConfirmation made = make(binding);
        UUID id = made.state().id();
        String stranger = freshOwner();

        ConfirmResult strangers = fromEventLoop(() -> reactive.confirm(id, stranger, wrongCode(made.code()))).item();
        ConfirmResult otherPurpose = fromEventLoop(
                () -> reactive.confirmAndUse(id, new Binding(binding.owner(), "delete"), made.code())).item();

        assertEquals(Outcome.NOT_FOUND, strangers.outcome());
        assertEquals(Outcome.NOT_FOUND, otherPurpose.outcome());
        assertEquals(Optional.empty(), fromEventLoop(() -> reactive.check(id, stranger)).item());
        assertEquals(0, fromEventLoop(() -> reactive.check(id, binding.owner())).item().orElseThrow().attempts());

        ConfirmResult owners = fromEventLoop(() -> reactive.confirm(id, binding.owner(), made.code())).item();
        assertEquals(Outcome.CONFIRMED, owners.outcome());
        assertEquals(false, fromEventLoop(() -> reactive.use(id, new Binding(stranger, "pay"))).item());
        assertEquals(false, fromEventLoop(() -> reactive.use(id, new Binding(binding.owner(), "delete"))).item());
        assertEquals(true, fromEventLoop(() -> reactive.use(id, binding)).item());
        assertStoreStepsFiredOnTheEventLoop(id, List.of(Kind.CONFIRMED, Kind.USED));
    }

    @Test
    void confirmAndUseSpendsTheConfirmationInTheSameStep() throws Exception {
        Binding binding = new Binding(freshOwner(), "pay");
        NewConfirmation made = make(binding);
        UUID id = made.state().id();

        ConfirmResult result = fromEventLoop(() -> reactive.confirmAndUse(id, binding, made.code())).item();

        assertEquals(Outcome.CONFIRMED, result.outcome());
        assertEquals(Status.USED, result.state().status());
        assertEquals(false, fromEventLoop(() -> reactive.use(id, binding)).item());
        assertStoreStepsFiredOnTheEventLoop(id, List.of(Kind.CONFIRMED, Kind.USED));
    }

    @Test
    void fiftyConcurrentRightCodesFromTheEventLoopConfirmExactlyOnce() throws Exception {
        NewConfirmation made = make(null);
        UUID id = made.state().id();

        List<Emitted<ConfirmResult>> results = EventLoop.run(vertx, done -> {
            List<Uni<Emitted<ConfirmResult>>> attempts = new ArrayList<>();
            for (int i = 0; i < 50; i++) {
                attempts.add(reactive.confirm(id, made.code()).map(result -> emittedHere(result)));
            }
            Uni.join().all(attempts).andFailFast().subscribe().with(done::complete, done::completeExceptionally);
        });

        assertEquals(1, results.stream().filter(r -> r.item().outcome() == Outcome.CONFIRMED).count());
        assertEquals(49, results.stream().filter(r -> r.item().outcome() == Outcome.NOT_PENDING).count());
        for (Emitted<ConfirmResult> result : results) {
            assertTrue(result.onEventLoop(), result.toString());
        }
        assertStoreStepsFiredOnTheEventLoop(id, List.of(Kind.CONFIRMED));
    }

    /** Subscribes to the call on an event-loop thread and waits for its item, or its failure as the cause. */
    private <T> Emitted<T> fromEventLoop(Supplier<Uni<T>> call) throws Exception {
        return EventLoop.run(vertx, done -> call.get().map(item -> emittedHere(item))
                .subscribe().with(done::complete, done::completeExceptionally));
    }

    /** The item with the thread it is emitted on. */
    private static <T> Emitted<T> emittedHere(T item) {
        return new Emitted<>(item, Thread.currentThread().getName(), Context.isOnEventLoopThread());
    }

    /** The events after the confirmation was made are {@code kinds}, each fired on an event-loop thread. */
    private void assertStoreStepsFiredOnTheEventLoop(UUID id, List<Kind> kinds) {
        List<Fired> fired = events.of(id);
        assertEquals(Kind.REQUESTED, fired.get(0).kind());
        List<Fired> steps = fired.subList(1, fired.size());
        assertEquals(kinds, steps.stream().map(Fired::kind).toList());
        for (Fired event : steps) {
            assertTrue(event.onEventLoop() && event.thread().startsWith("vert.x-eventloop"), event.toString());
        }
    }

    /** Made without a sender, which is offloaded to a worker thread by design. */
    private NewConfirmation make(Binding binding) {
        Uni<NewConfirmation> made = binding == null ? reactive.make(Map.of()) : reactive.make(binding, Map.of());
        return made.await().atMost(EventLoop.WAIT);
    }

    private static String freshOwner() {
        return "owner-" + UUID.randomUUID();
    }

    /** A code of the same length that differs from the right one. */
    private static String wrongCode(String code) {
        char first = code.charAt(0);
        return (first == '0' ? '1' : '0') + code.substring(1);
    }
}
