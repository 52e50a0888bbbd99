package io.quarkiverse.twofactor.runtime.store.redis;

import io.smallrye.config.WithDefault;

/**
 * Settings of the {@code redis} store.
 */
public interface RedisStoreConfig {

    /**
     * Put before every key the store writes: confirmations live at {@code <prefix>c:<id>} and send windows at
     * {@code <prefix>w:<recipient-hash>}. Applications that share a Redis server give each its own prefix.
     */
    @WithDefault("two-factor:")
    String keyPrefix();
}
