package io.quarkiverse.twofactor.runtime.store;

import java.time.Duration;
import java.time.Instant;
import java.util.ArrayDeque;
import java.util.Collections;
import java.util.Comparator;
import java.util.Deque;
import java.util.List;
import java.util.Map;
import java.util.Optional;
import java.util.UUID;
import java.util.concurrent.ConcurrentHashMap;
import java.util.function.Predicate;
import java.util.function.UnaryOperator;

import jakarta.inject.Inject;
import jakarta.inject.Singleton;

import io.quarkiverse.twofactor.DeliveryStatus;
import io.quarkiverse.twofactor.Status;
import io.quarkiverse.twofactor.runtime.TwoFactorConfig;
import io.quarkiverse.twofactor.spi.ConfirmationStore;
import io.quarkiverse.twofactor.spi.FailureCount;
import io.quarkiverse.twofactor.spi.SendWindow;
import io.quarkiverse.twofactor.spi.StoredConfirmation;

/**
 * Keeps confirmations in this JVM: for single-instance applications without a database, and for tests. Each
 * transition runs inside {@link ConcurrentHashMap#computeIfPresent}, which is atomic per id, so the guarantees hold
 * between threads; they do not hold between replicas.
 */
@Singleton
public class MemoryConfirmationStore implements ConfirmationStore {

    private final Map<UUID, StoredConfirmation> confirmations = new ConcurrentHashMap<>();
    private final Map<String, Window> windows = new ConcurrentHashMap<>();
    private final Map<String, FailureCount> failures = new ConcurrentHashMap<>();
    /** The times of the recent sends per key, kept whole for the sliding limit; changed only inside compute. */
    private final Map<String, Deque<Instant>> recentSends = new ConcurrentHashMap<>();
    private final int maxEntries;

    private record Window(Instant start, int count) {
    }

    /** Protected, so that an application's own store can keep its data here and change one behaviour. */
    @Inject
    protected MemoryConfirmationStore(TwoFactorConfig config) {
        this.maxEntries = config.memory().maxEntries();
    }

    @Override
    public String name() {
        return "memory";
    }

    @Override
    public void create(StoredConfirmation confirmation) {
        if (confirmations.size() >= maxEntries) {
            makeRoom(confirmation.createdAt());
        }
        confirmations.put(confirmation.id(), confirmation);
    }

    @Override
    public Optional<StoredConfirmation> find(UUID id) {
        return Optional.ofNullable(confirmations.get(id));
    }

    @Override
    public boolean confirm(UUID id, String codeHash, int maxAttempts, Instant now) {
        return transition(id,
                c -> isLivePending(c, now) && c.attempts() < maxAttempts && c.codeHash().equals(codeHash),
                c -> copy(c, Status.CONFIRMED, c.codeHash(), c.attempts(), c.expiresAt(), c.lastSentAt(), now,
                        null)) != null;
    }

    @Override
    public int countWrongAttempt(UUID id, int maxAttempts, Instant now) {
        StoredConfirmation counted = transition(id, c -> isLivePending(c, now) && c.attempts() < maxAttempts,
                c -> copy(c, c.attempts() + 1 >= maxAttempts ? Status.FAILED : Status.PENDING, c.codeHash(),
                        c.attempts() + 1, c.expiresAt(), c.lastSentAt(), null, null));
        return counted == null ? 0 : counted.attempts();
    }

    @Override
    public boolean use(UUID id, Instant now) {
        return transition(id, c -> c.status() == Status.CONFIRMED && c.expiresAt().isAfter(now),
                c -> copy(c, Status.USED, c.codeHash(), c.attempts(), c.expiresAt(), c.lastSentAt(), c.confirmedAt(),
                        now)) != null;
    }

    @Override
    public boolean replaceCode(UUID id, String codeHash, Instant sentNoLaterThan, Instant newExpiresAt, Instant now) {
        return transition(id, c -> isLivePending(c, now) && !c.lastSentAt().isAfter(sentNoLaterThan),
                c -> copy(c, Status.PENDING, codeHash, c.attempts(), newExpiresAt, now, null, null)) != null;
    }

    @Override
    public boolean fail(UUID id) {
        return transition(id, c -> c.status() == Status.PENDING,
                c -> copy(c, Status.FAILED, c.codeHash(), c.attempts(), c.expiresAt(), c.lastSentAt(), null,
                        null)) != null;
    }

    @Override
    public boolean recordDelivery(UUID id, DeliveryStatus delivery) {
        return transition(id, c -> true, c -> new StoredConfirmation(c.id(),
                delivery == DeliveryStatus.FAILED && c.status() == Status.PENDING ? Status.FAILED : c.status(),
                c.sender(), c.recipient(), c.owner(), c.purpose(), c.meta(), c.codeHash(), c.attempts(), c.createdAt(),
                c.expiresAt(), c.lastSentAt(), c.confirmedAt(), c.usedAt(), delivery)) != null;
    }

    @Override
    public SendWindow countSend(String recipientKey, int limit, Duration window, Instant now) {
        boolean[] allowed = new boolean[1];
        Window after = windows.compute(recipientKey, (key, current) -> {
            if (current == null || !current.start().plus(window).isAfter(now)) {
                allowed[0] = true;
                return new Window(now, 1);
            }
            allowed[0] = current.count() < limit;
            return allowed[0] ? new Window(current.start(), current.count() + 1) : current;
        });
        return allowed[0] ? SendWindow.allow() : SendWindow.refuse(Duration.between(now, after.start().plus(window)));
    }

