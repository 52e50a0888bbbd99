package io.quarkiverse.twofactor.runtime.store.redis;

import java.nio.charset.StandardCharsets;
import java.security.MessageDigest;
import java.security.NoSuchAlgorithmException;
import java.util.HexFormat;
import java.util.Optional;

import io.quarkus.redis.datasource.ReactiveRedisDataSource;
import io.quarkus.redis.datasource.RedisDataSource;
import io.smallrye.mutiny.Uni;
import io.vertx.mutiny.redis.client.Response;
import io.vertx.redis.client.Command;
import io.vertx.redis.client.ResponseType;

/**
 * A Lua script that Redis runs atomically on one key. It is called by its SHA-1 digest ({@code EVALSHA}) and sent whole
 * ({@code EVAL}, which also caches it) only when the server does not know it: after a restart, a fail-over or a
 * {@code SCRIPT FLUSH}. One key and never more, so that on a Redis Cluster the script runs on the master of that key's
 * slot; a master that has not seen it yet answers {@code NOSCRIPT} like a restarted server, and the script goes there
 * whole.
 */
final class LuaScript {

    private final String source;
    private final String sha1;

    LuaScript(String source) {
        this.source = source;
        this.sha1 = sha1(source);
    }

    /** Runs the script with {@code key} as {@code KEYS[1]} and {@code args} as {@code ARGV}. */
    Response run(RedisDataSource redis, String key, String... args) {
        try {
            return redis.execute(Command.EVALSHA, command(sha1, key, args));
        } catch (RuntimeException e) {
            if (!isNoScript(e)) {
                throw e;
            }
        }
        return redis.execute(Command.EVAL, command(source, key, args));
    }

    /** Like {@link #run(RedisDataSource, String, String...)}, on the reactive client. */
    Uni<Response> run(ReactiveRedisDataSource redis, String key, String... args) {
        return redis.execute(Command.EVALSHA, command(sha1, key, args))
                .onFailure(LuaScript::isNoScript).recoverWithUni(() -> redis.execute(Command.EVAL,
                        command(source, key, args)));
    }

    /** EVALSHA's or EVAL's arguments: the script's digest or source, one key, then the script's own. */
    private static String[] command(String script, String key, String... args) {
        String[] command = new String[args.length + 3];
        command[0] = script;
        command[1] = "1";
        command[2] = key;
        System.arraycopy(args, 0, command, 3, args.length);
        return command;
    }

    private static boolean isNoScript(Throwable failure) {
        return errorReply(failure).filter(reply -> reply.startsWith("NOSCRIPT")).isPresent();
    }

    /**
     * The error reply in {@code failure}, such as {@code NOSCRIPT No matching script} from the server or
     * {@code CONNECTION_CLOSED} from the client; empty when the command failed otherwise (connection refused, timeout).
     */
    static Optional<String> errorReply(Throwable failure) {
        for (Throwable cause = failure; cause != null; cause = cause.getCause() == cause ? null : cause.getCause()) {
            // The client reports an error reply as a Throwable that is also the reply.
            if (cause instanceof io.vertx.redis.client.Response reply && reply.type() == ResponseType.ERROR) {
                return Optional.of(String.valueOf(reply));
            }
        }
        return Optional.empty();
    }

    private static String sha1(String text) {
        try {
            return HexFormat.of().formatHex(MessageDigest.getInstance("SHA-1")
                    .digest(text.getBytes(StandardCharsets.UTF_8)));
        } catch (NoSuchAlgorithmException e) {
            throw new IllegalStateException("SHA-1 is part of every Java runtime", e);
        }
    }
}
