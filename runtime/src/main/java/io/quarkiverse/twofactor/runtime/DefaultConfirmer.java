package io.quarkiverse.twofactor.runtime;

import static io.quarkiverse.twofactor.runtime.ConfirmAnswers.isExpected;
import static io.quarkiverse.twofactor.runtime.ConfirmAnswers.isOwner;
import static io.quarkiverse.twofactor.runtime.ConfirmAnswers.view;

import java.time.Duration;
import java.time.Instant;
import java.util.List;
import java.util.Locale;
import java.util.Map;
import java.util.Objects;
import java.util.Optional;
import java.util.Set;
import java.util.UUID;

import jakarta.inject.Inject;
import jakarta.inject.Singleton;

import org.jboss.logging.Logger;

import io.quarkiverse.twofactor.Authenticators;
import io.quarkiverse.twofactor.Binding;
import io.quarkiverse.twofactor.ConfirmResult;
import io.quarkiverse.twofactor.ConfirmResult.Outcome;
import io.quarkiverse.twofactor.ConfirmationState;
import io.quarkiverse.twofactor.DeliveryStatus;
import io.quarkiverse.twofactor.Confirmer;
import io.quarkiverse.twofactor.NewConfirmation;
import io.quarkiverse.twofactor.NoAuthenticatorException;
import io.quarkiverse.twofactor.ReactiveConfirmer;
import io.quarkiverse.twofactor.RecoveryCodes;
import io.quarkiverse.twofactor.ResendResult;
import io.quarkiverse.twofactor.SenderBudgetExhaustedException;
import io.quarkiverse.twofactor.SenderFailedException;
import io.quarkiverse.twofactor.Status;
import io.quarkiverse.twofactor.TooManyFailuresException;
import io.quarkiverse.twofactor.TooManySendsException;
import io.quarkiverse.twofactor.runtime.totp.DefaultAuthenticators;
import io.quarkiverse.twofactor.runtime.totp.DefaultRecoveryCodes;
import io.quarkiverse.twofactor.spi.CodeAttempt;
import io.quarkiverse.twofactor.spi.CodeGenerator;
import io.quarkiverse.twofactor.spi.ConfirmationStore;
import io.quarkiverse.twofactor.spi.CreateResult;
import io.quarkiverse.twofactor.spi.FailureCount;
import io.quarkiverse.twofactor.spi.SendLimit;
import io.quarkiverse.twofactor.spi.SendWindow;
import io.quarkiverse.twofactor.spi.StoredConfirmation;
import io.quarkus.arc.All;
import io.quarkus.runtime.BlockingOperationControl;
import io.quarkus.runtime.BlockingOperationNotAllowedException;
import io.quarkus.runtime.Startup;
import io.quarkus.runtime.configuration.ConfigurationException;

/**
 * The confirmer over a {@link ConfirmationStore}: it decides, the store applies each change as one conditional update,
 * and then the {@link ConfirmationListener}s (events, metrics) hear what changed. Its {@code now} is the store's time
 * ({@link StoreClock}), so every replica judges stored times on the same clock.
 */
@Singleton
@Startup
public class DefaultConfirmer implements Confirmer {

    private static final Logger LOG = Logger.getLogger(DefaultConfirmer.class);
    /** The largest limit {@link ConfirmationStore#countRecentSend} takes. */
    private static final int MAX_SENDS_PER_WINDOW = 100;
    /** The built-in methods whose codes the owner already has, checked here rather than by the store. */
    private static final Set<String> METHODS_WITHOUT_SENDING = Set.of(Authenticators.METHOD, RecoveryCodes.METHOD);

    private final ConfirmationStore store;
    private final StoreClock clock;
    private final CodeHasher hasher;
    private final SenderBudgets budgets;
    private final CodeGenerator generator;
    private final SenderRegistry senders;
    private final TwoFactorConfig config;
    private final ConfirmationListener listeners;
    private final ConfirmAnswers answers;
    private final FailureBudget budget;
    private final DefaultAuthenticators authenticators;
    private final DefaultRecoveryCodes recoveryCodes;

