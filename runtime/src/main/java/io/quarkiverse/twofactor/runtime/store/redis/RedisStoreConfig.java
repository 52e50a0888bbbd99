package io.quarkiverse.twofactor.runtime.store.redis;

import java.util.Optional;

import io.smallrye.config.WithDefault;

/**
 * Settings of the {@code redis} store.
 */
public interface RedisStoreConfig {

    /**
     * Put before every key the store writes: confirmations live at {@code <prefix>c:<id>}, send windows at
     * {@code <prefix>w:<recipient-hash>} and each user's destinations at {@code <prefix>d:<owner-hash>}. Applications
     * that share a Redis server give each its own prefix. Keep braces out of it: on Redis Cluster, a prefix such as
     * {@code {app}:} would put every key in one hash slot, on one master, since the cluster hashes only what stands
     * between the braces.
     */
    @WithDefault("two-factor:")
    String keyPrefix();

    /**
     * The name of the Redis client the store uses, as in {@code quarkus.redis."name".hosts}; by default the default
     * client ({@code quarkus.redis.hosts}). The named client's hosts must be in the configuration the application is
     * built with, since Quarkus makes a named client only when the build sees it configured. The store keeps no more
     * calls in flight than the client's {@code max-pool-size}; further calls wait their turn for at most its
     * {@code timeout}.
     */
    Optional<String> clientName();
}
