package io.quarkiverse.twofactor.runtime.store.redis;

/**
 * The Lua scripts of the {@code redis} destination store. {@code KEYS[1]} is the owner's hash, whose fields are
 * destination ids and whose values are JSON objects ({@code sender}, {@code recipient}, {@code verified},
 * {@code default}, {@code createdAt} as epoch milliseconds in a string). Redis runs each script with nothing else in
 * between, and every change of an owner's destinations is one of them, so concurrent callers on any replica never leave
 * an owner two defaults for one sender. {@code ARGV[1]} is always the destination's id.
 */
final class DestinationScripts {

    /** ARGV: id, sender, recipient, the destination's JSON. Returns 0 when the owner has that sender and recipient. */
    static final LuaScript CREATE = new LuaScript("""
            for _, value in ipairs(redis.call('HVALS', KEYS[1])) do
              local d = cjson.decode(value)
              if d.sender == ARGV[2] and d.recipient == ARGV[3] then
                return 0
              end
            end
            redis.call('HSET', KEYS[1], ARGV[1], ARGV[4])
            return 1
            """);

    /** Returns 0 when unknown; a destination already verified stays as it is. */
    static final LuaScript MARK_VERIFIED = new LuaScript("""
            local value = redis.call('HGET', KEYS[1], ARGV[1])
            if not value then
              return 0
            end
            local target = cjson.decode(value)
            if target.verified then
              return 1
            end
            target.verified = true
            target.default = true
            local all = redis.call('HGETALL', KEYS[1])
            for i = 1, #all, 2 do
              local d = cjson.decode(all[i + 1])
              if all[i] ~= ARGV[1] and d.sender == target.sender and d.default then
                target.default = false
              end
            end
            redis.call('HSET', KEYS[1], ARGV[1], cjson.encode(target))
            return 1
            """);

    /** Returns 1 when made the default, 0 when unknown, 2 when not verified. */
    static final LuaScript MAKE_DEFAULT = new LuaScript("""
            local value = redis.call('HGET', KEYS[1], ARGV[1])
            if not value then
              return 0
            end
            local target = cjson.decode(value)
            if not target.verified then
              return 2
            end
            local all = redis.call('HGETALL', KEYS[1])
            for i = 1, #all, 2 do
              local d = cjson.decode(all[i + 1])
              local isTarget = all[i] == ARGV[1]
              if d.sender == target.sender and d.default ~= isTarget then
                d.default = isTarget
                redis.call('HSET', KEYS[1], all[i], cjson.encode(d))
              end
            end
            return 1
            """);

    /**
     * Returns 0 when unknown. When the deleted destination was its sender's default, the oldest verified one left for
     * that sender (by creation time, then id) becomes the default.
     */
    static final LuaScript DELETE = new LuaScript("""
            local value = redis.call('HGET', KEYS[1], ARGV[1])
            if not value then
              return 0
            end
            redis.call('HDEL', KEYS[1], ARGV[1])
            local target = cjson.decode(value)
            if target.default then
              local nextId, nextOne
              local all = redis.call('HGETALL', KEYS[1])
              for i = 1, #all, 2 do
                local d = cjson.decode(all[i + 1])
                if d.sender == target.sender and d.verified then
                  local t = tonumber(d.createdAt)
                  if not nextOne or t < tonumber(nextOne.createdAt)
                      or (t == tonumber(nextOne.createdAt) and all[i] < nextId) then
                    nextId, nextOne = all[i], d
                  end
                end
              end
              if nextOne then
                nextOne.default = true
                redis.call('HSET', KEYS[1], nextId, cjson.encode(nextOne))
              end
            end
            return 1
            """);

    private DestinationScripts() {
    }
}
