package io.quarkiverse.twofactor.it;

import static org.junit.jupiter.api.Assertions.assertEquals;
import static org.junit.jupiter.api.Assertions.assertFalse;
import static org.junit.jupiter.api.Assertions.assertNotEquals;
import static org.junit.jupiter.api.Assertions.assertTrue;

import java.util.HashSet;
import java.util.Map;
import java.util.Set;
import java.util.UUID;

import jakarta.inject.Inject;
import jakarta.persistence.EntityManager;
import jakarta.transaction.Transactional;

import org.eclipse.microprofile.config.inject.ConfigProperty;
import org.junit.jupiter.api.Test;

import io.quarkiverse.twofactor.ConfirmResult;
import io.quarkiverse.twofactor.Confirmer;
import io.quarkiverse.twofactor.NewConfirmation;
import io.quarkiverse.twofactor.runtime.store.ConfirmationEntity;
import io.quarkus.test.junit.QuarkusTest;

/** What reaches the database: a keyed hash bound to the id, never the code. */
@QuarkusTest
class CodeStorageTest {

    @Inject
    Confirmer confirmer;

    @Inject
    EntityManager entityManager;

    @ConfigProperty(name = "quarkus.two-factor.code.hash-key")
    String hashKey;

    @Test
    void theStoreKeepsAnHmacOfIdAndCodeAndNeverTheCode() throws Exception {
        NewConfirmation made = confirmer.make(Map.of("user", "alice"));
        ConfirmationEntity row = row(made);

        assertFalse(row.codeHash.contains(made.code()));
        assertFalse(row.meta.contains(made.code()) && !made.code().equals("alice"));
        assertEquals(CodeHmac.of(hashKey, made.state().id(), made.code()), row.codeHash);
    }

    @Test
    void aHashCopiedToAnotherConfirmationDoesNotConfirmIt() {
        NewConfirmation first = confirmer.make(Map.of());
        NewConfirmation second = confirmer.make(Map.of());
        copyHash(first, second);

        ConfirmResult result = confirmer.confirm(second.state().id(), first.code());

        assertEquals(ConfirmResult.Outcome.WRONG_CODE, result.outcome());
    }

    @Test
    void codesAreDrawnFromTheConfiguredAlphabetAndVary() {
        String first = confirmer.make(Map.of()).code();
        String second = confirmer.make(Map.of()).code();
        String third = confirmer.make(Map.of()).code();
        assertTrue(first.matches("[0-9]{6}"), first);
        assertTrue(!first.equals(second) || !second.equals(third), "three identical codes in a row");
        assertNotEquals(0, first.length());
    }

    @Test
    void confirmationIdsAreDistinctRandomVersionFourUuids() {
        Set<UUID> ids = new HashSet<>();
        for (int i = 0; i < 200; i++) {
            UUID id = confirmer.make(Map.of()).state().id();
            assertEquals(4, id.version(), id::toString);
            assertEquals(2, id.variant(), id::toString);
            ids.add(id);
        }
        assertEquals(200, ids.size());
    }

    @Transactional
    ConfirmationEntity row(NewConfirmation made) {
        return entityManager.find(ConfirmationEntity.class, made.state().id());
    }

    @Transactional
    void copyHash(NewConfirmation from, NewConfirmation to) {
        ConfirmationEntity source = entityManager.find(ConfirmationEntity.class, from.state().id());
        ConfirmationEntity target = entityManager.find(ConfirmationEntity.class, to.state().id());
        target.codeHash = source.codeHash;
    }
}
