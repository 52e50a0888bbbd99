package io.quarkiverse.twofactor.it;

import static org.junit.jupiter.api.Assertions.assertEquals;

import java.io.IOException;
import java.io.InputStream;
import java.nio.charset.StandardCharsets;
import java.sql.Connection;
import java.sql.DatabaseMetaData;
import java.sql.ResultSet;
import java.sql.SQLException;
import java.sql.Statement;
import java.util.ArrayList;
import java.util.List;
import java.util.Map;
import java.util.TreeMap;

import javax.sql.DataSource;

import jakarta.inject.Inject;

import org.junit.jupiter.api.Test;

import io.quarkus.test.junit.QuarkusTest;

/**
 * The DDL shipped in the runtime jar creates the same tables as the ones Hibernate ORM generates from the entities,
 * with the same indexes and unique constraints, on the database the suite runs against (H2 by default, PostgreSQL
 * under -Ppostgresql).
 */
@QuarkusTest
class ShippedSchemaTest {

    private static final String DDL = "META-INF/two-factor/two_factor_confirmation.sql";
    private static final List<String> TABLES = List.of("two_factor_confirmation", "two_factor_send_window",
            "two_factor_send_log", "two_factor_failure_count", "two_factor_destination", "two_factor_authenticator",
            "two_factor_totp_step", "two_factor_recovery_code");
    private static final String SCHEMA = "shipped_ddl_check";

    @Inject
    DataSource dataSource;

    @Test
    void shippedDdlMatchesTheMappedTables() throws Exception {
        try (Connection connection = dataSource.getConnection()) {
            String generatedSchema = connection.getSchema();
            try (Statement statement = connection.createStatement()) {
                statement.execute("DROP SCHEMA IF EXISTS " + SCHEMA + " CASCADE");
                statement.execute("CREATE SCHEMA " + SCHEMA);
                connection.setSchema(identifier(connection, SCHEMA));
                for (String sql : statements()) {
                    statement.execute(sql);
                }
            } finally {
                connection.setSchema(generatedSchema);
            }
            for (String table : TABLES) {
                String shippedSchema = identifier(connection, SCHEMA);
                assertEquals(columns(connection, generatedSchema, table), columns(connection, shippedSchema, table),
                        table);
                assertEquals(indexes(connection, generatedSchema, table), indexes(connection, shippedSchema, table),
                        table);
            }
        }
    }

    private static List<String> statements() throws IOException {
        try (InputStream in = Thread.currentThread().getContextClassLoader().getResourceAsStream(DDL)) {
            String text = new String(in.readAllBytes(), StandardCharsets.UTF_8).replaceAll("(?m)^--.*$", "");
            List<String> statements = new ArrayList<>();
            for (String sql : text.split(";")) {
                if (!sql.isBlank()) {
                    statements.add(sql.trim());
                }
            }
            return statements;
        }
    }

    /** Column name to type, size and nullability. */
    private static Map<String, String> columns(Connection connection, String schema, String table)
            throws SQLException {
        Map<String, String> columns = new TreeMap<>();
        DatabaseMetaData meta = connection.getMetaData();
        try (ResultSet rs = meta.getColumns(null, schema, identifier(connection, table), null)) {
            while (rs.next()) {
                columns.put(rs.getString("COLUMN_NAME").toLowerCase(), rs.getString("TYPE_NAME").toLowerCase() + "("
                        + rs.getInt("COLUMN_SIZE") + ") nullable=" + rs.getString("IS_NULLABLE"));
            }
        }
        if (columns.isEmpty()) {
            throw new AssertionError("no table " + table + " in schema " + schema);
        }
        return columns;
    }

    /**
     * Each index as its columns in order, marked unique when it is: "unique (owner, sender, recipient)". Index names
     * are left out, since a database names the index of an unnamed constraint as it likes.
     */
    private static List<String> indexes(Connection connection, String schema, String table) throws SQLException {
        Map<String, Map<Integer, String>> columnsByIndex = new TreeMap<>();
        Map<String, Boolean> unique = new TreeMap<>();
        try (ResultSet rs = connection.getMetaData().getIndexInfo(null, schema, identifier(connection, table), false,
                false)) {
            while (rs.next()) {
                if (rs.getString("COLUMN_NAME") != null) {
                    String index = rs.getString("INDEX_NAME");
                    columnsByIndex.computeIfAbsent(index, name -> new TreeMap<>())
                            .put(rs.getInt("ORDINAL_POSITION"), rs.getString("COLUMN_NAME").toLowerCase());
                    unique.put(index, !rs.getBoolean("NON_UNIQUE"));
                }
            }
        }
        List<String> indexes = new ArrayList<>();
        columnsByIndex.forEach((index, columns) -> indexes.add((unique.get(index) ? "unique " : "")
                + "(" + String.join(", ", columns.values()) + ")"));
        indexes.sort(null);
        return indexes;
    }

    private static String identifier(Connection connection, String name) throws SQLException {
        return connection.getMetaData().storesUpperCaseIdentifiers() ? name.toUpperCase() : name;
    }
}
