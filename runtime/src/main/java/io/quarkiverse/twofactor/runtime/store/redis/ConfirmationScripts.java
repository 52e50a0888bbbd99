package io.quarkiverse.twofactor.runtime.store.redis;

/**
 * The Lua scripts of the {@code redis} store: each checks its conditions and writes in one step, which Redis runs with
 * nothing else in between, so concurrent callers on any replica cannot both win. {@code KEYS[1]} is the confirmation's
 * hash (the send window's, for {@link #COUNT_SEND}; the failure count's, for {@link #COUNT_FAILURE}); times are epoch
 * milliseconds; statuses are the names of {@link io.quarkiverse.twofactor.Status}. Each returns 1 when it applied,
 * otherwise 0.
 */
final class ConfirmationScripts {

    /** ARGV: when the key expires, then field, value, field, value... Returns 0 when the id is taken. */
    static final LuaScript CREATE = new LuaScript("""
            if redis.call('EXISTS', KEYS[1]) == 1 then
              return 0
            end
            redis.call('HSET', KEYS[1], unpack(ARGV, 2))
            redis.call('PEXPIREAT', KEYS[1], ARGV[1])
            return 1
            """);

    /** ARGV: code hash, max attempts, now. */
    static final LuaScript CONFIRM = new LuaScript("""
            local c = redis.call('HMGET', KEYS[1], 'status', 'expiresAt', 'attempts', 'codeHash')
            if c[1] ~= 'PENDING' or tonumber(c[2]) <= tonumber(ARGV[3]) or tonumber(c[3]) >= tonumber(ARGV[2])
                or c[4] ~= ARGV[1] then
              return 0
            end
            redis.call('HSET', KEYS[1], 'status', 'CONFIRMED', 'confirmedAt', ARGV[3])
            return 1
            """);

    /** ARGV: max attempts, now. Fails the confirmation when the count reaches max attempts. */
    static final LuaScript COUNT_WRONG_ATTEMPT = new LuaScript("""
            local c = redis.call('HMGET', KEYS[1], 'status', 'expiresAt', 'attempts')
            local max = tonumber(ARGV[1])
            if c[1] ~= 'PENDING' or tonumber(c[2]) <= tonumber(ARGV[2]) or tonumber(c[3]) >= max then
              return 0
            end
            local attempts = redis.call('HINCRBY', KEYS[1], 'attempts', 1)
            if attempts >= max then
              redis.call('HSET', KEYS[1], 'status', 'FAILED')
            end
            return attempts
            """);

    /** ARGV: now. */
    static final LuaScript USE = new LuaScript("""
            local c = redis.call('HMGET', KEYS[1], 'status', 'expiresAt')
            if c[1] ~= 'CONFIRMED' or tonumber(c[2]) <= tonumber(ARGV[1]) then
              return 0
            end
            redis.call('HSET', KEYS[1], 'status', 'USED', 'usedAt', ARGV[1])
            return 1
            """);

    /** ARGV: code hash, sent no later than, new expiry, now, when the key now expires. */
    static final LuaScript REPLACE_CODE = new LuaScript("""
            local c = redis.call('HMGET', KEYS[1], 'status', 'expiresAt', 'lastSentAt')
            if c[1] ~= 'PENDING' or tonumber(c[2]) <= tonumber(ARGV[4]) or tonumber(c[3]) > tonumber(ARGV[2]) then
              return 0
            end
            redis.call('HSET', KEYS[1], 'codeHash', ARGV[1], 'lastSentAt', ARGV[4], 'expiresAt', ARGV[3])
            redis.call('PEXPIREAT', KEYS[1], ARGV[5])
            return 1
            """);

    /** No ARGV. */
    static final LuaScript FAIL = new LuaScript("""
            if redis.call('HGET', KEYS[1], 'status') ~= 'PENDING' then
              return 0
            end
            redis.call('HSET', KEYS[1], 'status', 'FAILED')
            return 1
            """);

    /**
     * ARGV: limit, window length in milliseconds, now, end of a window starting now. A window is a hash of its start and
     * count that expires when it ends. Returns {1, 0} when the send was counted, {0, milliseconds until the window ends}
     * when refused.
     */
    static final LuaScript COUNT_SEND = new LuaScript("""
            local w = redis.call('HMGET', KEYS[1], 'start', 'count')
            local now = tonumber(ARGV[3])
            local windowEnd = w[1] and tonumber(w[1]) + tonumber(ARGV[2])
            if not windowEnd or windowEnd <= now then
              redis.call('HSET', KEYS[1], 'start', ARGV[3], 'count', '1')
              redis.call('PEXPIREAT', KEYS[1], ARGV[4])
              return {1, 0}
            end
            if tonumber(w[2]) < tonumber(ARGV[1]) then
              redis.call('HINCRBY', KEYS[1], 'count', 1)
              return {1, 0}
            end
            return {0, windowEnd - now}
            """);

    /**
     * ARGV: max, lockout in milliseconds, now, end of a lockout starting now. A failure count is a hash of its count
     * and last failure that expires a lockout after the last failure, when it would start again anyway. Returns 1 when
     * the failure was counted, 0 when the count is full and its last failure recent.
     */
    static final LuaScript COUNT_FAILURE = new LuaScript("""
            local f = redis.call('HMGET', KEYS[1], 'count', 'last')
            local now = tonumber(ARGV[3])
            if not f[2] or tonumber(f[2]) + tonumber(ARGV[2]) <= now then
              redis.call('HSET', KEYS[1], 'count', '1', 'last', ARGV[3])
            elseif tonumber(f[1]) < tonumber(ARGV[1]) then
              redis.call('HINCRBY', KEYS[1], 'count', 1)
              redis.call('HSET', KEYS[1], 'last', ARGV[3])
            else
              return 0
            end
            redis.call('PEXPIREAT', KEYS[1], ARGV[4])
            return 1
            """);

    private ConfirmationScripts() {
    }
}
