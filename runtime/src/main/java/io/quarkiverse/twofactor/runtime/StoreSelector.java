package io.quarkiverse.twofactor.runtime;

import java.util.List;
import java.util.Map;

import jakarta.inject.Inject;
import jakarta.inject.Singleton;

import org.jboss.logging.Logger;

import io.quarkiverse.twofactor.spi.ConfirmationStore;
import io.quarkus.arc.All;
import io.quarkus.runtime.LaunchMode;
import io.quarkus.runtime.configuration.ConfigurationException;

/**
 * Picks the store named by {@code quarkus.two-factor.store} among the store beans, as senders pick backends. Built-in
 * stores exist only when their extension is in the application, so a missing one is reported with the extension to
 * add.
 */
@Singleton
public class StoreSelector {

    static final String PROPERTY = "quarkus.two-factor.store";
    private static final Map<String, String> BUILT_IN_NEEDS = Map.of(
            "hibernate-orm", "io.quarkus:quarkus-hibernate-orm and a datasource",
            "redis", "io.quarkus:quarkus-redis-client");
    private static final Logger LOG = Logger.getLogger(StoreSelector.class);

    private final ConfirmationStore selected;

    @Inject
    StoreSelector(TwoFactorConfig config, @All List<ConfirmationStore> stores) {
        Map<String, ConfirmationStore> byName = UniqueNames.index(stores, ConfirmationStore::name,
                "confirmation stores");
        String name = config.store().orElseGet(() -> defaultStore(byName.containsKey("hibernate-orm")));
        selected = byName.get(name);
        if (selected == null) {
            String needs = extensionsNeededBy(name);
            throw new ConfigurationException(needs != null
                    ? PROPERTY + "=" + name + " needs the extension " + needs + " in the application"
                    : PROPERTY + " names the store '" + name + "', but no ConfirmationStore bean has that name. Known"
                            + " stores: " + String.join(", ", byName.keySet()));
        }
        if (name.equals("memory")) {
            LOG.warnf("Confirmations are kept in memory (%s=memory): they do not survive a restart and are not shared"
                    + " between replicas", PROPERTY);
        }
    }

    /**
     * The database when the application has Hibernate ORM; else the memory store, but in production only when asked
     * for: confirmations in memory are lost on restart and not shared by replicas, which a service must choose, not
     * fall into.
     */
    private static String defaultStore(boolean hibernateOrm) {
        if (hibernateOrm) {
            return "hibernate-orm";
        }
        if (LaunchMode.current() == LaunchMode.NORMAL) {
            throw new ConfigurationException(PROPERTY + " is not set and the application has no Hibernate ORM. Choose"
                    + " where confirmations are kept: hibernate-orm (add " + BUILT_IN_NEEDS.get("hibernate-orm")
                    + "), redis (add " + BUILT_IN_NEEDS.get("redis") + "), the name of your own ConfirmationStore"
                    + " bean, or memory (lost on restart, not shared between replicas; set " + PROPERTY
                    + "=memory to accept that)");
        }
        return "memory";
    }

    /**
     * What the application needs for the built-in store with this name to exist, such as the extension to add; null for
     * a name that is not a built-in store's.
     */
    public static String extensionsNeededBy(String storeName) {
        return BUILT_IN_NEEDS.get(storeName);
    }

    public ConfirmationStore selected() {
        return selected;
    }
}
