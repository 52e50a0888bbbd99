package io.quarkiverse.twofactor.runtime;

import static io.quarkiverse.twofactor.runtime.ConfirmAnswers.isExpected;
import static io.quarkiverse.twofactor.runtime.ConfirmAnswers.view;

import java.time.Instant;
import java.util.Map;
import java.util.Optional;
import java.util.UUID;

import io.quarkiverse.twofactor.Binding;
import io.quarkiverse.twofactor.ConfirmResult;
import io.quarkiverse.twofactor.ConfirmResult.Outcome;
import io.quarkiverse.twofactor.ConfirmationState;
import io.quarkiverse.twofactor.TooManyFailuresException;
import io.quarkiverse.twofactor.runtime.ConfirmAnswers.Attempt;
import io.quarkiverse.twofactor.spi.CodeAttempt;
import io.quarkiverse.twofactor.spi.FailureCount;
import io.quarkiverse.twofactor.spi.ReactiveConfirmationStore;
import io.quarkiverse.twofactor.spi.StoredConfirmation;
import io.quarkus.vertx.VertxContextSupport;
import io.smallrye.mutiny.Uni;

/**
 * The check, confirm and use steps of the {@link DefaultConfirmer} over a store's {@link ReactiveConfirmationStore}:
 * the same store steps in the same order, with the same answers and listeners ({@link ConfirmAnswers}), as one Mutiny
 * chain that no thread waits on. The one exception is a code of a built-in method (an authenticator app's, a recovery
 * code): the confirmer checks it against stores reached only blocking, so that attempt runs on a worker thread.
 */
final class NonBlockingConfirmer {

    private final ReactiveConfirmationStore store;
    private final DefaultConfirmer confirmer;
    private final StoreClock clock;
    private final ConfirmAnswers answers;
    private final FailureBudget budget;

    NonBlockingConfirmer(ReactiveConfirmationStore store, DefaultConfirmer confirmer, StoreClock clock) {
        this.store = store;
        this.confirmer = confirmer;
        this.clock = clock;
        this.answers = confirmer.answers();
        this.budget = confirmer.budget();
    }

    /** @see DefaultConfirmer#check(UUID, String) with a {@code null} owner for any */
    Uni<Optional<ConfirmationState>> check(UUID id, String owner) {
        return now().chain(now -> store.find(id).map(found -> found.map(stored -> view(stored, now))
                .filter(state -> owner == null || state.ownedBy(owner))));
    }

    /** @see DefaultConfirmer#confirmAndUse(UUID, Binding, String) with {@code null}s for any owner or purpose */
    Uni<ConfirmResult> confirm(UUID id, String owner, String purpose, String code, boolean spend) {
        return now().chain(now -> {
            CodeAttempt attempt = confirmer.codeAttempt(id, owner, purpose, code, spend);
            return attempt(attempt, code, now).map(done -> answers.reported(done, spend))
                    // Refused before anything changed; the confirmation is read only on this path, for the listeners.
                    .onFailure(TooManyFailuresException.class)
                    .call(() -> store.find(id).invoke(found -> answers.lockedOutRefused(found, now)));
        });
    }

    /** The store decides in one step; only when that step changed nothing is the confirmation read, to say why. */
    private Uni<Attempt> attempt(CodeAttempt attempt, String code, Instant now) {
        return store.confirmOrCount(attempt, now).chain(changed -> changed.isPresent()
                ? Uni.createFrom().item(answers.answer(changed.get(), now))
                : store.find(attempt.id())
                        .chain(found -> unchanged(attempt, code, found.filter(stored -> isExpected(stored, attempt)),
                                now)));
    }

    private Uni<Attempt> unchanged(CodeAttempt attempt, String code, Optional<StoredConfirmation> found, Instant now) {
        Outcome refusal = answers.refusal(found, now);
        if (refusal != null) {
            return Uni.createFrom().item(answers.unchanged(refusal, found, now));
        }
        if (DefaultConfirmer.isMethodWithoutSending(found.get().sender())) {
            return VertxContextSupport.executeBlocking(() -> confirmer.attemptWithMethod(attempt, code, now));
        }
        String subject = budget.subjectOf(found.get());
        Uni<FailureCount> failures = subject == null ? Uni.createFrom().item(FailureCount.none())
                : store.failures(subject);
        return failures.map(counted -> {
            budget.requireOpen(counted, now);
            // Neither refused nor locked out now: a concurrent call changed the confirmation or the failures since.
            return answers.unchanged(Outcome.WRONG_CODE, found, now);
        });
    }

    /** @see DefaultConfirmer#use(UUID, Binding) with a {@code null} binding for any */
    Uni<Boolean> use(UUID id, Binding binding) {
        return now().chain(now -> store.useReturning(id, binding, now).chain(used -> {
            if (used.isPresent()) {
                answers.used(used.get(), now);
                return Uni.createFrom().item(true);
            }
            // Read only on this path, for the listeners.
            return store.find(id).map(found -> {
                answers.useRefused(found, now);
                return false;
            });
        }));
    }

    /** @see DefaultConfirmer#use(UUID, Map) */
    Uni<Boolean> use(UUID id, Map<String, ?> expectedMeta) {
        return now().chain(now -> store.find(id).chain(found -> {
            // Meta never changes once made, so reading it first cannot race with the conditional use.
            if (found.isEmpty() || !MetaValues.containsAll(found.get().meta(), expectedMeta)) {
                answers.useRefused(found, now);
                return Uni.createFrom().item(false);
            }
            return store.useReturning(id, null, now).map(used -> {
                if (used.isEmpty()) {
                    answers.useRefused(found, now);
                    return false;
                }
                answers.used(used.get(), now);
                return true;
            });
        }));
    }

    private Uni<Instant> now() {
        return clock.nowReactive(store);
    }
}
