package io.quarkiverse.twofactor.runtime.store.redis;

/**
 * The Lua scripts of the {@code redis} store: each checks its conditions and writes in one step, which Redis runs with
 * nothing else in between, so concurrent callers on any replica cannot both win. {@code KEYS[1]} is the confirmation's
 * hash (the send window's, for {@link #COUNT_SEND}; the send log's, for {@link #COUNT_RECENT_SEND} and
 * {@link #UNCOUNT_RECENT_SEND}; the failure count's, for {@link #COUNT_FAILURE}); times are epoch milliseconds;
 * statuses are the names of {@link io.quarkiverse.twofactor.Status}. Each returns 1 when it applied, otherwise 0.
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

    /** ARGV: the delivery status. A failed delivery also fails a pending confirmation. */
    static final LuaScript RECORD_DELIVERY = new LuaScript("""
            local status = redis.call('HGET', KEYS[1], 'status')
            if not status then
              return 0
            end
            redis.call('HSET', KEYS[1], 'delivery', ARGV[1])
            if ARGV[1] == 'FAILED' and status == 'PENDING' then
              redis.call('HSET', KEYS[1], 'status', 'FAILED')
            end
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
     * ARGV: limit, window length in milliseconds, now, a member no other send has. A send log is a sorted set of
     * sends scored by their time; sends that left the window go first, and the log expires a window after its newest
     * send. Returns {1, 0} when the send was recorded, {0, milliseconds until the oldest send leaves the window} when
     * refused.
     */
    static final LuaScript COUNT_RECENT_SEND = new LuaScript("""
            local window = tonumber(ARGV[2])
            local now = tonumber(ARGV[3])
            redis.call('ZREMRANGEBYSCORE', KEYS[1], '-inf', now - window)
            if redis.call('ZCARD', KEYS[1]) >= tonumber(ARGV[1]) then
              local oldest = redis.call('ZRANGE', KEYS[1], 0, 0, 'WITHSCORES')
              return {0, tonumber(oldest[2]) + window - now}
            end
            redis.call('ZADD', KEYS[1], now, ARGV[4])
            local newest = redis.call('ZRANGE', KEYS[1], -1, -1, 'WITHSCORES')
            redis.call('PEXPIRE', KEYS[1], tonumber(newest[2]) + window - now)
            return {1, 0}
            """);

    /** ARGV: the time of the send to forget. Removes one send of that time, if there is one. */
    static final LuaScript UNCOUNT_RECENT_SEND = new LuaScript("""
            local sent = redis.call('ZRANGEBYSCORE', KEYS[1], ARGV[1], ARGV[1], 'LIMIT', 0, 1)
            if sent[1] then
              redis.call('ZREM', KEYS[1], sent[1])
              return 1
            end
            return 0
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
