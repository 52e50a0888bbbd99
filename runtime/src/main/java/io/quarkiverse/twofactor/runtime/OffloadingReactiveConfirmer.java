package io.quarkiverse.twofactor.runtime;

import java.util.Locale;
import java.util.Map;
import java.util.Optional;
import java.util.UUID;
import java.util.concurrent.Callable;

import jakarta.inject.Singleton;

import io.quarkiverse.twofactor.Binding;
import io.quarkiverse.twofactor.ConfirmResult;
import io.quarkiverse.twofactor.ConfirmationState;
import io.quarkiverse.twofactor.Confirmer;
import io.quarkiverse.twofactor.NewConfirmation;
import io.quarkiverse.twofactor.ReactiveConfirmer;
import io.quarkiverse.twofactor.ResendResult;
import io.quarkus.vertx.VertxContextSupport;
import io.smallrye.mutiny.Uni;

/**
 * The reactive confirmer as the blocking {@link Confirmer} run on a worker thread: every decision stays in the
 * confirmer, and this only moves each call off the event loop. The work runs on Quarkus's worker pool, on a duplicated
 * Vert.x context of the caller's (with the CDI request context active), and the result is emitted back on that context,
 * as Quarkus REST does for a {@code @Blocking} method.
 */
@Singleton
public class OffloadingReactiveConfirmer implements ReactiveConfirmer {

    private final Confirmer confirmer;

    OffloadingReactiveConfirmer(Confirmer confirmer) {
        this.confirmer = confirmer;
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
        return onWorker(() -> confirmer.check(id));
    }

    @Override
    public Uni<Optional<ConfirmationState>> check(UUID id, String owner) {
        return onWorker(() -> confirmer.check(id, owner));
    }

    @Override
    public Uni<ConfirmResult> confirm(UUID id, String code) {
        return onWorker(() -> confirmer.confirm(id, code));
    }

    @Override
    public Uni<ConfirmResult> confirm(UUID id, String owner, String code) {
        return onWorker(() -> confirmer.confirm(id, owner, code));
    }

    @Override
    public Uni<ConfirmResult> confirmAndUse(UUID id, String code) {
        return onWorker(() -> confirmer.confirmAndUse(id, code));
    }

    @Override
    public Uni<ConfirmResult> confirmAndUse(UUID id, Binding binding, String code) {
        return onWorker(() -> confirmer.confirmAndUse(id, binding, code));
    }

    @Override
    public Uni<Boolean> use(UUID id) {
        return onWorker(() -> confirmer.use(id));
    }

    @Override
    public Uni<Boolean> use(UUID id, Map<String, ?> expectedMeta) {
        return onWorker(() -> confirmer.use(id, expectedMeta));
    }

    @Override
    public Uni<Boolean> use(UUID id, Binding binding) {
        return onWorker(() -> confirmer.use(id, binding));
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
}