    @Inject
    DefaultConfirmer(StoreSelector stores, StoreClock clock, CodeHasher hasher, CodeGenerator generator,
            SenderRegistry senders, TwoFactorConfig config, @All List<ConfirmationListener> listeners,
            DefaultAuthenticators authenticators, DefaultRecoveryCodes recoveryCodes) {
        this.store = stores.selected();
        this.clock = clock;
        this.budgets = new SenderBudgets(store, hasher, config.senders());
        this.hasher = hasher;
        this.generator = generator;
        this.senders = senders;
        this.config = config;
        this.listeners = new ConfirmationListeners(listeners);
        this.answers = new ConfirmAnswers(config.maxAttempts(), this.listeners);
        this.budget = new FailureBudget(store, hasher, config.limits());
        this.authenticators = authenticators;
        this.recoveryCodes = recoveryCodes;
        checkConfig(config);
    }

    @Override
    public NewConfirmation make(Map<String, ?> meta) {
        refuseOnEventLoop();
        return made(issue(null, null, null, MetaValues.copyOf(meta), clock.now(), null, null));
    }

    @Override
    public NewConfirmation make(Binding binding, Map<String, ?> meta) {
        refuseOnEventLoop();
        return made(issue(binding, null, null, MetaValues.copyOf(meta), clock.now(), null, null));
    }

    private NewConfirmation made(NewConfirmation made) {
        listeners.requested(made.state());
        return made;
    }

    @Override
    public NewConfirmation request(String senderKey, String recipient, Map<String, ?> meta) {
        return send(null, senderKey, recipient, meta, null);
    }

    @Override
    public NewConfirmation request(Binding binding, String senderKey, String recipient, Map<String, ?> meta) {
        return send(Objects.requireNonNull(binding, "binding"), senderKey, recipient, meta, null);
    }

    @Override
    public NewConfirmation request(String senderKey, String recipient, Map<String, ?> meta, Locale locale) {
        return send(null, senderKey, recipient, meta, locale);
    }

    @Override
    public NewConfirmation request(Binding binding, String senderKey, String recipient, Map<String, ?> meta,
            Locale locale) {
        return send(Objects.requireNonNull(binding, "binding"), senderKey, recipient, meta, locale);
    }

    private NewConfirmation send(Binding binding, String senderKey, String recipient, Map<String, ?> meta,
            Locale locale) {
        refuseOnEventLoop();
        if (isMethodWithoutSending(senderKey)) {
            return made(issueForMethod(binding, senderKey, meta));
        }
        ConfiguredSender sender = senders.get(senderKey);
        sender.checkRecipient(recipient);
        Map<String, Object> values = MetaValues.copyOf(meta);
        InputLimits.checkMeta(values);
        // Taken before anything is made or counted, so that a busy sender refuses with nothing half-made.
        DeliveryLimit limit = sender.limit();
        long deadline = limit.enter();
        DeliveryStatus delivery = limit.async() ? DeliveryStatus.QUEUED : null;
        NewConfirmation issued;
        try {
            // Read before the unit, which holds a connection on some stores: reading the store's time may take another.
            // The send is counted at the moment the code is made, so its recorded time is its confirmation's.
            Instant now = clock.now();
            TwoFactorConfig.LimitsConfig limits = config.limits();
            SendLimit sends = new SendLimit(hasher.hashRecipient(recipient), limits.sendsPerWindow(), limits.window());
            try {
                issued = budgets.limits(sender.key())
                        ? issueWithinBudget(binding, sender.key(), recipient, values, now, sends, delivery)
                        : issue(binding, sender.key(), recipient, values, now, sends, delivery);
            } catch (TooManySendsException | TooManyFailuresException | SenderBudgetExhaustedException e) {
                listeners.requestRefused(sender.key());
                throw e;
            }
            listeners.requested(issued.state());
        } catch (RuntimeException e) {
            limit.leave();
            throw e;
        }
        handOver(sender, issued.state(), issued.code(), issued.state().createdAt(), false, locale, deadline);
        return issued;
    }

