package io.quarkiverse.twofactor.runtime.store.redis;

import java.util.Optional;
import java.util.Set;
import java.util.function.Function;

import io.quarkiverse.twofactor.spi.StoreUnavailableException;
import io.quarkus.arc.ActiveResult;
import io.quarkus.arc.InjectableInstance;
import io.quarkus.redis.datasource.RedisDataSource;
import io.quarkus.runtime.configuration.ConfigurationException;

/**
 * The Redis stores' way to the application's default Redis client: looked up on first use rather than injected, since
 * every store bean is made at startup and an application that has the Redis client without configuring its default
 * client must still start when it keeps its data elsewhere. A failure to reach Redis becomes
 * {@link StoreUnavailableException}.
 */
final class RedisCalls {

    /**
     * Errors that mean Redis cannot serve now rather than that the command is wrong: the server's, and the client's own
     * {@code CONNECTION_CLOSED} for a connection lost while a command was under way.
     */
    private static final Set<String> UNAVAILABLE_REPLIES = Set.of("CONNECTION_CLOSED", "LOADING", "BUSY", "MASTERDOWN",
            "CLUSTERDOWN", "TRYAGAIN", "READONLY");

    private final InjectableInstance<RedisDataSource> redisInstance;
    private final String selectedBy;
    private volatile RedisDataSource dataSource;

    /**
     * @param selectedBy the setting that selects the store, such as {@code quarkus.two-factor.store=redis}, for the
     *        message when the client is missing
     * @param selected whether that setting selects the store, so that a missing client fails startup
     */
    RedisCalls(InjectableInstance<RedisDataSource> redis, String selectedBy, boolean selected) {
        this.redisInstance = redis;
        this.selectedBy = selectedBy;
        if (selected) {
            dataSource();
        }
    }

    /** Whether the script applied: it returned 1. */
    boolean applied(LuaScript script, String key, String... args) {
        return call(redis -> script.run(redis, key, args)).toInteger() == 1;
    }

    /** Runs Redis commands, turning a failure to reach Redis into {@link StoreUnavailableException}. */
    <T> T call(Function<RedisDataSource, T> commands) {
        RedisDataSource ready = dataSource();
        try {
            return commands.apply(ready);
        } catch (RuntimeException e) {
            Optional<String> reply = LuaScript.errorReply(e);
            String code = reply.map(text -> text.split(" ", 2)[0]).orElse(null);
            if (code == null || UNAVAILABLE_REPLIES.contains(code)) {
                // Named by kind only, so that the message never carries a host, a user or a command's arguments.
                throw new StoreUnavailableException("Redis is unavailable to the two-factor store ("
                        + (code != null ? code : rootCause(e).getClass().getSimpleName()) + ")", e);
            }
            throw new IllegalStateException("Redis refused a command of the two-factor store (" + code + ")", e);
        }
    }

    private RedisDataSource dataSource() {
        RedisDataSource ready = dataSource;
        if (ready == null) {
            String needs = selectedBy + " needs the default Redis client";
            if (!redisInstance.isResolvable()) {
                throw new ConfigurationException(needs + ": set quarkus.redis.hosts");
            }
            ActiveResult active = redisInstance.getHandle().getBean().checkActive();
            if (!active.value()) {
                throw new ConfigurationException(needs + ", which is inactive: " + active.inactiveReason());
            }
            ready = redisInstance.get();
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
