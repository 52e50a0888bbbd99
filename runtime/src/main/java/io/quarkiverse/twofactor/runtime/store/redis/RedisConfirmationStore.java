package io.quarkiverse.twofactor.runtime.store.redis;

import java.time.Duration;
import java.time.Instant;
import java.util.ArrayList;
import java.util.List;
import java.util.Map;
import java.util.Optional;
import java.util.UUID;
import java.util.concurrent.ThreadLocalRandom;

import jakarta.inject.Inject;
import jakarta.inject.Singleton;

import io.quarkiverse.twofactor.Binding;
import io.quarkiverse.twofactor.DeliveryStatus;
import io.quarkiverse.twofactor.Status;
import io.quarkiverse.twofactor.runtime.TwoFactorConfig;
import io.quarkiverse.twofactor.runtime.store.MetaJson;
import io.quarkiverse.twofactor.spi.CodeAttempt;
import io.quarkiverse.twofactor.spi.ConfirmationStore;
import io.quarkiverse.twofactor.spi.FailureCount;
import io.quarkiverse.twofactor.spi.ReactiveConfirmationStore;
import io.quarkiverse.twofactor.spi.SendWindow;
import io.quarkiverse.twofactor.spi.StoredConfirmation;
import io.smallrye.mutiny.Uni;
import io.vertx.mutiny.redis.client.Response;

/**
 * Keeps confirmations in Redis, through the application's Redis client ({@link RedisCalls}). A confirmation is a hash at
 * {@code <prefix>c:<id>}, a recipient's send window a hash at {@code <prefix>w:<recipient-hash>}, the recent sends to a
 * recipient a sorted set at {@code <prefix>l:<recipient-hash>}, the wrong codes counted against an owner or a
 * recipient a hash at {@code <prefix>f:<subject-hash>}. Each transition is one Lua script
 * ({@link ConfirmationScripts}) that Redis runs atomically, so concurrent callers on any number of replicas cannot both
 * win. Every key expires on its own: a confirmation {@code cleanup.retention} after its expiry, so that it still reads
 * as expired for a while; a send window when it ends; a send log a window after its newest send; a failure count a
 * lockout after its last failure.
 */
@Singleton
public class RedisConfirmationStore implements ConfirmationStore {

    static final String NAME = "redis";

    private static final String STATUS = "status";
    private static final String SENDER = "sender";
    private static final String RECIPIENT = "recipient";
    private static final String OWNER = "owner";
    private static final String PURPOSE = "purpose";
    private static final String META = "meta";
    private static final String CODE_HASH = "codeHash";
    private static final String ATTEMPTS = "attempts";
    private static final String CREATED_AT = "createdAt";
    private static final String EXPIRES_AT = "expiresAt";
    private static final String LAST_SENT_AT = "lastSentAt";
    private static final String CONFIRMED_AT = "confirmedAt";
    private static final String USED_AT = "usedAt";
    private static final String DELIVERY = "delivery";

    private final RedisCalls redis;
    private final RedisReactiveConfirmationStore reactive;
    private final String prefix;
    private final Duration retention;

    @Inject
    RedisConfirmationStore(RedisCalls redis, TwoFactorConfig config) {
        this.redis = redis;
        if (config.store().filter(NAME::equals).isPresent()) {
            redis.requireClient("quarkus.two-factor.store=redis");
        }
        this.prefix = config.redis().keyPrefix();
        this.retention = config.cleanup().retention();
        this.reactive = new RedisReactiveConfirmationStore(redis, this);
    }

    /** The steps the reactive confirmer takes, on the reactive client; the blocking ones here await them. */
    @Override
    public Optional<ReactiveConfirmationStore> reactive() {
        return Optional.of(reactive);
    }

    @Override
    public String name() {
        return NAME;
    }

    /**
     * An {@code EXISTS} of one key rather than a {@code PING}: a keyed command reaches the master of its slot, which on
     * a Redis Cluster that lost a master answers {@code CLUSTERDOWN}, where a {@code PING} to any node would still
     * succeed. A failure says only that Redis is unavailable, and why in one word.
     */
    @Override
    public void probe() {
        redis.call(r -> r.key().exists(prefix + "probe"));
    }

    /** Redis's {@code TIME}: seconds and microseconds since the epoch on the server's clock. */
    @Override
    public Instant currentTime() {
        return await(reactive.currentTime());
    }

    @Override
    public void create(StoredConfirmation c) {
        List<String> args = new ArrayList<>();
        args.add(millis(c.expiresAt().plus(retention)));
        addField(args, STATUS, c.status().name());
        addField(args, SENDER, c.sender());
        addField(args, RECIPIENT, c.recipient());
        addField(args, OWNER, c.owner());
        addField(args, PURPOSE, c.purpose());
        addField(args, META, MetaJson.write(c.meta()));
        addField(args, CODE_HASH, c.codeHash());
        addField(args, ATTEMPTS, Integer.toString(c.attempts()));
        addField(args, CREATED_AT, millis(c.createdAt()));
        addField(args, EXPIRES_AT, millis(c.expiresAt()));
        addField(args, LAST_SENT_AT, millis(c.lastSentAt()));
        addField(args, CONFIRMED_AT, millis(c.confirmedAt()));
        addField(args, USED_AT, millis(c.usedAt()));
        addField(args, DELIVERY, c.delivery() == null ? null : c.delivery().name());
        if (!redis.applied(ConfirmationScripts.CREATE, confirmationKey(c.id()), args.toArray(String[]::new))) {
            throw new IllegalStateException("A confirmation with id " + c.id() + " is already stored");
        }
    }

    @Override
    public Optional<StoredConfirmation> find(UUID id) {
        return await(reactive.find(id));
    }

