package io.quarkiverse.twofactor.runtime.store.redis;

import java.time.Duration;
import java.time.Instant;
import java.util.Map;
import java.util.Optional;
import java.util.UUID;

import io.quarkiverse.twofactor.Binding;
import io.quarkiverse.twofactor.spi.CodeAttempt;
import io.quarkiverse.twofactor.spi.FailureCount;
import io.quarkiverse.twofactor.spi.FailureLimit;
import io.quarkiverse.twofactor.spi.ReactiveConfirmationStore;
import io.quarkiverse.twofactor.spi.StoredConfirmation;
import io.smallrye.mutiny.Uni;

/**
 * The {@link RedisConfirmationStore}'s steps on the reactive Redis client, the one implementation of each: the blocking
 * store awaits them. Every command goes through {@link RedisCalls}, so reactive and blocking calls share the turns at
 * the client's pool and fail alike when Redis is unavailable.
 */
final class RedisReactiveConfirmationStore implements ReactiveConfirmationStore {

    private static final Uni<Optional<StoredConfirmation>> NOTHING = Uni.createFrom().item(Optional.empty());

    private final RedisCalls redis;
    private final RedisConfirmationStore keys;

    RedisReactiveConfirmationStore(RedisCalls redis, RedisConfirmationStore keys) {
        this.redis = redis;
        this.keys = keys;
    }

    /** Redis's {@code TIME}: seconds and microseconds since the epoch on the server's clock. */
    @Override
    public Uni<Instant> currentTime() {
        return redis.callReactive(r -> r.execute("TIME"))
                .map(time -> Instant.ofEpochSecond(time.get(0).toLong()).plusNanos(time.get(1).toLong() * 1000));
    }

    @Override
    public Uni<Optional<StoredConfirmation>> find(UUID id) {
        return redis.callReactive(r -> r.hash(String.class).hgetall(keys.confirmationKey(id)))
                .map(fields -> RedisConfirmationStore.fromFields(id, fields));
    }

    /**
     * The confirm step as Redis scripts that each apply atomically: a confirmation and its subject's failures may sit
     * on different nodes of a cluster, so the step is never one script over both.
     */
    @Override
    public Uni<Optional<StoredConfirmation>> confirmOrCount(CodeAttempt attempt, Instant now) {
        return find(attempt.id()).chain(found -> {
            Optional<StoredConfirmation> applies = found.filter(c -> attempt.appliesTo(c, now));
            if (applies.isEmpty()) {
                return NOTHING;
            }
            StoredConfirmation c = applies.get();
            String subject = attempt.failures().subjectOf().apply(c);
            Uni<FailureCount> counted = subject == null ? Uni.createFrom().item(FailureCount.none()) : failures(subject);
            return counted.chain(failures -> {
                if (attempt.failures().locksOut(failures, now)) {
                    return NOTHING;
                }
                return attempt.matches(c) ? confirmRight(attempt, c, subject, failures, now)
                        : countWrong(attempt, c, subject, now);
            });
        });
    }

    private Uni<Optional<StoredConfirmation>> confirmRight(CodeAttempt attempt, StoredConfirmation c, String subject,
            FailureCount failures, Instant now) {
        return confirm(c.id(), c.codeHash(), attempt.maxAttempts(), now).chain(confirmed -> {
            if (!confirmed) {
                return NOTHING;
            }
            Uni<Void> cleared = failures.count() > 0 ? clearFailures(subject) : Uni.createFrom().voidItem();
            return cleared.chain(() -> attempt.spend() ? use(c.id(), now) : Uni.createFrom().item(false))
                    .map(used -> Optional.of(attempt.confirmed(c, used, now)));
        });
    }

    private Uni<Optional<StoredConfirmation>> countWrong(CodeAttempt attempt, StoredConfirmation c, String subject,
            Instant now) {
        FailureLimit limit = attempt.failures();
        // The subject's budget first: a wrong code it refuses counts nowhere.
        Uni<Boolean> budget = subject == null ? Uni.createFrom().item(true)
                : countFailure(subject, limit.max(), limit.lockout(), now);
        return budget.chain(counted -> !counted ? NOTHING
                : countWrongAttempt(c.id(), attempt.maxAttempts(), now)
                        .map(attempts -> attempts == 0 ? Optional.empty() : Optional.of(attempt.counted(c, attempts))));
    }

    @Override
    public Uni<Optional<StoredConfirmation>> useReturning(UUID id, Binding binding, Instant now) {
        // Owner and purpose never change once made, so reading them first cannot race with the conditional use.
        return find(id).chain(found -> found.filter(c -> c.isFor(binding))
                .map(c -> use(id, now).map(used -> used ? Optional.of(c.usedAt(now)) : Optional.<StoredConfirmation> empty()))
                .orElse(NOTHING));
    }

    @Override
    public Uni<FailureCount> failures(String subjectKey) {
        return redis.callReactive(r -> r.hash(String.class).hgetall(keys.failureKey(subjectKey)))
                .map(RedisReactiveConfirmationStore::failureCount);
    }

    Uni<Boolean> confirm(UUID id, String codeHash, int maxAttempts, Instant now) {
        return redis.appliedReactive(ConfirmationScripts.CONFIRM, keys.confirmationKey(id), codeHash,
                Integer.toString(maxAttempts), millis(now));
    }

    Uni<Integer> countWrongAttempt(UUID id, int maxAttempts, Instant now) {
        return redis.callReactive(r -> ConfirmationScripts.COUNT_WRONG_ATTEMPT.run(r, keys.confirmationKey(id),
                Integer.toString(maxAttempts), millis(now))).map(reply -> reply.toInteger());
    }

    Uni<Boolean> use(UUID id, Instant now) {
        return redis.appliedReactive(ConfirmationScripts.USE, keys.confirmationKey(id), millis(now));
    }

    Uni<Boolean> countFailure(String subjectKey, int max, Duration lockout, Instant now) {
        return redis.appliedReactive(ConfirmationScripts.COUNT_FAILURE, keys.failureKey(subjectKey),
                Integer.toString(max), Long.toString(lockout.toMillis()), millis(now), millis(now.plus(lockout)));
    }

    Uni<Void> clearFailures(String subjectKey) {
        return redis.callReactive(r -> r.key().del(keys.failureKey(subjectKey))).replaceWithVoid();
    }

    private static FailureCount failureCount(Map<String, String> fields) {
        return fields == null || fields.get("last") == null ? FailureCount.none()
                : new FailureCount(Integer.parseInt(fields.get("count")),
                        Instant.ofEpochMilli(Long.parseLong(fields.get("last"))));
    }

    private static String millis(Instant instant) {
        return Long.toString(instant.toEpochMilli());
    }
}
