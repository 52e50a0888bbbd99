package io.quarkiverse.twofactor.it;

import static org.junit.jupiter.api.Assertions.assertEquals;
import static org.junit.jupiter.api.Assertions.assertTrue;

import java.sql.Connection;
import java.sql.PreparedStatement;
import java.sql.ResultSet;
import java.sql.Timestamp;
import java.time.Duration;
import java.time.Instant;
import java.util.ArrayList;
import java.util.List;
import java.util.Map;
import java.util.UUID;
import java.util.concurrent.CompletableFuture;

import javax.sql.DataSource;

import jakarta.inject.Inject;

import org.junit.jupiter.api.Test;

import io.quarkiverse.twofactor.Confirmer;
import io.quarkiverse.twofactor.NewConfirmation;
import io.quarkiverse.twofactor.runtime.ExpiredCleanup;
import io.quarkus.test.junit.QuarkusTest;

/**
 * A backlog of 100,000 long-expired confirmations is deleted in batches while confirmations keep working, and live
 * ones are kept. Runs on H2 by default and on PostgreSQL under -Ppostgresql.
 */
@QuarkusTest
class CleanupBacklogTest {

    private static final int BACKLOG = 100_000;

    @Inject
    DataSource dataSource;

    @Inject
    ExpiredCleanup cleanup;

    @Inject
    Confirmer confirmer;

    @Test
    void hundredThousandExpiredRowsAreDeletedInBatchesWhileFlowsGoOn() throws Exception {
        NewConfirmation live = confirmer.make(Map.of());
        insertExpiredBacklog();

        long started = System.nanoTime();
        CompletableFuture<Long> deleting = CompletableFuture.supplyAsync(cleanup::run);
        List<Long> flowMillis = new ArrayList<>();
        while (!deleting.isDone()) {
            long flowStarted = System.nanoTime();
            NewConfirmation made = confirmer.make(Map.of());
            confirmer.confirm(made.state().id(), made.code());
            assertTrue(confirmer.use(made.state().id()), "a flow failed during the clean-up");
            flowMillis.add((System.nanoTime() - flowStarted) / 1_000_000);
        }
        long deleted = deleting.get();
        long tookMillis = (System.nanoTime() - started) / 1_000_000;

        assertTrue(deleted >= BACKLOG, "deleted " + deleted);
        assertEquals(0, countExpiredBefore(Instant.now().minus(Duration.ofHours(24))));
        assertTrue(confirmer.check(live.state().id()).isPresent(), "a live confirmation was deleted");
        System.out.printf("Clean-up: deleted %d rows in %d ms; %d flows ran meanwhile, slowest %d ms%n", deleted,
                tookMillis, flowMillis.size(), flowMillis.stream().mapToLong(Long::longValue).max().orElse(0));
    }

    private void insertExpiredBacklog() throws Exception {
        Timestamp longAgo = Timestamp.from(Instant.now().minus(Duration.ofDays(3)));
        try (Connection connection = dataSource.getConnection();
                PreparedStatement insert = connection.prepareStatement("INSERT INTO two_factor_confirmation"
                        + " (id, status, meta, code_hash, attempts, created_at, expires_at, last_sent_at)"
                        + " VALUES (?, 'PENDING', '{}', ?, 0, ?, ?, ?)")) {
            connection.setAutoCommit(false);
            for (int i = 1; i <= BACKLOG; i++) {
                insert.setObject(1, UUID.randomUUID());
                insert.setString(2, "0".repeat(64));
                insert.setTimestamp(3, longAgo);
                insert.setTimestamp(4, longAgo);
                insert.setTimestamp(5, longAgo);
                insert.addBatch();
                if (i % 5_000 == 0) {
                    insert.executeBatch();
                }
            }
            connection.commit();
        }
    }

    private long countExpiredBefore(Instant before) throws Exception {
        try (Connection connection = dataSource.getConnection();
                PreparedStatement count = connection
                        .prepareStatement("SELECT COUNT(*) FROM two_factor_confirmation WHERE expires_at < ?")) {
            count.setTimestamp(1, Timestamp.from(before));
            try (ResultSet rs = count.executeQuery()) {
                rs.next();
                return rs.getLong(1);
            }
        }
    }
}
