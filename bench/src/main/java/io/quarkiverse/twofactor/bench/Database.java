package io.quarkiverse.twofactor.bench;

import java.io.IOException;
import java.io.InputStream;
import java.nio.charset.StandardCharsets;
import java.sql.Connection;
import java.sql.DriverManager;
import java.sql.ResultSet;
import java.sql.SQLException;
import java.sql.Statement;
import java.util.Arrays;
import java.util.List;
import java.util.stream.Collectors;

/**
 * The local PostgreSQL, reached on connections of its own (not the application's pool, whose connections must not
 * keep a changed search path).
 */
final class Database {

    static final String CEILING_SCHEMA = "two_factor_pgbench";

    private final String host;
    private final int port;
    private final String name;
    private final String user;

    Database(String host, int port, String name, String user) {
        this.host = host;
        this.port = port;
        this.name = name;
        this.user = user;
    }

    String host() {
        return host;
    }

    int port() {
        return port;
    }

    String name() {
        return name;
    }

    String user() {
        return user;
    }

    String jdbcUrl() {
        return "jdbc:postgresql://" + host + ":" + port + "/" + name;
    }

    /** Empties the store's tables, so that every measured row starts from the same state. */
    void emptyStoreTables() throws SQLException {
        execute(List.of("TRUNCATE two_factor_confirmation, two_factor_send_window, two_factor_send_log"), "public");
    }

    /** A fresh schema for pgbench, made from the DDL the extension ships. */
    void recreateCeilingSchema() throws SQLException, IOException {
        execute(List.of("DROP SCHEMA IF EXISTS " + CEILING_SCHEMA + " CASCADE", "CREATE SCHEMA " + CEILING_SCHEMA),
                "public");
        execute(shippedDdl(), CEILING_SCHEMA);
    }

    String queryOne(String sql) throws SQLException {
        try (Connection connection = connect(); Statement statement = connection.createStatement();
                ResultSet result = statement.executeQuery(sql)) {
            result.next();
            return result.getString(1);
        }
    }

    private void execute(List<String> statements, String schema) throws SQLException {
        try (Connection connection = connect(); Statement statement = connection.createStatement()) {
            connection.setSchema(schema);
            for (String sql : statements) {
                statement.execute(sql);
            }
        }
    }

    private Connection connect() throws SQLException {
        return DriverManager.getConnection(jdbcUrl(), user, "");
    }

    private static List<String> shippedDdl() throws IOException {
        try (InputStream in = Database.class.getClassLoader()
                .getResourceAsStream("META-INF/two-factor/two_factor_confirmation.sql")) {
            String withoutComments = new String(in.readAllBytes(), StandardCharsets.UTF_8).lines()
                    .filter(line -> !line.startsWith("--")).collect(Collectors.joining("\n"));
            return Arrays.stream(withoutComments.split(";")).map(String::strip).filter(sql -> !sql.isEmpty()).toList();
        }
    }
}