    /**
     * A request through a sender with a budget: the budget counts after the recipient's limit, so that a send the
     * recipient's limit refuses never costs it, and in the same unit, so that on a database a send the budget refuses
     * leaves nothing made or counted. Where a unit cannot roll back (Redis, memory) the confirmation it made is failed,
     * and the recipient's log keeps the send, which can only make that recipient wait sooner.
     */
    private NewConfirmation issueWithinBudget(Binding binding, String senderKey, String recipient,
            Map<String, Object> meta, Instant now, SendLimit sends, DeliveryStatus delivery) {
        NewConfirmation[] made = new NewConfirmation[1];
        try {
            return store.inOneUnit(() -> {
                made[0] = issue(binding, senderKey, recipient, meta, now, sends, delivery);
                budgets.count(senderKey, now);
                return made[0];
            });
        } catch (SenderBudgetExhaustedException e) {
            store.fail(made[0].state().id());
            throw e;
        }
    }

    /**
     * A confirmation the owner confirms with their authenticator app or a recovery code: nothing is sent, so no send
     * is counted, and the code it is made with is never told to anyone.
     */
    private NewConfirmation issueForMethod(Binding binding, String method, Map<String, ?> meta) {
        if (binding == null) {
            throw new IllegalArgumentException("The method '" + method + "' needs a binding: it confirms an owner");
        }
        boolean available = method.equals(Authenticators.METHOD) ? authenticators.hasVerified(binding.owner())
                : recoveryCodes.remaining(binding.owner()) > 0;
        if (!available) {
            throw new NoAuthenticatorException(method.equals(Authenticators.METHOD)
                    ? "The owner has no verified authenticator app"
                    : "The owner has no recovery code left");
        }
        NewConfirmation made = issue(binding, method, null, MetaValues.copyOf(meta), clock.now(), null, null);
        return new NewConfirmation(made.state(), null);
    }

    /** The built-in methods whose codes the owner already has: an authenticator app's, or a recovery code. */
    static boolean isMethodWithoutSending(String key) {
        return key != null && METHODS_WITHOUT_SENDING.contains(key);
    }

    @Override
    public Optional<ConfirmationState> check(UUID id) {
        refuseOnEventLoop();
        Instant now = clock.now();
        return store.find(id).map(stored -> view(stored, now));
    }

    @Override
    public Optional<ConfirmationState> check(UUID id, String owner) {
        Binding.checkOwner(owner);
        return check(id).filter(state -> state.ownedBy(owner));
    }

    @Override
    public ConfirmResult confirm(UUID id, String code) {
        return confirmAs(id, null, null, code, false);
    }

    @Override
    public ConfirmResult confirm(UUID id, String owner, String code) {
        Binding.checkOwner(owner);
        return confirmAs(id, owner, null, code, false);
    }

    @Override
    public ConfirmResult confirmAndUse(UUID id, String code) {
        return confirmAs(id, null, null, code, true);
    }

    @Override
    public ConfirmResult confirmAndUse(UUID id, Binding binding, String code) {
        Objects.requireNonNull(binding, "binding");
        return confirmAs(id, binding.owner(), binding.purpose(), code, true);
    }

    /**
     * Confirms, and with {@code spend} uses too, a confirmation of this owner made for this purpose; a null owner or
     * purpose stands for the calls made without one, which act on any confirmation.
     */
    private ConfirmResult confirmAs(UUID id, String owner, String purpose, String code, boolean spend) {
        refuseOnEventLoop();
        Instant now = clock.now();
        CodeAttempt attempt = codeAttempt(id, owner, purpose, code, spend);
        try {
            return answers.reported(attempt(attempt, code, now), spend);
        } catch (TooManyFailuresException e) {
            // Refused before anything changed; the confirmation is read only on this path, for the listeners.
            answers.lockedOutRefused(store.find(id), now);
            throw e;
        }
    }

