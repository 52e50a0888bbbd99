package io.quarkiverse.twofactor.runtime.store.redis;

/**
 * The Lua scripts of the {@code redis} authenticator store, each on one key of one owner, which Redis runs with nothing
 * else in between.
 */
final class AuthenticatorScripts {

    /**
     * {@code KEYS[1]}: the owner's apps, a hash of JSON objects by id; ARGV: the id. Returns 0 when unknown.
     */
    static final LuaScript MARK_VERIFIED = new LuaScript("""
            local value = redis.call('HGET', KEYS[1], ARGV[1])
            if not value then
              return 0
            end
            local app = cjson.decode(value)
            app.verified = true
            redis.call('HSET', KEYS[1], ARGV[1], cjson.encode(app))
            return 1
            """);

    /**
     * {@code KEYS[1]}: the owner's last accepted step, as a decimal string; ARGV: the step. Returns 1 when the step is
     * later and now recorded. Steps are compared as numbers of up to 15 digits, exact in Lua's doubles.
     */
    static final LuaScript ACCEPT_STEP = new LuaScript("""
            local last = redis.call('GET', KEYS[1])
            if last and tonumber(last) >= tonumber(ARGV[1]) then
              return 0
            end
            redis.call('SET', KEYS[1], ARGV[1])
            return 1
            """);

    /** {@code KEYS[1]}: the owner's recovery code hashes, a set; ARGV: the new hashes, replacing all. */
    static final LuaScript REPLACE_RECOVERY_CODES = new LuaScript("""
            redis.call('DEL', KEYS[1])
            if #ARGV > 0 then
              redis.call('SADD', KEYS[1], unpack(ARGV))
            end
            return 1
            """);

    private AuthenticatorScripts() {
    }
}
