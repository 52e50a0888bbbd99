package io.quarkiverse.twofactor.runtime;

import java.util.Locale;
import java.util.Map;
import java.util.Optional;
import java.util.UUID;
import java.util.Objects;
import java.util.concurrent.Callable;
import java.util.function.Supplier;

import jakarta.inject.Singleton;

import io.quarkiverse.twofactor.Binding;
import io.quarkiverse.twofactor.ConfirmResult;
import io.quarkiverse.twofactor.ConfirmationState;
import io.quarkiverse.twofactor.Confirmer;
import io.quarkiverse.twofactor.NewConfirmation;
import io.quarkiverse.twofactor.ReactiveConfirmer;
import io.quarkiverse.twofactor.ResendResult;
import io.quarkiverse.twofactor.spi.ConfirmationStore;
import io.quarkus.vertx.VertxContextSupport;
import io.smallrye.mutiny.Uni;
import io.vertx.core.Context;
import io.vertx.core.Vertx;

/**
 * The reactive confirmer. When the selected store has a {@linkplain ConfirmationStore#reactive() reactive} face,
 * {@code check}, {@code confirm}, {@code confirmAndUse} and {@code use} run on it without blocking
 * ({@link NonBlockingConfirmer}); every other call, and every call on a store without one, is the blocking
 * {@link Confirmer} run on a worker thread. Either way the decisions are the confirmer's.
 * <p>
 * Offloaded work runs on Quarkus's worker pool, on a duplicated Vert.x context of the caller's (with the CDI request
 * context active), as Quarkus REST does for a {@code @Blocking} method. Either way the result is emitted back on the
 * caller's context.
 */
@Singleton
public class DefaultReactiveConfirmer implements ReactiveConfirmer {

    private final Confirmer confirmer;
    private final Optional<NonBlockingConfirmer> nonBlocking;

    DefaultReactiveConfirmer(DefaultConfirmer confirmer, StoreSelector stores, StoreClock clock) {
        this.confirmer = confirmer;
        this.nonBlocking = stores.selected().reactive().map(store -> new NonBlockingConfirmer(store, confirmer, clock));
    }

    @Override
    public Uni<NewConfirmation> make(Map<String, ?> meta) {
        return onWorker(() -> confirmer.make(meta));
    }

    @Override
    public Uni<NewConfirmation> make(Binding binding, Map<String, ?> meta) {
        return onWorker(() -> confirmer.make(binding, meta));
    }

    @Override
    public Uni<NewConfirmation> request(String senderKey, String recipient, Map<String, ?> meta) {
        return onWorker(() -> confirmer.request(senderKey, recipient, meta));
    }

    @Override
    public Uni<NewConfirmation> request(Binding binding, String senderKey, String recipient, Map<String, ?> meta) {
        return onWorker(() -> confirmer.request(binding, senderKey, recipient, meta));
    }

    @Override
    public Uni<Optional<ConfirmationState>> check(UUID id) {
        return nonBlocking.map(steps -> onCallersContext(() -> steps.check(id, null)))
                .orElseGet(() -> onWorker(() -> confirmer.check(id)));
    }

    @Override
    public Uni<Optional<ConfirmationState>> check(UUID id, String owner) {
        Binding.checkOwner(owner);
        return nonBlocking.map(steps -> onCallersContext(() -> steps.check(id, owner)))
                .orElseGet(() -> onWorker(() -> confirmer.check(id, owner)));
    }

    @Override
    public Uni<ConfirmResult> confirm(UUID id, String code) {
        return nonBlocking.map(steps -> onCallersContext(() -> steps.confirm(id, null, null, code, false)))
                .orElseGet(() -> onWorker(() -> confirmer.confirm(id, code)));
    }

    @Override
    public Uni<ConfirmResult> confirm(UUID id, String owner, String code) {
        Binding.checkOwner(owner);
        return nonBlocking.map(steps -> onCallersContext(() -> steps.confirm(id, owner, null, code, false)))
                .orElseGet(() -> onWorker(() -> confirmer.confirm(id, owner, code)));
    }