    /** A code given for a confirmation, as the store's confirm step takes it. */
    CodeAttempt codeAttempt(UUID id, String owner, String purpose, String code, boolean spend) {
        // The keyed hash is compared in the store: without the key, nobody learns anything from how long that takes.
        return new CodeAttempt(id, owner, purpose, hasher.hash(id, code), spend, config.maxAttempts(), budget.limit(),
                METHODS_WITHOUT_SENDING);
    }

    /** How the confirmer answers and reports the store's confirm and use steps. */
    ConfirmAnswers answers() {
        return answers;
    }

    /** The failure budget the confirm step counts wrong codes under. */
    FailureBudget budget() {
        return budget;
    }

    /**
     * The store decides in one step; only when that step changed nothing is the confirmation read, to say why, or to
     * check a code the store cannot (an authenticator app's, a recovery code).
     */
    private ConfirmAnswers.Attempt attempt(CodeAttempt attempt, String code, Instant now) {
        Optional<StoredConfirmation> changed = store.confirmOrCount(attempt, now);
        if (changed.isPresent()) {
            return answers.answer(changed.get(), now);
        }
        Optional<StoredConfirmation> found = store.find(attempt.id()).filter(stored -> isExpected(stored, attempt));
        Outcome refusal = answers.refusal(found, now);
        if (refusal != null) {
            return answers.unchanged(refusal, found, now);
        }
        if (isMethodWithoutSending(found.get().sender())) {
            return attemptWithMethod(attempt, code, now);
        }
        budget.checkOpen(budget.subjectOf(found.get()), now);
        // Neither refused nor locked out now: a concurrent call changed the confirmation or the failures since.
        return answers.unchanged(Outcome.WRONG_CODE, found, now);
    }

    /**
     * Confirms a confirmation of a built-in method (an authenticator app, a recovery code), whose code the confirmer
     * checks rather than the store.
     */
    ConfirmAnswers.Attempt attemptWithMethod(CodeAttempt attempt, String code, Instant now) {
        return store.inOneUnit(() -> confirmWithMethod(attempt, code, now));
    }

    /** Confirms with the owner's authenticator app's current code or one of their recovery codes, checked here. */
    private ConfirmAnswers.Attempt confirmWithMethod(CodeAttempt attempt, String code, Instant now) {
        UUID id = attempt.id();
        Optional<StoredConfirmation> found = store.find(id).filter(stored -> isExpected(stored, attempt));
        Outcome refusal = answers.refusal(found, now);
        if (refusal != null) {
            return answers.unchanged(refusal, found, now);
        }
        StoredConfirmation stored = found.get();
        String subject = budget.subjectOf(stored);
        FailureCount failures = budget.checkOpen(subject, now);
        boolean matches = codeMatches(stored, code, now);
        if (matches && store.confirm(id, stored.codeHash(), config.maxAttempts(), now)) {
            budget.succeeded(subject, failures);
            boolean used = attempt.spend() && store.use(id, now);
            return answers.answer(attempt.confirmed(stored, used, now), now);
        }
        if (!matches) {
            // The subject's budget first: a wrong code it refuses counts nowhere.
            budget.countFailure(subject, now);
            int attempts = store.countWrongAttempt(id, config.maxAttempts(), now);
            if (attempts > 0) {
                // The count this call made decides its answer, whatever concurrent calls did since.
                ConfirmationState state = view(store.find(id).orElseThrow(), now);
                return attempts >= config.maxAttempts()
                        ? new ConfirmAnswers.Attempt(new ConfirmResult(Outcome.ATTEMPTS_EXHAUSTED, state, 0), true)
                        : new ConfirmAnswers.Attempt(new ConfirmResult(Outcome.WRONG_CODE, state,
                                config.maxAttempts() - attempts));
            }
        }
        // Nothing was counted or confirmed: a concurrent call changed the confirmation, which now says why.
        Optional<StoredConfirmation> after = store.find(id);
        Outcome outcome = answers.refusal(after, now);
        return answers.unchanged(outcome == null ? Outcome.WRONG_CODE : outcome, after, now);
    }

