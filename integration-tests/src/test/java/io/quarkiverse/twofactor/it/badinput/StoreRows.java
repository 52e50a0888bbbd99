package io.quarkiverse.twofactor.it.badinput;

import java.sql.Connection;
import java.sql.ResultSet;
import java.sql.SQLException;
import java.sql.Statement;
import java.util.Arrays;
import java.util.Map;
import java.util.TreeMap;

import javax.sql.DataSource;

/**
 * What the Hibernate ORM store holds, summed up: rows of both tables, wrong attempts, confirmations by status, sends
 * counted and the latest send. Two equal snapshots mean no request in between created, changed or counted anything.
 */
public record StoreRows(long confirmations, long attempts, Map<String, Long> byStatus, String lastSentAt,
        long sendLogs, long sends) {

    public static StoreRows read(DataSource dataSource) {
        try (Connection connection = dataSource.getConnection(); Statement statement = connection.createStatement()) {
            long confirmations;
            long attempts;
            String lastSentAt;
            try (ResultSet rows = statement.executeQuery(
                    "SELECT COUNT(*), COALESCE(SUM(attempts), 0), MAX(last_sent_at) FROM two_factor_confirmation")) {
                rows.next();
                confirmations = rows.getLong(1);
                attempts = rows.getLong(2);
                lastSentAt = String.valueOf(rows.getObject(3));
            }
            Map<String, Long> byStatus = new TreeMap<>();
            try (ResultSet rows = statement.executeQuery(
                    "SELECT status, COUNT(*) FROM two_factor_confirmation GROUP BY status")) {
                while (rows.next()) {
                    byStatus.put(rows.getString(1), rows.getLong(2));
                }
            }
            // Sends to recipients are recorded in the sliding limit's log, one time per send.
            try (ResultSet rows = statement.executeQuery("SELECT sent_at FROM two_factor_send_log")) {
                long sendLogs = 0;
                long sends = 0;
                while (rows.next()) {
                    sendLogs++;
                    sends += Arrays.stream(rows.getString(1).split(",")).filter(sent -> !sent.isEmpty()).count();
                }
                return new StoreRows(confirmations, attempts, byStatus, lastSentAt, sendLogs, sends);
            }
        } catch (SQLException e) {
            throw new IllegalStateException("The store's tables could not be read", e);
        }
    }
}
