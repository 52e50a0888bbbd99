package io.quarkiverse.twofactor.runtime.store;

import java.sql.Connection;
import java.sql.PreparedStatement;
import java.sql.ResultSet;
import java.sql.SQLException;
import java.sql.Statement;
import java.sql.Types;
import java.time.Instant;
import java.time.OffsetDateTime;
import java.time.ZoneOffset;
import java.util.function.Supplier;

import jakarta.persistence.PersistenceException;
import jakarta.transaction.SystemException;
import jakarta.transaction.Transaction;
import jakarta.transaction.TransactionManager;

import org.hibernate.dialect.PostgreSQLDialect;
import org.hibernate.engine.jdbc.connections.spi.ConnectionProvider;
import org.hibernate.engine.spi.SessionFactoryImplementor;
import org.hibernate.jdbc.ReturningWork;

import io.quarkus.narayana.jta.QuarkusTransaction;

/**
 * Runs the Hibernate ORM store's SQL on the right connection: the one of the store's own JDBC transaction while one
 * runs (PostgreSQL), else the one of the Hibernate session of the current JTA transaction (the caller's, or one of the
 * store's own on other databases).
 */
final class StoreJdbc {

    /** What the rows of a query give. */
    @FunctionalInterface
    interface RowsReader<T> {
        T read(ResultSet rows) throws SQLException;
    }

    private static final ThreadLocal<Connection> UNIT_CONNECTION = new ThreadLocal<>();
    /** The SQL state of a unique constraint violation, on PostgreSQL and H2 alike (the SQL standard's). */
    private static final String UNIQUE_VIOLATION = "23505";

    private final TransactionManager transactions;
    private final StorePersistenceUnit persistenceUnit;
    private volatile Boolean postgreSql;

    StoreJdbc(TransactionManager transactions, StorePersistenceUnit persistenceUnit) {
        this.transactions = transactions;
        this.persistenceUnit = persistenceUnit;
    }

    boolean isPostgreSql() {
        if (postgreSql == null) {
            postgreSql = factory().getJdbcServices().getDialect() instanceof PostgreSQLDialect;
        }
        return postgreSql;
    }

    /** Whether statements run in a transaction already: a unit's, or a JTA transaction. */
    boolean inTransaction() {
        if (UNIT_CONNECTION.get() != null) {
            return true;
        }
        try {
            // Not QuarkusTransaction.isActive(), which takes a lock every thread shares.
            return transactions.getStatus() != jakarta.transaction.Status.STATUS_NO_TRANSACTION;
        } catch (SystemException e) {
            throw new IllegalStateException("The transaction manager cannot tell the transaction's status", e);
        }
    }

    /**
     * In the current transaction when there is one, else in one of its own: a JDBC transaction on PostgreSQL, where
     * every statement is the store's own SQL, a JTA one elsewhere.
     */
    <T> T inTransaction(Supplier<T> work) {
        if (inTransaction()) {
            return work.get();
        }
        return isPostgreSql() ? inJdbcTransaction(work) : QuarkusTransaction.requiringNew().call(work::get);
    }

    /**
     * A plain JDBC transaction on a connection of the persistence unit's datasource, with the caller's JTA transaction
     * suspended, for work whose statements are all the store's own SQL. It spares the work a JTA transaction to begin,
     * enlist the connection in and complete, and the lock every thread shares when a JTA transaction registers its
     * first synchronization: the in-process flow ran 12% faster at 32 clients when units ran this way.
     */
    <T> T inJdbcTransaction(Supplier<T> unit) {
        Transaction caller = suspend();
        try (Connection connection = factory().getServiceRegistry().requireService(ConnectionProvider.class)
                .getConnection()) {
            connection.setAutoCommit(false);
            UNIT_CONNECTION.set(connection);
            try {
                T result = unit.get();
                connection.commit();
                return result;
            } catch (Throwable e) {
                // An Error as well (out of memory, a stack overflow, a failed assertion): setAutoCommit(true) below
                // would otherwise commit what the unit had done so far.
                rollBack(connection, e);
                throw e;
            } finally {
                UNIT_CONNECTION.remove();
                connection.setAutoCommit(true);
            }
        } catch (SQLException e) {
            throw new PersistenceException("A transaction of the two-factor store failed", e);
        } finally {
            resume(caller);
        }
    }

    /** One statement; returns the rows it changed. */
    int update(String sql, Object... parameters) {
        return onConnection(connection -> {
            try (PreparedStatement update = prepare(connection, sql, parameters)) {
                return update.executeUpdate();
            }
        });
    }

    /** One query; {@code read} takes what it needs from the rows. */
    <T> T select(String sql, RowsReader<T> read, Object... parameters) {
        return onConnection(connection -> {
            try (PreparedStatement select = prepare(connection, sql, parameters);
                    ResultSet rows = select.executeQuery()) {
                return read.read(rows);
            }
        });
    }

    /** One statement on its own ({@link #alone}); returns the rows it changed. */
    int updateAlone(String sql, Object... parameters) {
        return alone(connection -> {
            try (PreparedStatement update = prepare(connection, sql, parameters)) {
                return update.executeUpdate();
            }
        });
    }