    /**
     * Whether the code confirms a confirmation of a built-in method: the owner's app's current code, or one of their
     * recovery codes, which this spends.
     */
    private boolean codeMatches(StoredConfirmation stored, String code, Instant now) {
        if (Authenticators.METHOD.equals(stored.sender())) {
            return authenticators.acceptCode(stored.owner(), code, now);
        }
        return recoveryCodes.spend(stored.owner(), code);
    }

    @Override
    public boolean use(UUID id) {
        return useBound(id, null);
    }

    @Override
    public boolean use(UUID id, Map<String, ?> expectedMeta) {
        Objects.requireNonNull(expectedMeta, "expectedMeta");
        refuseOnEventLoop();
        Optional<StoredConfirmation> found = store.find(id);
        Instant now = clock.now();
        // Meta never changes once made, so reading it first cannot race with the conditional use.
        if (found.isEmpty() || !MetaValues.containsAll(found.get().meta(), expectedMeta) || !store.use(id, now)) {
            answers.useRefused(found, now);
            return false;
        }
        answers.used(found.get().usedAt(now), now);
        return true;
    }

    @Override
    public boolean use(UUID id, Binding binding) {
        return useBound(id, Objects.requireNonNull(binding, "binding"));
    }

    /** Uses the confirmation in one step of the store, and tells the listeners either way. */
    private boolean useBound(UUID id, Binding binding) {
        refuseOnEventLoop();
        Instant now = clock.now();
        Optional<StoredConfirmation> used = store.useReturning(id, binding, now);
        if (used.isEmpty()) {
            // Read only on this path, for the listeners.
            answers.useRefused(store.find(id), now);
            return false;
        }
        answers.used(used.get(), now);
        return true;
    }

    @Override
    public ResendResult resend(UUID id) {
        return resendAs(id, null, null);
    }

    @Override
    public ResendResult resend(UUID id, String owner) {
        Binding.checkOwner(owner);
        return resendAs(id, owner, null);
    }

    @Override
    public ResendResult resend(UUID id, Locale locale) {
        return resendAs(id, null, locale);
    }

    @Override
    public ResendResult resend(UUID id, String owner, Locale locale) {
        Binding.checkOwner(owner);
        return resendAs(id, owner, locale);
    }

    private ResendResult resendAs(UUID id, String owner, Locale locale) {
        refuseOnEventLoop();
        Instant now = clock.now();
        // The place for the new code's delivery is taken before the code is replaced or the send counted, so that a
        // busy sender refuses with nothing changed; that takes reading which sender the confirmation has.
        Optional<ConfiguredSender> sender = store.find(id).map(StoredConfirmation::sender).flatMap(senders::find);
        long deadline = sender.isPresent() ? sender.get().limit().enter() : 0;
        ResendResult result;
        try {
            result = store.inOneUnit(() -> replaceCode(id, owner, now));
        } catch (RuntimeException e) {
            sender.ifPresent(taken -> taken.limit().leave());
            throw e;
        }
        if (result.outcome() != ResendResult.Outcome.SENT) {
            sender.ifPresent(taken -> taken.limit().leave());
            return result;
        }
        handOver(sender.orElseThrow(), result.state(), result.code(), now, true, locale, deadline);
        return result;
    }

