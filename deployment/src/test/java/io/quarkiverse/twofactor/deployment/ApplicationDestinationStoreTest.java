package io.quarkiverse.twofactor.deployment;

import static org.junit.jupiter.api.Assertions.assertEquals;
import static org.junit.jupiter.api.Assertions.assertSame;

import java.util.List;
import java.util.concurrent.CopyOnWriteArrayList;

import jakarta.inject.Inject;
import jakarta.inject.Singleton;

import org.junit.jupiter.api.Test;
import org.junit.jupiter.api.extension.RegisterExtension;

import io.quarkiverse.twofactor.Destination;
import io.quarkiverse.twofactor.Destinations;
import io.quarkiverse.twofactor.runtime.destination.DestinationStoreSelector;
import io.quarkiverse.twofactor.runtime.store.MemoryDestinationStore;
import io.quarkus.test.QuarkusUnitTest;

class ApplicationDestinationStoreTest {

    @RegisterExtension
    static final QuarkusUnitTest app = new QuarkusUnitTest()
            .withApplicationRoot(jar -> jar.addClasses(UserTableStore.class))
            .withConfigurationResource(TestApps.H2_CONFIG)
            .overrideConfigKey("quarkus.two-factor.senders.default.backend", "log")
            .overrideConfigKey("quarkus.two-factor.destinations.store", "user-table");

    @Inject
    DestinationStoreSelector selector;

    @Inject
    UserTableStore userTable;

    @Inject
    Destinations destinations;

    @Test
    void anApplicationBeanIsSelectedByItsName() {
        assertSame(userTable, selector.selected());

        Destination added = destinations.add("alice", null, "alice@example.com").destination();

        assertEquals(List.of("alice@example.com"), userTable.created);
        assertEquals(List.of(added), destinations.list("alice"));
    }

    /** An application's own store, as one over its user table would be; it keeps them in memory to stay small. */
    @Singleton
    public static class UserTableStore extends MemoryDestinationStore {

        final List<String> created = new CopyOnWriteArrayList<>();

        @Override
        public String name() {
            return "user-table";
        }

        @Override
        public boolean create(Destination destination) {
            created.add(destination.recipient());
            return super.create(destination);
        }
    }
}