    @Override
    public Uni<ConfirmResult> confirmAndUse(UUID id, String code) {
        return nonBlocking.map(steps -> onCallersContext(() -> steps.confirm(id, null, null, code, true)))
                .orElseGet(() -> onWorker(() -> confirmer.confirmAndUse(id, code)));
    }

    @Override
    public Uni<ConfirmResult> confirmAndUse(UUID id, Binding binding, String code) {
        Objects.requireNonNull(binding, "binding");
        return nonBlocking
                .map(steps -> onCallersContext(() -> steps.confirm(id, binding.owner(), binding.purpose(), code, true)))
                .orElseGet(() -> onWorker(() -> confirmer.confirmAndUse(id, binding, code)));
    }

    @Override
    public Uni<Boolean> use(UUID id) {
        return nonBlocking.map(steps -> onCallersContext(() -> steps.use(id, (Binding) null)))
                .orElseGet(() -> onWorker(() -> confirmer.use(id)));
    }

    @Override
    public Uni<Boolean> use(UUID id, Map<String, ?> expectedMeta) {
        Objects.requireNonNull(expectedMeta, "expectedMeta");
        return nonBlocking.map(steps -> onCallersContext(() -> steps.use(id, expectedMeta)))
                .orElseGet(() -> onWorker(() -> confirmer.use(id, expectedMeta)));
    }

    @Override
    public Uni<Boolean> use(UUID id, Binding binding) {
        Objects.requireNonNull(binding, "binding");
        return nonBlocking.map(steps -> onCallersContext(() -> steps.use(id, binding)))
                .orElseGet(() -> onWorker(() -> confirmer.use(id, binding)));
    }

    @Override
    public Uni<ResendResult> resend(UUID id) {
        return onWorker(() -> confirmer.resend(id));
    }

    @Override
    public Uni<ResendResult> resend(UUID id, String owner) {
        return onWorker(() -> confirmer.resend(id, owner));
    }

    @Override
    public Uni<NewConfirmation> request(String senderKey, String recipient, Map<String, ?> meta, Locale locale) {
        return onWorker(() -> confirmer.request(senderKey, recipient, meta, locale));
    }

    @Override
    public Uni<NewConfirmation> request(Binding binding, String senderKey, String recipient, Map<String, ?> meta,
            Locale locale) {
        return onWorker(() -> confirmer.request(binding, senderKey, recipient, meta, locale));
    }

    @Override
    public Uni<ResendResult> resend(UUID id, Locale locale) {
        return onWorker(() -> confirmer.resend(id, locale));
    }

    @Override
    public Uni<ResendResult> resend(UUID id, String owner, Locale locale) {
        return onWorker(() -> confirmer.resend(id, owner, locale));
    }

    /**
     * Runs the call once per subscription, on the context current when subscribed rather than when the {@code Uni} was
     * made, so that a {@code Uni} kept and subscribed to later still comes back where its subscriber is.
     */
    private static <T> Uni<T> onWorker(Callable<T> call) {
        return Uni.createFrom().deferred(() -> VertxContextSupport.executeBlocking(call));
    }

    /**
     * Runs a non-blocking call once per subscription and emits its result on the context current when subscribed: the
     * Redis client answers there, but a timeout fires elsewhere, so each result that comes back on another thread is
     * moved to the subscriber's context.
     */
    private static <T> Uni<T> onCallersContext(Supplier<Uni<T>> call) {
        return Uni.createFrom().deferred(() -> {
            Context context = Vertx.currentContext();
            Uni<T> result = call.get();
            return context == null ? result : result.emitOn(emit -> {
                if (Vertx.currentContext() == context) {
                    emit.run();
                } else {
                    context.runOnContext(ignored -> emit.run());
                }
            });
        });
    }
}
