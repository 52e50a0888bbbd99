package io.quarkiverse.twofactor.runtime.store.redis;

import java.time.Duration;
import java.util.Optional;
import java.util.Set;
import java.util.function.Function;

import jakarta.enterprise.inject.Any;
import jakarta.inject.Singleton;

import org.eclipse.microprofile.config.ConfigProvider;

import io.quarkiverse.twofactor.runtime.TwoFactorConfig;
import io.quarkiverse.twofactor.spi.StoreUnavailableException;
import io.quarkus.arc.ActiveResult;
import io.quarkus.arc.InjectableInstance;
import io.quarkus.redis.client.RedisClientName;
import io.quarkus.redis.datasource.ReactiveRedisDataSource;
import io.quarkus.redis.datasource.RedisDataSource;
import io.quarkus.redis.runtime.client.config.RedisClientConfig;
import io.quarkus.redis.runtime.client.config.RedisConfig;
import io.quarkus.runtime.configuration.ConfigurationException;
import io.smallrye.config.SmallRyeConfig;
import io.smallrye.mutiny.Uni;

/**
 * The Redis stores' way to the Redis client that {@code quarkus.two-factor.redis.client-name} names, or the default
 * one: looked up on first use rather than injected, since every store bean is made at startup and an application that
 * has the Redis client without configuring it must still start when it keeps its data elsewhere. A failure to reach
 * Redis becomes {@link StoreUnavailableException}.
 * <p>
 * Each call takes a connection from the client's pool, whose wait queue refuses callers once it is full: a burst of
 * concurrent calls would fail although Redis answers each in well under a millisecond. So the stores keep no more calls
 * in flight than the pool has connections, and further callers wait their turn here, first come first served, for at
 * most the client's timeout. A reactive call waits for its turn, and for Redis, without holding a thread
 * ({@link RedisTurns}); blocking and reactive calls share the turns.
 */
@Singleton
public class RedisCalls {

    private static final String CLIENT_NAME_PROPERTY = "quarkus.two-factor.redis.client-name";

    /**
     * Errors that mean Redis cannot serve now rather than that the command is wrong: the server's, and the client's own
     * {@code CONNECTION_CLOSED} for a connection lost while a command was under way.
     */
    private static final Set<String> UNAVAILABLE_REPLIES = Set.of("CONNECTION_CLOSED", "LOADING", "BUSY", "MASTERDOWN",
            "CLUSTERDOWN", "TRYAGAIN", "READONLY");

    private final InjectableInstance<RedisDataSource> defaultClient;
    private final InjectableInstance<RedisDataSource> anyClient;
    private final Optional<String> clientName;
    private final RedisTurns turns;
    private final Duration maxWait;
    private volatile RedisDataSource dataSource;

    /**
     * @param defaultClient an injection point of the default client, which makes Quarkus create it even when its hosts
     *        are set only at run time
     * @param anyClient for the named clients, which Quarkus creates for a lookup when the build sees them configured
     */
    RedisCalls(InjectableInstance<RedisDataSource> defaultClient, @Any InjectableInstance<RedisDataSource> anyClient,
            TwoFactorConfig config) {
        this.defaultClient = defaultClient;
        this.anyClient = anyClient;
        this.clientName = config.redis().clientName();
        RedisClientConfig client = ConfigProvider.getConfig().unwrap(SmallRyeConfig.class)
                .getConfigMapping(RedisConfig.class).clients().get(clientName.orElse(RedisConfig.DEFAULT_CLIENT_NAME));
        this.maxWait = client.timeout();
        this.turns = new RedisTurns(client.maxPoolSize(), maxWait);
    }

    /**
     * Fails startup when the client is missing or inactive.
     *
     * @param selectedBy the setting that selects a store, such as {@code quarkus.two-factor.store=redis}, for the
     *        message
     */
    void requireClient(String selectedBy) {
        dataSource(selectedBy);
    }

    /** Whether the script applied: it returned 1. */
    boolean applied(LuaScript script, String key, String... args) {
        return call(redis -> script.run(redis, key, args)).toInteger() == 1;
    }

    /** Runs Redis commands, turning a failure to reach Redis into {@link StoreUnavailableException}. */
    <T> T call(Function<RedisDataSource, T> commands) {
        RedisDataSource ready = dataSource("a Redis store");
        turns.take().await().indefinitely();
        try {
            return commands.apply(ready);
        } catch (RuntimeException e) {
            throw storeFailure(e);
        } finally {
            turns.give();
        }
    }

    /** Like {@link #applied}, on the reactive client. */
    Uni<Boolean> appliedReactive(LuaScript script, String key, String... args) {
        return callReactive(redis -> script.run(redis, key, args)).map(reply -> reply.toInteger() == 1);
    }

    /**
     * Like {@link #call}, on the reactive client: the commands run once per subscription, when a turn comes, and no
     * thread waits for the turn or for Redis. A reply that takes longer than the client's timeout fails the call, as
     * the blocking client does.
     */
    <T> Uni<T> callReactive(Function<ReactiveRedisDataSource, Uni<T>> commands) {
        return Uni.createFrom().deferred(() -> {
            ReactiveRedisDataSource ready = dataSource("a Redis store").getReactive();
            return turns.take().chain(() -> Uni.createFrom().deferred(() -> commands.apply(ready))
                    .ifNoItem().after(maxWait).fail()
                    .onTermination().invoke(turns::give));
        }).onFailure().transform(RedisCalls::storeFailure);
    }

    /** The failure a store call ends with: unavailable when Redis cannot serve now, a refused command otherwise. */
    private static RuntimeException storeFailure(Throwable e) {
        if (e instanceof StoreUnavailableException || e instanceof ConfigurationException) {
            return (RuntimeException) e;
        }
        Optional<String> reply = LuaScript.errorReply(e);
        String code = reply.map(text -> text.split(" ", 2)[0]).orElse(null);
        if (code == null || UNAVAILABLE_REPLIES.contains(code)) {
            // Named by kind only, so that the message never carries a host, a user or a command's arguments.
            return new StoreUnavailableException("Redis is unavailable to the two-factor store ("
                    + (code != null ? code : rootCause(e).getClass().getSimpleName()) + ")", e);
        }
        return new IllegalStateException("Redis refused a command of the two-factor store (" + code + ")", e);
    }

    private RedisDataSource dataSource(String selectedBy) {
        RedisDataSource ready = dataSource;
        if (ready == null) {
            InjectableInstance<RedisDataSource> client = clientName
                    .map(name -> anyClient.select(RedisClientName.Literal.of(name)))
                    .orElse(defaultClient);
            String needs = clientName.map(name -> selectedBy + " needs the Redis client '" + name + "' that "
                    + CLIENT_NAME_PROPERTY + " names").orElse(selectedBy + " needs the default Redis client");
            if (!client.isResolvable()) {
                // A named client exists only when the build sees its hosts.
                throw new ConfigurationException(needs + ": set " + clientName
                        .map(name -> "quarkus.redis." + name + ".hosts in application.properties")
                        .orElse("quarkus.redis.hosts"));
            }
            ActiveResult active = client.getHandle().getBean().checkActive();
            if (!active.value()) {
                throw new ConfigurationException(needs + ", which is inactive: " + active.inactiveReason());
            }
            ready = client.get();
            dataSource = ready;
        }
        return ready;
    }

    private static Throwable rootCause(Throwable failure) {
        Throwable root = failure;
        while (root.getCause() != null && root.getCause() != root) {
            root = root.getCause();
        }
        return root;
    }
}
