package io.quarkiverse.twofactor.runtime.destination;

import java.util.List;

import jakarta.inject.Inject;
import jakarta.inject.Singleton;

import io.quarkiverse.twofactor.runtime.FollowingStore;
import io.quarkiverse.twofactor.runtime.StoreSelector;
import io.quarkiverse.twofactor.runtime.TwoFactorConfig;
import io.quarkiverse.twofactor.spi.DestinationStore;
import io.quarkus.arc.All;
import io.quarkus.runtime.Startup;

/**
 * Picks the destination store named by {@code quarkus.two-factor.destinations.store}, or else the one with the name of
 * the confirmation store, among the destination store beans; a name no bean has fails startup.
 */
@Singleton
@Startup
public class DestinationStoreSelector {

    static final String PROPERTY = "quarkus.two-factor.destinations.store";

    private final DestinationStore selected;

    @Inject
    DestinationStoreSelector(TwoFactorConfig config, StoreSelector confirmationStores,
            @All List<DestinationStore> stores) {
        selected = FollowingStore.select(PROPERTY, config.destinations().store(), confirmationStores, stores,
                DestinationStore::name, "Destinations", DestinationStore.class);
    }

    public DestinationStore selected() {
        return selected;
    }
}
