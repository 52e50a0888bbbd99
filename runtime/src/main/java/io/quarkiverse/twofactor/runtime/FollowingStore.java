package io.quarkiverse.twofactor.runtime;

import java.util.List;
import java.util.Map;
import java.util.Optional;
import java.util.function.Function;

import org.jboss.logging.Logger;

import io.quarkus.runtime.configuration.ConfigurationException;

/**
 * Picks a store of users' data (destinations, authenticator apps) by the name its own property gives, or else by the
 * name of the confirmation store, so that an application chooses one place for everything unless it says otherwise. A
 * name no bean has fails startup, saying what to add.
 */
public final class FollowingStore {

    private static final Logger LOG = Logger.getLogger(FollowingStore.class);

    private FollowingStore() {
    }

    /**
     * @param property the store's own property
     * @param configured its value
     * @param what what the store keeps, capitalized, as in "Destinations"
     * @param spi the interface an application bean implements to be such a store
     */
    public static <T> T select(String property, Optional<String> configured, StoreSelector confirmationStores,
            List<T> stores, Function<T, String> nameOf, String what, Class<T> spi) {
        Map<String, T> byName = UniqueNames.index(stores, nameOf, spi.getSimpleName() + " beans");
        String name = configured.orElse(confirmationStores.selected().name());
        T selected = byName.get(name);
        if (selected == null) {
            String needs = StoreSelector.extensionsNeededBy(name);
            String named = configured.isPresent() ? property + " names the store '" + name + "'"
                    : property + " is not set, so it takes the confirmation store's name, '" + name + "'";
            throw new ConfigurationException(needs != null
                    ? named + ", which needs the extension " + needs + " in the application"
                    : named + ", but no " + spi.getSimpleName() + " bean has that name. Known stores: "
                            + String.join(", ", byName.keySet()) + "; set " + property + " to one of them or to the"
                            + " name of an application bean implementing " + spi.getName());
        }
        if (name.equals("memory")) {
            LOG.warnf("%s are kept in memory (%s=memory): they do not survive a restart and are not shared between"
                    + " replicas", what, property);
        }
        return selected;
    }
}