    /** Gives a pending confirmation a new code, or says why it cannot have one; sending the code is the caller's. */
    private ResendResult replaceCode(UUID id, String owner, Instant now) {
        Optional<StoredConfirmation> found = store.find(id).filter(stored -> isOwner(stored, owner));
        if (found.isEmpty()) {
            return new ResendResult(ResendResult.Outcome.NOT_FOUND, null, null, Duration.ZERO);
        }
        StoredConfirmation stored = found.get();
        Status status = stored.statusAt(now);
        if (status != Status.PENDING) {
            ResendResult.Outcome outcome = status == Status.EXPIRED ? ResendResult.Outcome.EXPIRED
                    : ResendResult.Outcome.NOT_PENDING;
            return new ResendResult(outcome, view(stored, now), null, Duration.ZERO);
        }
        if (stored.sender() == null || isMethodWithoutSending(stored.sender())) {
            return new ResendResult(ResendResult.Outcome.NO_SENDER, view(stored, now), null, Duration.ZERO);
        }
        Duration cooldown = config.resend().cooldown();
        Instant nextAllowed = stored.lastSentAt().plus(cooldown);
        if (nextAllowed.isAfter(now)) {
            return new ResendResult(ResendResult.Outcome.COOLDOWN, view(stored, now), null,
                    Duration.between(now, nextAllowed));
        }
        ConfiguredSender sender = senders.get(stored.sender()); // refuses a sender no longer configured first
        String recipientKey = hasher.hashRecipient(stored.recipient());
        countSend(recipientKey, now);
        budgets.count(stored.sender(), now);
        String code = newCode();
        if (!store.replaceCode(id, hasher.hash(id, code), now.minus(cooldown), now.plus(config.ttl()), now)) {
            // A concurrent resend or confirm got there first, and this code is never sent: the send it counted goes
            // back to the recipient's budget, on every store, before reporting where the confirmation is now.
            store.uncountRecentSend(recipientKey, now);
            return replaceCode(id, owner, now);
        }
        if (sender.limit().async()) {
            store.recordDelivery(id, DeliveryStatus.QUEUED);
        }
        return new ResendResult(ResendResult.Outcome.SENT, view(store.find(id).orElseThrow(), now), code,
                Duration.ZERO);
    }

    /**
     * Counts a send to the recipient under the sliding limit every replica shares, or refuses it before anything is
     * made or sent: no interval of {@code limits.window} holds more than {@code limits.sends-per-window} sends. It is
     * counted before the sender's budget: a send the recipient's limit refuses never costs the budget, so hammering one
     * recipient cannot spend it. A send the budget refuses after this count is rolled back with its unit on a database;
     * on Redis and in memory the recipient's log keeps it, which can only make that recipient wait sooner, never let
     * more codes through.
     */
    private void countSend(String recipientKey, Instant now) {
        TwoFactorConfig.LimitsConfig limits = config.limits();
        SendWindow window = store.countRecentSend(recipientKey, limits.sendsPerWindow(), limits.window(), now);
        if (!window.allowed()) {
            throw new TooManySendsException(window.retryAfter());
        }
    }

    /**
     * Makes a confirmation in one step of the store, unless its owner (or recipient) is locked out or, when
     * {@code sends} is given, the recipient's send limit refuses it.
     */
    private NewConfirmation issue(Binding binding, String senderKey, String recipient, Map<String, Object> meta,
            Instant now, SendLimit sends, DeliveryStatus delivery) {
        InputLimits.checkMeta(meta);
        UUID id = ThreadRandom.uuid();
        String code = newCode();
        StoredConfirmation stored = new StoredConfirmation(id, Status.PENDING, senderKey, recipient,
                binding == null ? null : binding.owner(), binding == null ? null : binding.purpose(), meta,
                hasher.hash(id, code), 0, now, now.plus(config.ttl()), now, null, null, delivery);
        CreateResult created = store.createIfAllowed(stored, budget.limit(), sends);
        if (created.refusal() == CreateResult.Refusal.LOCKED_OUT) {
            throw new TooManyFailuresException(created.retryAfter());
        }
        if (created.refusal() == CreateResult.Refusal.TOO_MANY_SENDS) {
            throw new TooManySendsException(created.retryAfter());
        }
        return new NewConfirmation(view(stored, now), code);
    }

    /**
     * Delivers the code on this thread, or in async mode queues it on the sender's threads; either way the place taken
     * for it is given back when the delivery ends.
     */
    private void handOver(ConfiguredSender sender, ConfirmationState state, String code, Instant now, boolean resend,
            Locale locale, long deadline) {
        DeliveryLimit limit = sender.limit();
        if (limit.async()) {
            limit.runQueued(() -> deliverQueued(sender, state, code, now, resend, locale, deadline));
            return;
        }
        try {
            Exception failure = deliver(sender, state, code, now, resend, locale, deadline, false);
            if (failure != null) {
                throw new SenderFailedException(sender.key(), state.id(), DeliveryRetry.isRecipientRejected(failure),
                        failure);
            }
        } finally {
            limit.leave();
        }
    }