    /** The confirmation a hash holds, or none when the hash is empty or missing. */
    static Optional<StoredConfirmation> fromFields(UUID id, Map<String, String> fields) {
        if (fields == null || fields.isEmpty()) {
            return Optional.empty();
        }
        return Optional.of(new StoredConfirmation(id, Status.valueOf(fields.get(STATUS)), fields.get(SENDER),
                fields.get(RECIPIENT), fields.get(OWNER), fields.get(PURPOSE), MetaJson.read(fields.get(META)), fields.get(CODE_HASH),
                Integer.parseInt(fields.get(ATTEMPTS)), instant(fields.get(CREATED_AT)),
                instant(fields.get(EXPIRES_AT)), instant(fields.get(LAST_SENT_AT)), instant(fields.get(CONFIRMED_AT)),
                instant(fields.get(USED_AT)),
                fields.get(DELIVERY) == null ? null : DeliveryStatus.valueOf(fields.get(DELIVERY))));
    }

    @Override
    public Optional<StoredConfirmation> confirmOrCount(CodeAttempt attempt, Instant now) {
        return await(reactive.confirmOrCount(attempt, now));
    }

    @Override
    public Optional<StoredConfirmation> useReturning(UUID id, Binding binding, Instant now) {
        return await(reactive.useReturning(id, binding, now));
    }

    @Override
    public boolean confirm(UUID id, String codeHash, int maxAttempts, Instant now) {
        return await(reactive.confirm(id, codeHash, maxAttempts, now));
    }

    @Override
    public int countWrongAttempt(UUID id, int maxAttempts, Instant now) {
        return await(reactive.countWrongAttempt(id, maxAttempts, now));
    }

    @Override
    public boolean use(UUID id, Instant now) {
        return await(reactive.use(id, now));
    }

    @Override
    public boolean replaceCode(UUID id, String codeHash, Instant sentNoLaterThan, Instant newExpiresAt, Instant now) {
        // The key's own expiry moves with the confirmation's.
        return redis.applied(ConfirmationScripts.REPLACE_CODE, confirmationKey(id), codeHash, millis(sentNoLaterThan),
                millis(newExpiresAt), millis(now), millis(newExpiresAt.plus(retention)));
    }

    @Override
    public boolean fail(UUID id) {
        return redis.applied(ConfirmationScripts.FAIL, confirmationKey(id));
    }

    @Override
    public boolean recordDelivery(UUID id, DeliveryStatus delivery) {
        return redis.applied(ConfirmationScripts.RECORD_DELIVERY, confirmationKey(id), delivery.name());
    }

    @Override
    public SendWindow countSend(String recipientKey, int limit, Duration window, Instant now) {
        Response decided = redis.call(r -> ConfirmationScripts.COUNT_SEND.run(r, prefix + "w:" + recipientKey,
                Integer.toString(limit), Long.toString(window.toMillis()), millis(now), millis(now.plus(window))));
        return decided.get(0).toInteger() == 1 ? SendWindow.allow()
                : SendWindow.refuse(Duration.ofMillis(decided.get(1).toLong()));
    }

    @Override
    public SendWindow countRecentSend(String key, int limit, Duration window, Instant now) {
        // The score is the time; the member only has to differ from every other, so that two sends in the same
        // millisecond stay two.
        Response decided = redis.call(r -> ConfirmationScripts.COUNT_RECENT_SEND.run(r, sendLogKey(key),
                Integer.toString(limit), Long.toString(window.toMillis()), millis(now),
                millis(now) + ":" + Long.toHexString(ThreadLocalRandom.current().nextLong())));
        return decided.get(0).toInteger() == 1 ? SendWindow.allow()
                : SendWindow.refuse(Duration.ofMillis(decided.get(1).toLong()));
    }

    @Override
    public void uncountRecentSend(String key, Instant countedAt) {
        redis.applied(ConfirmationScripts.UNCOUNT_RECENT_SEND, sendLogKey(key), millis(countedAt));
    }

    @Override
    public FailureCount failures(String subjectKey) {
        return await(reactive.failures(subjectKey));
    }

    @Override
    public boolean countFailure(String subjectKey, int max, Duration lockout, Instant now) {
        return await(reactive.countFailure(subjectKey, max, lockout, now));
    }

    @Override
    public void clearFailures(String subjectKey) {
        await(reactive.clearFailures(subjectKey));
    }

    @Override
    public int deleteFailures(Instant lastFailureBefore, int batchSize) {
        // Nothing to do: a failure count expires on its own, a lockout after its last failure.
        return 0;
    }

    @Override
    public int deleteExpired(Instant expiredBefore, Duration window, int batchSize) {
        // Nothing to do: every key carries its own expiry (a confirmation's is its expiry plus the retention, a send
        // window's is its end, a send log's a window after its newest send), and Redis deletes expired keys itself.
        return 0;
    }

    private String sendLogKey(String key) {
        return prefix + "l:" + key;
    }

    String confirmationKey(UUID id) {
        return prefix + "c:" + id;
    }

    String failureKey(String subjectKey) {
        return prefix + "f:" + subjectKey;
    }

    /** A step of {@link #reactive}, awaited: it fails by itself when Redis keeps it waiting past the client's timeout. */
    private static <T> T await(Uni<T> step) {
        return step.await().indefinitely();
    }

    private static void addField(List<String> args, String field, String value) {
        if (value != null) {
            args.add(field);
            args.add(value);
        }
    }

    private static String millis(Instant instant) {
        return instant == null ? null : Long.toString(instant.toEpochMilli());
    }

    private static Instant instant(String millis) {
        return millis == null ? null : Instant.ofEpochMilli(Long.parseLong(millis));
    }
}
