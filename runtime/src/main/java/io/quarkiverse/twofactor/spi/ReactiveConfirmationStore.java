package io.quarkiverse.twofactor.spi;

import java.time.Instant;
import java.util.Optional;
import java.util.UUID;

import io.quarkiverse.twofactor.Binding;
import io.smallrye.mutiny.Uni;

/**
 * The steps of a {@link ConfirmationStore} that the reactive confirmer's {@code check}, {@code confirm},
 * {@code confirmAndUse} and {@code use} take, reached without blocking a thread. A store offers it through
 * {@link ConfirmationStore#reactive()} when it has a non-blocking client; each method keeps the contract of its
 * namesake there, and a failure to reach the store ends the {@code Uni} with {@link StoreUnavailableException}.
 * <p>
 * Each {@code Uni} does its work once per subscription and must not wait on the subscribing thread: the reactive
 * confirmer subscribes on a Vert.x event loop and carries on on the thread the item is emitted on.
 */
public interface ReactiveConfirmationStore {

    /** @see ConfirmationStore#currentTime() */
    Uni<Instant> currentTime();

    /** @see ConfirmationStore#find(UUID) */
    Uni<Optional<StoredConfirmation>> find(UUID id);

    /** @see ConfirmationStore#confirmOrCount(CodeAttempt, Instant) */
    Uni<Optional<StoredConfirmation>> confirmOrCount(CodeAttempt attempt, Instant now);

    /** @see ConfirmationStore#useReturning(UUID, Binding, Instant) */
    Uni<Optional<StoredConfirmation>> useReturning(UUID id, Binding binding, Instant now);

    /** @see ConfirmationStore#failures(String) */
    Uni<FailureCount> failures(String subjectKey);
}