    /** One statement that returns rows, on its own ({@link #alone}); {@code read} takes what it needs from them. */
    <T> T queryAlone(String sql, RowsReader<T> read, Object... parameters) {
        return alone(connection -> {
            try (PreparedStatement query = prepare(connection, sql, parameters);
                    ResultSet rows = query.executeQuery()) {
                return read.read(rows);
            }
        });
    }

    /**
     * One statement that returns rows: in the current transaction when there is one (a unit's, or the caller's JTA
     * transaction, which it then commits or rolls back with), else on its own ({@link #alone}).
     */
    <T> T queryJoiningOrAlone(String sql, RowsReader<T> read, Object... parameters) {
        return inTransaction() ? select(sql, read, parameters) : queryAlone(sql, read, parameters);
    }

    /**
     * For a statement that does a whole step at once: inside a unit, on the unit's connection; otherwise on a pooled
     * connection in autocommit, with the caller's JTA transaction suspended. The statement is its own transaction,
     * with no BEGIN or COMMIT round trip, and what it changed stays whatever the caller's transaction does later.
     */
    private <T> T alone(ReturningWork<T> work) {
        Connection unit = UNIT_CONNECTION.get();
        Transaction caller = unit == null ? suspend() : null;
        try {
            if (unit != null) {
                return work.execute(unit);
            }
            ConnectionProvider connections = factory().getServiceRegistry().requireService(ConnectionProvider.class);
            Connection connection = connections.getConnection();
            try {
                if (!connection.getAutoCommit()) {
                    connection.setAutoCommit(true);
                }
                return work.execute(connection);
            } finally {
                connections.closeConnection(connection);
            }
        } catch (SQLException e) {
            throw new PersistenceException("A statement of the two-factor store failed", e);
        } finally {
            resume(caller);
        }
    }

    /** Whether a statement failed on a unique constraint: a row with that key exists. */
    static boolean violatesUniqueConstraint(Throwable e) {
        for (Throwable t = e; t != null; t = t.getCause() == t ? null : t.getCause()) {
            if (t instanceof SQLException sql && UNIQUE_VIOLATION.equals(sql.getSQLState())) {
                return true;
            }
        }
        return false;
    }

    /**
     * One query on a pooled connection of its own, outside any transaction: the caller's JTA transaction, if any, is
     * suspended, so that the connection is not enlisted in it. A pooled connection the database dropped fails the
     * query and leaves the pool, as it would in a store call.
     */
    <T> T selectOutsideTransactions(String sql, int timeoutSeconds, RowsReader<T> read) throws SQLException {
        Transaction caller = suspend();
        try {
            ConnectionProvider connections = factory().getServiceRegistry().requireService(ConnectionProvider.class);
            Connection connection = connections.getConnection();
            try (Statement query = connection.createStatement()) {
                query.setQueryTimeout(timeoutSeconds);
                try (ResultSet rows = query.executeQuery(sql)) {
                    return read.read(rows);
                }
            } finally {
                connections.closeConnection(connection);
            }
        } finally {
            resume(caller);
        }
    }

    static Instant instant(ResultSet row, int column) throws SQLException {
        OffsetDateTime value = row.getObject(column, OffsetDateTime.class);
        return value == null ? null : value.toInstant();
    }

    /** On the connection of the current JDBC transaction, or else of the current JTA transaction's session. */
    private <T> T onConnection(ReturningWork<T> work) {
        return inTransaction(() -> {
            Connection unit = UNIT_CONNECTION.get();
            if (unit == null) {
                return persistenceUnit.session().doReturningWork(work);
            }
            try {
                return work.execute(unit);
            } catch (SQLException e) {
                throw new PersistenceException("A statement of the two-factor store failed", e);
            }
        });
    }

    private PreparedStatement prepare(Connection connection, String sql, Object... parameters) throws SQLException {
        PreparedStatement statement = connection.prepareStatement(sql);
        for (int i = 0; i < parameters.length; i++) {
            bind(statement, i + 1, parameters[i]);
        }
        return statement;
    }

    /**
     * Instants go to PostgreSQL as ISO-8601 text of no declared type, which it reads as the type of the column they
     * meet: pgJDBC builds a calendar helper for each statement that binds a date-time object, a tenth of the flow's CPU
     * time in the benchmark. Other databases get the object.
     */
    private void bind(PreparedStatement statement, int index, Object parameter) throws SQLException {
        if (parameter instanceof Instant instant) {
            if (isPostgreSql()) {
                statement.setObject(index, instant.toString(), Types.OTHER);
            } else {
                statement.setObject(index, instant.atOffset(ZoneOffset.UTC));
            }
        } else if (parameter == null) {
            statement.setNull(index, Types.NULL);
        } else {
            statement.setObject(index, parameter);
        }
    }

    private SessionFactoryImplementor factory() {
        return persistenceUnit.sessionFactory().unwrap(SessionFactoryImplementor.class);
    }

    private Transaction suspend() {
        try {
            return transactions.suspend();
        } catch (SystemException e) {
            throw new IllegalStateException("The caller's transaction cannot be suspended", e);
        }
    }

    private void resume(Transaction caller) {
        if (caller == null) {
            return;
        }
        try {
            transactions.resume(caller);
        } catch (Exception e) {
            throw new IllegalStateException("The caller's transaction cannot be resumed", e);
        }
    }

    private static void rollBack(Connection connection, Throwable cause) {
        try {
            connection.rollback();
        } catch (SQLException e) {
            cause.addSuppressed(e);
        }
    }
}