    @Override
    public SendWindow countRecentSend(String key, int limit, Duration window, Instant now) {
        Instant over = now.minus(window);
        Instant[] oldestKept = new Instant[1];
        recentSends.compute(key, (k, current) -> {
            Deque<Instant> sends = current == null ? new ArrayDeque<>() : current;
            sends.removeIf(sent -> !sent.isAfter(over));
            if (sends.size() < limit) {
                sends.addLast(now);
            } else {
                // Concurrent callers may record slightly out of order: the oldest is the least, not the first.
                oldestKept[0] = Collections.min(sends);
            }
            return sends;
        });
        return oldestKept[0] == null ? SendWindow.allow()
                : SendWindow.refuse(Duration.between(now, oldestKept[0].plus(window)));
    }

    @Override
    public void uncountRecentSend(String key, Instant countedAt) {
        recentSends.computeIfPresent(key, (k, sends) -> {
            sends.remove(countedAt);
            return sends;
        });
    }

    @Override
    public FailureCount failures(String subjectKey) {
        return failures.getOrDefault(subjectKey, FailureCount.none());
    }

    @Override
    public boolean countFailure(String subjectKey, int max, Duration lockout, Instant now) {
        boolean[] counted = new boolean[1];
        failures.compute(subjectKey, (key, current) -> {
            if (current == null || !current.lastFailureAt().plus(lockout).isAfter(now)) {
                counted[0] = true;
                return new FailureCount(1, now);
            }
            counted[0] = current.count() < max;
            return counted[0] ? new FailureCount(current.count() + 1, now) : current;
        });
        return counted[0];
    }

    @Override
    public void clearFailures(String subjectKey) {
        failures.remove(subjectKey);
    }

    @Override
    public int deleteFailures(Instant lastFailureBefore, int batchSize) {
        int[] deleted = new int[1];
        failures.entrySet().stream()
                .filter(entry -> entry.getValue().lastFailureAt().isBefore(lastFailureBefore))
                .limit(batchSize)
                .forEach(entry -> {
                    if (failures.remove(entry.getKey(), entry.getValue())) {
                        deleted[0]++;
                    }
                });
        return deleted[0];
    }

    @Override
    public int deleteExpired(Instant expiredBefore, Duration window, int batchSize) {
        int[] deleted = new int[1];
        confirmations.values().stream()
                .filter(c -> c.expiresAt().isBefore(expiredBefore))
                .limit(batchSize)
                .forEach(c -> {
                    if (confirmations.remove(c.id(), c)) {
                        deleted[0]++;
                    }
                });
        Instant endedBefore = expiredBefore.minus(window);
        windows.values().removeIf(w -> w.start().isBefore(endedBefore));
        // Judged inside compute, so a send recorded meanwhile keeps its key.
        for (String key : recentSends.keySet()) {
            recentSends.computeIfPresent(key,
                    (k, sends) -> sends.isEmpty() || Collections.max(sends).isBefore(endedBefore) ? null : sends);
        }
        return deleted[0];
    }

    /** Drops expired confirmations, or else the oldest one, so that a full store still takes new ones. */
    private void makeRoom(Instant now) {
        confirmations.values().removeIf(c -> !c.expiresAt().isAfter(now));
        if (confirmations.size() >= maxEntries) {
            confirmations.values().stream().min(Comparator.comparing(StoredConfirmation::createdAt))
                    .ifPresent(oldest -> confirmations.remove(oldest.id(), oldest));
        }
    }

    /** Applies the change when the condition holds, atomically for this id; returns the changed confirmation or null. */
    private StoredConfirmation transition(UUID id, Predicate<StoredConfirmation> condition,
            UnaryOperator<StoredConfirmation> change) {
        StoredConfirmation[] changed = new StoredConfirmation[1];
        confirmations.computeIfPresent(id, (key, current) -> {
            if (!condition.test(current)) {
                return current;
            }
            changed[0] = change.apply(current);
            return changed[0];
        });
        return changed[0];
    }

    private static boolean isLivePending(StoredConfirmation c, Instant now) {
        return c.status() == Status.PENDING && c.expiresAt().isAfter(now);
    }

    /** The confirmation with its changeable fields replaced; a null time keeps the current one. */
    private static StoredConfirmation copy(StoredConfirmation c, Status status, String codeHash, int attempts,
            Instant expiresAt, Instant lastSentAt, Instant confirmedAt, Instant usedAt) {
        return new StoredConfirmation(c.id(), status, c.sender(), c.recipient(), c.owner(), c.purpose(), c.meta(),
                codeHash, attempts, c.createdAt(), expiresAt, lastSentAt,
                confirmedAt != null ? confirmedAt : c.confirmedAt(), usedAt != null ? usedAt : c.usedAt(),
                c.delivery());
    }

    @Override
    public Optional<List<StoredConfirmation>> recent(int limit) {
        return Optional.of(confirmations.values().stream()
                .sorted(Comparator.comparing(StoredConfirmation::createdAt).reversed())
                .limit(limit)
                .toList());
    }
}
