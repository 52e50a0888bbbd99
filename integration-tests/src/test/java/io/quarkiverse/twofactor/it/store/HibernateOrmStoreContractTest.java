package io.quarkiverse.twofactor.it.store;

import static org.junit.jupiter.api.Assertions.assertSame;
import static org.junit.jupiter.api.Assertions.assertThrows;
import static org.junit.jupiter.api.Assertions.assertTrue;

import java.time.Duration;
import java.time.Instant;
import java.util.UUID;
import java.util.function.Supplier;
import java.util.stream.Stream;

import org.junit.jupiter.api.Test;
import org.junit.jupiter.params.ParameterizedTest;
import org.junit.jupiter.params.provider.Arguments;
import org.junit.jupiter.params.provider.MethodSource;

import io.quarkiverse.twofactor.spi.StoredConfirmation;
import io.quarkus.narayana.jta.QuarkusTransaction;
import io.quarkus.test.junit.QuarkusTest;

/** Runs on H2, and on PostgreSQL under -Ppostgresql, where units are plain JDBC transactions of the store's own. */
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

    /**
     * Inside a transaction the database's time stands still at the moment the transaction began; the store reads it
     * outside the caller's.
     */
    @Test
    void theDatabasesTimeMovesOnWhileTheCallersTransactionRuns() {
        Instant[] times = QuarkusTransaction.requiringNew().call(() -> {
            Instant first = store.currentTime();
            Thread.sleep(50);
            return new Instant[] { first, store.currentTime() };
        });
        assertTrue(times[1].isAfter(times[0]), () -> "read " + times[0] + ", then " + times[1]);
    }

    /**
     * An {@link Error} is not a {@link RuntimeException}, and the unit must not commit what it did before it: the
     * JDBC transaction of PostgreSQL's units would otherwise be committed by the {@code setAutoCommit(true)} that
     * gives the connection back.
     */
    @ParameterizedTest(name = "{0}")
    @MethodSource("errors")
    void aUnitThatThrowsAnErrorLeavesNoneOfItsChanges(String name, Supplier<Error> error) {
        String recipient = UUID.randomUUID().toString();
        StoredConfirmation[] made = new StoredConfirmation[1];
        Error thrown = assertThrows(Error.class, () -> store.inOneUnit(() -> {
            store.countSend(recipient, 1, Duration.ofMinutes(10), now);
            made[0] = pending(now.plusSeconds(600));
            throw error.get();
        }));
        assertTrue(thrown.getClass().getSimpleName().equals(name), () -> "threw " + thrown);
        assertTrue(store.find(made[0].id()).isEmpty(), "the confirmation stayed");
        assertTrue(store.countSend(recipient, 1, Duration.ofMinutes(10), now).allowed(), "the send stayed counted");
    }

    static Stream<Arguments> errors() {
        return Stream.of(
                Arguments.of("AssertionError",
                        (Supplier<Error>) () -> new AssertionError("an invariant of the operation broke")),
                Arguments.of("OutOfMemoryError",
                        (Supplier<Error>) () -> new OutOfMemoryError("simulated: Java heap space")),
                Arguments.of("StackOverflowError",
                        (Supplier<Error>) HibernateOrmStoreContractTest::realStackOverflow));
    }

    /** A stack overflow of a real recursion, caught where it happened and handed on. */
    private static Error realStackOverflow() {
        try {
            return new AssertionError("no overflow at depth " + deeper(0));
        } catch (StackOverflowError overflow) {
            return overflow;
        }
    }

    private static int deeper(int depth) {
        return deeper(depth + 1) + 1;
    }
}
