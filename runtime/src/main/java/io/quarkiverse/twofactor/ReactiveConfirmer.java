package io.quarkiverse.twofactor;

import java.util.Locale;
import java.util.Map;
import java.util.Optional;
import java.util.UUID;

import io.smallrye.mutiny.Uni;

/**
 * The {@link Confirmer} for reactive code: the same operations with the same rules, each returning a {@link Uni}. Inject
 * it where a call runs on an event loop, such as a Quarkus REST method that returns {@code Uni}; there the blocking
 * {@link Confirmer} refuses to run.
 *
 * <p>
 * Nothing happens until the {@code Uni} is subscribed to. Work that waits never runs on the event loop: on a store
 * with a non-blocking client (the {@code redis} store) {@code check}, {@code confirm}, {@code confirmAndUse} and
 * {@code use} run on the event loop with no thread waiting for the store, and their synchronous event observers run
 * there too; every other call, and every call on another store, runs on a worker thread. The result is emitted back on
 * the caller's Vert.x context, so that a reactive endpoint carries on where it began. A call that the {@link Confirmer}
 * answers with an exception ends in a failed {@code Uni} with that same exception, such as
 * {@link TooManySendsException} or {@link TooManyFailuresException}.
 *
 * <p>
 * Each method is documented on its {@link Confirmer} twin.
 */
public interface ReactiveConfirmer {

    /** @see Confirmer#make(Map) */
    Uni<NewConfirmation> make(Map<String, ?> meta);

    /** @see Confirmer#make(Binding, Map) */
    Uni<NewConfirmation> make(Binding binding, Map<String, ?> meta);

    /** @see Confirmer#request(String, String, Map) */
    Uni<NewConfirmation> request(String senderKey, String recipient, Map<String, ?> meta);

    /** @see Confirmer#request(Binding, String, String, Map) */
    Uni<NewConfirmation> request(Binding binding, String senderKey, String recipient, Map<String, ?> meta);

    /** @see Confirmer#check(UUID) */
    Uni<Optional<ConfirmationState>> check(UUID id);

    /** @see Confirmer#check(UUID, String) */
    Uni<Optional<ConfirmationState>> check(UUID id, String owner);

    /** @see Confirmer#confirm(UUID, String) */
    Uni<ConfirmResult> confirm(UUID id, String code);

    /** @see Confirmer#confirm(UUID, String, String) */
    Uni<ConfirmResult> confirm(UUID id, String owner, String code);

    /** @see Confirmer#confirmAndUse(UUID, String) */
    Uni<ConfirmResult> confirmAndUse(UUID id, String code);

    /** @see Confirmer#confirmAndUse(UUID, Binding, String) */
    Uni<ConfirmResult> confirmAndUse(UUID id, Binding binding, String code);

    /** @see Confirmer#use(UUID) */
    Uni<Boolean> use(UUID id);

    /** @see Confirmer#use(UUID, Map) */
    Uni<Boolean> use(UUID id, Map<String, ?> expectedMeta);

    /** @see Confirmer#use(UUID, Binding) */
    Uni<Boolean> use(UUID id, Binding binding);

    /** @see Confirmer#resend(UUID) */
    Uni<ResendResult> resend(UUID id);

    /** @see Confirmer#resend(UUID, String) */
    Uni<ResendResult> resend(UUID id, String owner);

    /** @see Confirmer#request(String, String, Map, Locale) */
    Uni<NewConfirmation> request(String senderKey, String recipient, Map<String, ?> meta, Locale locale);

    /** @see Confirmer#request(Binding, String, String, Map, Locale) */
    Uni<NewConfirmation> request(Binding binding, String senderKey, String recipient, Map<String, ?> meta,
            Locale locale);

    /** @see Confirmer#resend(UUID, Locale) */
    Uni<ResendResult> resend(UUID id, Locale locale);

    /** @see Confirmer#resend(UUID, String, Locale) */
    Uni<ResendResult> resend(UUID id, String owner, Locale locale);
}
