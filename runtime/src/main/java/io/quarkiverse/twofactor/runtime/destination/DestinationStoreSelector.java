package io.quarkiverse.twofactor.runtime.destination;

import java.util.List;
import java.util.Map;

import jakarta.inject.Inject;
import jakarta.inject.Singleton;

import org.jboss.logging.Logger;

import io.quarkiverse.twofactor.runtime.StoreSelector;
import io.quarkiverse.twofactor.runtime.TwoFactorConfig;
import io.quarkiverse.twofactor.runtime.UniqueNames;
import io.quarkiverse.twofactor.spi.DestinationStore;
import io.quarkus.arc.All;
import io.quarkus.runtime.Startup;
import io.quarkus.runtime.configuration.ConfigurationException;

/**
 * Picks the destination store named by {@code quarkus.two-factor.destinations.store}, or else the one with the name of
 * the confirmation store, among the destination store beans; a name no bean has fails startup.
 */
@Singleton
@Startup
public class DestinationStoreSelector {

    static final String PROPERTY = "quarkus.two-factor.destinations.store";
    private static final Logger LOG = Logger.getLogger(DestinationStoreSelector.class);

    private final DestinationStore selected;

    @Inject
    DestinationStoreSelector(TwoFactorConfig config, StoreSelector confirmationStores,
            @All List<DestinationStore> stores) {
        Map<String, DestinationStore> byName = UniqueNames.index(stores, DestinationStore::name, "destination stores");
        String name = config.destinations().store().orElse(confirmationStores.selected().name());
        selected = byName.get(name);
        if (selected == null) {
            String needs = StoreSelector.extensionsNeededBy(name);
            String named = config.destinations().store().isPresent() ? PROPERTY + " names the store '" + name + "'"
                    : PROPERTY + " is not set, so it takes the confirmation store's name, '" + name + "'";
            throw new ConfigurationException(needs != null
                    ? named + ", which needs the extension " + needs + " in the application"
                    : named + ", but no DestinationStore bean has that name. Known stores: "
                            + String.join(", ", byName.keySet()) + "; set " + PROPERTY + " to one of them or to the"
                            + " name of an application bean implementing io.quarkiverse.twofactor.spi.DestinationStore");
        }
        if (name.equals("memory")) {
            LOG.warnf("Destinations are kept in memory (%s=memory): they do not survive a restart and are not shared"
                    + " between replicas", PROPERTY);
        }
    }

    public DestinationStore selected() {
        return selected;
    }
}
