package io.quarkiverse.twofactor.deployment;

import static org.junit.jupiter.api.Assertions.assertEquals;
import static org.junit.jupiter.api.Assertions.assertFalse;
import static org.junit.jupiter.api.Assertions.assertInstanceOf;
import static org.junit.jupiter.api.Assertions.assertThrows;
import static org.junit.jupiter.api.Assertions.assertTrue;

import java.time.Duration;
import java.time.Instant;
import java.util.Map;
import java.util.UUID;

import jakarta.inject.Inject;

import org.junit.jupiter.api.Test;
import org.junit.jupiter.api.extension.RegisterExtension;

import io.quarkiverse.twofactor.ConfirmResult.Outcome;
import io.quarkiverse.twofactor.Confirmer;
import io.quarkiverse.twofactor.NewConfirmation;
import io.quarkiverse.twofactor.Status;
import io.quarkiverse.twofactor.runtime.StoreSelector;
import io.quarkiverse.twofactor.runtime.store.HibernateOrmConfirmationStore;
import io.quarkiverse.twofactor.spi.StoredConfirmation;
import io.quarkus.test.QuarkusUnitTest;

/**
 * An application with Hibernate ORM and no Panache (this module's tests have none) keeps confirmations in its database:
 * the {@code hibernate-orm} store is selected without being named, runs a whole flow, and cleans up.
 */
class HibernateOrmWithoutPanacheTest {

    @RegisterExtension
    static final QuarkusUnitTest app = new QuarkusUnitTest()
            .withConfigurationResource(TestApps.H2_CONFIG)
            .overrideConfigKey("quarkus.datasource.jdbc.url", "jdbc:h2:mem:orm-without-panache;DB_CLOSE_DELAY=-1");

    @Inject
    Confirmer confirmer;

    @Inject
    StoreSelector stores;

    @Inject
    HibernateOrmConfirmationStore store;

    @Test
    void panacheIsNotInTheApplication() {
        assertThrows(ClassNotFoundException.class, () -> Class.forName(
                "io.quarkus.hibernate.orm.panache.PanacheEntityBase", false,
                Thread.currentThread().getContextClassLoader()));
    }

    @Test
    void hibernateOrmStoreIsSelectedWithoutBeingNamed() {
        assertInstanceOf(HibernateOrmConfirmationStore.class, stores.selected());
    }

    @Test
    void madeConfirmationIsConfirmedAndUsedOnce() {
        NewConfirmation made = confirmer.make(Map.of("user", "alice"));
        UUID id = made.state().id();

        assertEquals(Outcome.CONFIRMED, confirmer.confirm(id, made.code()).outcome());
        assertTrue(confirmer.use(id, Map.of("user", "alice")));
        assertFalse(confirmer.use(id, Map.of("user", "alice")));
        assertEquals(Status.USED, store.find(id).orElseThrow().status());
    }

    @Test
    void cleanupDeletesExpiredConfirmationsEndedSendCountsAndOldFailureCounts() {
        Instant now = store.currentTime();
        UUID expired = UUID.randomUUID();
        store.create(new StoredConfirmation(expired, Status.PENDING, "default", "+41790000001", null, null, Map.of(),
                "hash", 0, now.minusSeconds(600), now.minusSeconds(300), now.minusSeconds(600), null, null));
        String subject = "subject-" + UUID.randomUUID();
        assertTrue(store.countFailure(subject, 5, Duration.ofMinutes(1), now.minusSeconds(300)));
        String recipient = "recipient-" + UUID.randomUUID();
        Duration window = Duration.ofMinutes(1);
        // One send allowed per window: a second send is refused until the ended window is deleted.
        assertTrue(store.countSend(recipient, 1, window, now.minusSeconds(300)).allowed());
        assertTrue(store.countRecentSend(recipient, 1, window, now.minusSeconds(300)).allowed());

        assertTrue(store.deleteExpired(now, Duration.ofMinutes(1), 100) >= 1);
        assertTrue(store.deleteFailures(now.minusSeconds(60), 100) >= 1);

        assertTrue(store.find(expired).isEmpty());
        assertTrue(store.countSend(recipient, 1, window, now.minusSeconds(301)).allowed());
        assertTrue(store.countRecentSend(recipient, 1, window, now.minusSeconds(301)).allowed());
        assertEquals(0, store.failures(subject).count());
    }
}
