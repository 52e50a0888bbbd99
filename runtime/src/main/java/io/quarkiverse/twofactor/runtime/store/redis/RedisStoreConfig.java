package io.quarkiverse.twofactor.runtime.store.redis;

import io.smallrye.config.WithDefault;

/**
 * Settings of the {@code redis} store.
 */
public interface RedisStoreConfig {

    /**
     * Put before every key the store writes: confirmations live at {@code <prefix>c:<id>}, send windows at
     * {@code <prefix>w:<recipient-hash>} and each user's destinations at {@code <prefix>d:<owner-hash>}. Applications
     * that share a Redis server give each its own prefix.
     */
    @WithDefault("two-factor:")
    String keyPrefix();
}