    private void deliverQueued(ConfiguredSender sender, ConfirmationState state, String code, Instant now,
            boolean resend, Locale locale, long deadline) {
        try {
            deliver(sender, state, code, now, resend, locale, deadline, true);
        } catch (RuntimeException e) {
            LOG.warnf("The end of the delivery of confirmation %s could not be recorded (%s)", state.id(),
                    e.getClass().getName());
        }
    }

    /**
     * Delivers a code and tells the store and the listeners how it went: a failed delivery fails the confirmation, and
     * a queued one also records its delivery status.
     *
     * @return why the delivery failed, or {@code null} when it did not
     */
    private Exception deliver(ConfiguredSender sender, ConfirmationState state, String code, Instant now,
            boolean resend, Locale locale, long deadline, boolean queued) {
        long started = System.nanoTime();
        try {
            sender.deliver(state, code, now, locale, deadline);
        } catch (Exception e) {
            Duration took = Duration.ofNanos(System.nanoTime() - started);
            if (queued) {
                store.recordDelivery(state.id(), DeliveryStatus.FAILED);
            } else {
                store.fail(state.id());
            }
            listeners.deliveryFailed(state, resend, took);
            LOG.warnf("Sender '%s' failed to deliver the code of confirmation %s (%s); the confirmation is failed",
                    sender.key(), state.id(), e.getClass().getName());
            return e;
        }
        if (queued) {
            store.recordDelivery(state.id(), DeliveryStatus.SENT);
        }
        listeners.delivered(state, resend, Duration.ofNanos(System.nanoTime() - started));
        return null;
    }

    private String newCode() {
        return generator.generate(config.code().length(), config.code().alphabet());
    }

    /**
     * Refuses a call made on an event-loop thread, where waiting for the store or a sender would stall every request
     * that loop serves. It refuses whatever the store, even the memory store that never waits, so that an application
     * that works in development keeps working on the store it uses in production.
     */
    private static void refuseOnEventLoop() {
        if (!BlockingOperationControl.isBlockingAllowed()) {
            throw new BlockingOperationNotAllowedException("The two-factor Confirmer waits for its store and senders and"
                    + " was called on the event-loop thread " + Thread.currentThread().getName() + ": call "
                    + ReactiveConfirmer.class.getName() + " there instead, or run the caller on a worker thread");
        }
    }

    private static void checkConfig(TwoFactorConfig config) {
        TwoFactorConfig.CodeConfig code = config.code();
        if (code.length() < 4 || code.length() > 64) {
            throw new ConfigurationException("quarkus.two-factor.code.length must be between 4 and 64");
        }
        if (code.alphabet().length() < 2 || code.alphabet().chars().distinct().count() != code.alphabet().length()) {
            throw new ConfigurationException(
                    "quarkus.two-factor.code.alphabet must hold at least 2 characters, each once");
        }
        if (config.maxAttempts() < 1) {
            throw new ConfigurationException("quarkus.two-factor.max-attempts must be at least 1");
        }
        if (config.limits().sendsPerWindow() < 1 || config.limits().window().isNegative() || config.limits().window().isZero()) {
            throw new ConfigurationException("quarkus.two-factor.limits.sends-per-window and limits.window must be"
                    + " positive");
        }
        if (config.limits().sendsPerWindow() > MAX_SENDS_PER_WINDOW) {
            // The stores keep the time of every send still in the window.
            throw new ConfigurationException("quarkus.two-factor.limits.sends-per-window must be at most "
                    + MAX_SENDS_PER_WINDOW);
        }
        if (config.ttl().isNegative() || config.ttl().isZero()) {
            throw new ConfigurationException("quarkus.two-factor.ttl must be positive");
        }
    }
}
