package io.quarkiverse.twofactor.it.store;

import static org.junit.jupiter.api.Assertions.assertSame;
import static org.junit.jupiter.api.Assertions.assertThrows;
import static org.junit.jupiter.api.Assertions.assertTrue;

import java.time.Duration;
import java.util.UUID;

import org.junit.jupiter.api.Test;

import io.quarkiverse.twofactor.spi.StoredConfirmation;
import io.quarkus.test.junit.QuarkusTest;

@QuarkusTest
class HibernateOrmStoreContractTest extends StoreContractSuite {

    @Override
    protected String expectedStore() {
        return "hibernate-orm";
    }

    @Test
    void aUnitThatThrowsLeavesNoneOfItsChanges() {
        String recipient = UUID.randomUUID().toString();
        StoredConfirmation[] made = new StoredConfirmation[1];
        IllegalStateException failure = new IllegalStateException("the operation failed after its store calls");
        IllegalStateException thrown = assertThrows(IllegalStateException.class, () -> store.inOneUnit(() -> {
            store.countSend(recipient, 1, Duration.ofMinutes(10), now);
            made[0] = pending(now.plusSeconds(600));
            throw failure;
        }));
        assertSame(failure, thrown);
        assertTrue(store.find(made[0].id()).isEmpty(), "the confirmation stayed");
        assertTrue(store.countSend(recipient, 1, Duration.ofMinutes(10), now).allowed(), "the send stayed counted");
    }
}
