package io.quarkiverse.twofactor.deployment;

import io.quarkiverse.twofactor.runtime.store.redis.RedisCalls;
import io.quarkiverse.twofactor.runtime.store.redis.RedisConfirmationStore;
import io.quarkiverse.twofactor.runtime.store.redis.RedisAuthenticatorStore;
import io.quarkiverse.twofactor.runtime.store.redis.RedisDestinationStore;
import io.quarkus.arc.deployment.AdditionalBeanBuildItem;
import io.quarkus.deployment.Capabilities;
import io.quarkus.deployment.Capability;
import io.quarkus.deployment.annotations.BuildProducer;
import io.quarkus.deployment.annotations.BuildStep;

/** The built-in {@code redis} stores, which exist only when the application has the Quarkus Redis client. */
class RedisStoreProcessor {

    @BuildStep
    void redisStore(Capabilities capabilities, BuildProducer<AdditionalBeanBuildItem> beans) {
        // Without the client, the store's class cannot even be loaded: it is never named to the container, and
        // quarkus.two-factor.store=redis is reported by the store selector with the extension to add.
        if (capabilities.isMissing(Capability.REDIS_CLIENT)) {
            return;
        }
        beans.produce(AdditionalBeanBuildItem.unremovableOf(RedisCalls.class));
        beans.produce(AdditionalBeanBuildItem.unremovableOf(RedisConfirmationStore.class));
        beans.produce(AdditionalBeanBuildItem.unremovableOf(RedisDestinationStore.class));
        beans.produce(AdditionalBeanBuildItem.unremovableOf(RedisAuthenticatorStore.class));
    }
}
