package io.quarkiverse.twofactor.runtime.store;

import java.sql.ResultSet;
import java.sql.SQLException;
import java.time.Duration;
import java.time.Instant;
import java.util.ArrayList;
import java.util.Collections;
import java.util.List;
import java.util.Map;
import java.util.Optional;
import java.util.UUID;
import java.util.concurrent.ConcurrentHashMap;
import java.util.function.Supplier;

import jakarta.inject.Singleton;
import jakarta.transaction.TransactionManager;
import jakarta.transaction.Transactional;

import org.hibernate.Session;
import org.hibernate.exception.ConstraintViolationException;

import io.quarkiverse.twofactor.Binding;
import io.quarkiverse.twofactor.DeliveryStatus;
import io.quarkiverse.twofactor.Status;
import io.quarkiverse.twofactor.spi.CodeAttempt;
import io.quarkiverse.twofactor.spi.ConfirmationStore;
import io.quarkiverse.twofactor.spi.CreateResult;
import io.quarkiverse.twofactor.spi.FailureCount;
import io.quarkiverse.twofactor.spi.FailureLimit;
import io.quarkiverse.twofactor.spi.SendLimit;
import io.quarkiverse.twofactor.spi.SendWindow;
import io.quarkiverse.twofactor.spi.StoreUnavailableException;
import io.quarkiverse.twofactor.spi.StoredConfirmation;
import io.quarkus.narayana.jta.QuarkusTransaction;
import io.quarkus.narayana.jta.QuarkusTransactionException;

/**
 * Keeps confirmations in the application's database, in the tables of Hibernate ORM entities. Each transition is a
 * single {@code UPDATE ... WHERE} whose conditions the database checks against the row it locks, so concurrent callers
 * on any number of replicas cannot both win.
 * <p>
 * Reads and writes of confirmations are plain SQL on a JDBC connection ({@link StoreJdbc}), which every database runs
 * as written. Hibernate's query layer cost the flow most of its CPU time in the benchmark: it translates an HQL
 * insert or update anew on every execution and keeps what it reads in the session, where a row changed by a later
 * update in the same unit would go stale. The send window's upsert is PostgreSQL SQL on PostgreSQL and HQL elsewhere,
 * where Hibernate writes each database's form of it. The send log of the sliding limit is one upsert on PostgreSQL,
 * and a locked read and a write elsewhere.
 * <p>
 * On PostgreSQL each step of a flow (request, confirm, use) is one statement in autocommit: data-modifying common
 * table expressions check the failure lockout, count the send or the failure, and write the confirmation together, so
 * a step costs one round trip and no BEGIN or COMMIT. Elsewhere the steps compose the fine-grained methods in a unit.
 */
@Singleton
public class HibernateOrmConfirmationStore implements ConfirmationStore {

    private static final String COLUMNS = "status, sender, recipient, owner, purpose, meta, code_hash, attempts,"
            + " created_at, expires_at, last_sent_at, confirmed_at, used_at, delivery";

    private static final int QUERY_TIMEOUT_SECONDS = 3;
    /** Set while this thread runs a unit of the store's. */
    private static final ThreadLocal<Boolean> IN_UNIT = new ThreadLocal<>();

    /** Whether the subject's failures lock it out: its key, the maximum, and the time a lockout that ended ended by. */
    private static final String LOCKED_OUT = "SELECT 1 FROM two_factor_failure_count f"
            + " WHERE f.subject_key = ? AND f.failures >= ? AND f.last_failure_at > ?";

    /**
     * What the send-log upsert does to an existing log: keeps its sends still in the window and adds this one while
     * they are fewer than the limit. Its parameters: now as epoch milliseconds, the window's start as epoch
     * milliseconds, twice, and the limit.
     */
    private static final String COUNT_IN_EXISTING_LOG = " ON CONFLICT (send_key) DO UPDATE"
            + " SET sent_at = array_to_string(ARRAY(SELECT s"
            + " FROM unnest(string_to_array(l.sent_at, ',')::bigint[] || ?::bigint) s WHERE s > ? ORDER BY s), ','),"
            + " last_sent_at = GREATEST(l.last_sent_at, EXCLUDED.last_sent_at)"
            + " WHERE (SELECT count(*) FROM unnest(string_to_array(l.sent_at, ',')::bigint[]) s WHERE s > ?) < ?";

    /**
     * The request's statement: refuse a locked-out subject, then, when {@code counted}, count the send in the
     * recipient's log, and insert the confirmation only when what comes before allows it.
     */
    private static String createIfAllowed(boolean counted) {
        String sql = "WITH open AS (SELECT 1 WHERE NOT EXISTS (" + LOCKED_OUT + "))";
        if (counted) {
            sql += ", counted AS (INSERT INTO two_factor_send_log AS l (send_key, sent_at, last_sent_at)"
                    + " SELECT CAST(? AS varchar), CAST(? AS varchar), CAST(? AS timestamptz) FROM open"
                    + COUNT_IN_EXISTING_LOG + " RETURNING 1)";
        }
        return sql + " INSERT INTO two_factor_confirmation (id, " + COLUMNS + ", failure_subject)"
                + " SELECT CAST(? AS uuid), CAST(? AS varchar), CAST(? AS varchar), CAST(? AS varchar),"
                + " CAST(? AS varchar), CAST(? AS varchar), CAST(? AS varchar), CAST(? AS varchar), CAST(? AS integer),"
                + " CAST(? AS timestamptz), CAST(? AS timestamptz), CAST(? AS timestamptz), CAST(? AS timestamptz),"
                + " CAST(? AS timestamptz), CAST(? AS varchar), CAST(? AS varchar) FROM " + (counted ? "counted" : "open");
    }

    // Each statement's text is made once, so that every call hands pgJDBC the same string: its cache of prepared
    // statements then finds the statement without hashing a new copy of a long text each time.
    private static final String CREATE_IF_OPEN = createIfAllowed(false);
    private static final String CREATE_IF_COUNTED = createIfAllowed(true);
    private static final String USE = "UPDATE two_factor_confirmation SET status = 'USED', used_at = ?"
            + " WHERE id = ? AND status = 'CONFIRMED' AND expires_at > ?";
    private static final String USE_RETURNING = USE + " RETURNING " + COLUMNS;
    private static final String USE_BOUND_RETURNING = USE + " AND owner = ? AND purpose = ? RETURNING " + COLUMNS;

    /** What the text of the confirm statement depends on. */
    private record ConfirmShape(int sendersCheckedElsewhere, boolean owner, boolean purpose) {
    }

    private final Map<ConfirmShape, String> confirmStatements = new ConcurrentHashMap<>();

    private final StoreJdbc jdbc;
    private final Session session;

    HibernateOrmConfirmationStore(TransactionManager transactions, StorePersistenceUnit unit) {
        this.jdbc = new StoreJdbc(transactions, unit);
        this.session = unit.session();
    }

    @Override
    public String name() {
        return "hibernate-orm";
    }

    /**
     * A transaction of its own, never the caller's: a send or a wrong attempt stays counted, and a confirmation stays
     * made, whatever the caller's transaction does later. On PostgreSQL every statement of a unit is the store's own
     * SQL, so the unit is a plain JDBC transaction; elsewhere the send window's upsert goes through Hibernate, so the
     * unit is a JTA transaction, with two tries: on some databases (H2) two first sends to a recipient can both try to
     * insert its window or its send log; the loser rolls back, and its second try counts in the row the winner made. A unit that throws, an
     * {@link Error} included, rolls back on every database. A unit started inside another (a compound step inside the
     * confirmer's unit) is part of it.
     */
    @Override
    public <T> T inOneUnit(Supplier<T> calls) {
        if (IN_UNIT.get() != null) {
            return calls.get();
        }
        IN_UNIT.set(Boolean.TRUE);
        try {
            return inUnitOfItsOwn(calls);
        } finally {
            IN_UNIT.remove();
        }
    }

    private <T> T inUnitOfItsOwn(Supplier<T> calls) {
        if (jdbc.isPostgreSql()) {
            return jdbc.inJdbcTransaction(calls);
        }
        for (int tries = 1;; tries++) {
            try {
                return QuarkusTransaction.requiringNew().call(calls::get);
            } catch (RuntimeException e) {
                // The transaction rolled back; an Error it wrapped goes on as itself, as on PostgreSQL.
                if (e instanceof QuarkusTransactionException && e.getCause() instanceof Error error) {
                    throw error;
                }
                if (tries == 2 || !violatesConstraint(e)) {
                    throw e;
                }
            }
        }
    }

    /**
     * A query that reads no row from the store's table, on a connection of the pool the store uses: it proves that the
     * database answers and that the table is there, in any SQL dialect.
     */
    @Override
    public void probe() {
        queryOutsideTransactions("SELECT id FROM two_factor_confirmation WHERE 1 = 0", rows -> null);
    }

    /**
     * The database's {@code CURRENT_TIMESTAMP}, which H2 and PostgreSQL answer without a table, read outside any
     * transaction: inside one, it would be the time the transaction began.
     */
    @Override
    public Instant currentTime() {
        return queryOutsideTransactions("SELECT CURRENT_TIMESTAMP", rows -> {
            rows.next();
            return StoreJdbc.instant(rows, 1);
        });
    }

    /** One short query outside any transaction; a database that does not answer makes the store unavailable. */
    private <T> T queryOutsideTransactions(String sql, StoreJdbc.RowsReader<T> read) {
        try {
            return jdbc.selectOutsideTransactions(sql, QUERY_TIMEOUT_SECONDS, read);
        } catch (SQLException e) {
            // The driver's message may hold the host or the user: the SQL state says enough.
            throw new StoreUnavailableException("The database does not answer the two-factor store"
                    + (e.getSQLState() != null ? " (SQL state " + e.getSQLState() + ")" : ""), e);
        }
    }

    @Override
    public void create(StoredConfirmation c) {
        jdbc.update("INSERT INTO two_factor_confirmation (id, " + COLUMNS + ")"
                + " VALUES (?, ?, ?, ?, ?, ?, ?, ?, ?, ?, ?, ?, ?, ?, ?)",
                c.id(), c.status().name(), c.sender(), c.recipient(), c.owner(), c.purpose(), MetaJson.write(c.meta()),
                c.codeHash(),
                c.attempts(), c.createdAt(), c.expiresAt(), c.lastSentAt(), c.confirmedAt(), c.usedAt(),
                c.delivery() == null ? null : c.delivery().name());
    }

    /**
     * PostgreSQL: one statement inserts the confirmation, with the key its wrong codes will count under, only when its
     * subject is not locked out and the send log (when it sends) counted the send. Only a refusal is read again, for
     * its reason and the time to wait.
     */
    @Override
    public CreateResult createIfAllowed(StoredConfirmation c, FailureLimit failures, SendLimit sends) {
        if (!jdbc.isPostgreSql()) {
            return ConfirmationStore.super.createIfAllowed(c, failures, sends);
        }
        Instant now = c.createdAt();
        String subject = failures.subjectOf().apply(c);
        List<Object> parameters = new ArrayList<>();
        Collections.addAll(parameters, subject, failures.max(), now.minus(failures.lockout()));
        if (sends != null) {
            long overMillis = now.minus(sends.window()).toEpochMilli();
            parameters.addAll(List.of(sends.key(), SendTimes.of(now).toString(), now, now.toEpochMilli(), overMillis,
                    overMillis, sends.limit()));
        }
        String sql = sends == null ? CREATE_IF_OPEN : CREATE_IF_COUNTED;
        Collections.addAll(parameters, c.id(), c.status().name(), c.sender(), c.recipient(), c.owner(), c.purpose(),
                MetaJson.write(c.meta()), c.codeHash(), c.attempts(), c.createdAt(), c.expiresAt(), c.lastSentAt(),
                c.confirmedAt(), c.usedAt(), c.delivery() == null ? null : c.delivery().name(), subject);
        if (jdbc.updateAlone(sql, parameters.toArray()) == 1) {
            return CreateResult.created();
        }
        FailureCount counted = subject == null ? FailureCount.none() : failures(subject);
        if (failures.locksOut(counted, now)) {
            return CreateResult.refused(CreateResult.Refusal.LOCKED_OUT, failures.lockoutLeft(counted, now));
        }
        Optional<SendTimes> log = sends == null ? Optional.empty()
                : jdbc.select("SELECT sent_at FROM two_factor_send_log WHERE send_key = ?",
                        rows -> rows.next() ? Optional.of(SendTimes.parse(rows.getString(1))) : Optional.empty(),
                        sends.key());
        Optional<SendTimes> recent = log.map(sent -> sent.after(now.minus(sends.window())));
        if (recent.isPresent() && recent.get().count() >= sends.limit()) {
            return CreateResult.refused(CreateResult.Refusal.TOO_MANY_SENDS,
                    recent.get().untilOldestLeaves(sends.window(), now));
        }
        // Neither refuses any more: a concurrent right code or clean-up changed them since. The request goes again.
        return createIfAllowed(c, failures, sends);
    }

    /**
     * PostgreSQL: one statement confirms (and, to spend, uses) the confirmation when the keyed hash matches, or counts
     * the wrong attempt, failing it at the maximum; in the same statement it counts the failure against the subject
     * the confirmation names, or forgets the subject's failures, which it writes only when there are some. The hash is
     * compared on the row the update locks, so a code replaced by a concurrent resend no longer confirms.
     */
    @Override
    public Optional<StoredConfirmation> confirmOrCount(CodeAttempt a, Instant now) {
        if (!jdbc.isPostgreSql()) {
            return ConfirmationStore.super.confirmOrCount(a, now);
        }
        Instant lockoutOver = now.minus(a.failures().lockout());
        String confirmedStatus = (a.spend() ? Status.USED : Status.CONFIRMED).name();
        List<Object> parameters = new ArrayList<>();
        Collections.addAll(parameters, a.codeHash(), confirmedStatus, a.maxAttempts(), a.codeHash(), a.codeHash(), now,
                a.codeHash(), a.spend() ? now : null, a.id(), a.maxAttempts(), now);
        parameters.addAll(a.sendersCheckedElsewhere());
        if (a.owner() != null) {
            parameters.add(a.owner());
        }
        if (a.purpose() != null) {
            parameters.add(a.purpose());
        }
        String sql = confirmStatements.computeIfAbsent(
                new ConfirmShape(a.sendersCheckedElsewhere().size(), a.owner() != null, a.purpose() != null),
                HibernateOrmConfirmationStore::confirmOrCountSql);
        Collections.addAll(parameters, a.failures().max(), lockoutOver, now, lockoutOver, lockoutOver,
                a.failures().max());
        return jdbc.queryAlone(sql, rows -> rows.next() ? Optional.of(toStored(a.id(), rows)) : Optional.empty(),
                parameters.toArray());
    }

    /**
     * The confirm statement for a shape: confirm (or spend) on a matching hash or count the wrong attempt; count the
     * subject's failure or clear its failures.
     */
    private static String confirmOrCountSql(ConfirmShape shape) {
        StringBuilder sql = new StringBuilder("WITH changed AS (UPDATE two_factor_confirmation c SET"
                + " status = CASE WHEN c.code_hash = ? THEN ? WHEN c.attempts + 1 >= ? THEN 'FAILED' ELSE c.status END,"
                + " attempts = CASE WHEN c.code_hash = ? THEN c.attempts ELSE c.attempts + 1 END,"
                + " confirmed_at = CASE WHEN c.code_hash = ? THEN CAST(? AS timestamptz) ELSE c.confirmed_at END,"
                + " used_at = CASE WHEN c.code_hash = ? THEN CAST(? AS timestamptz) ELSE c.used_at END"
                + " WHERE c.id = ? AND c.status = 'PENDING' AND c.attempts < ? AND c.expires_at > ?");
        if (shape.sendersCheckedElsewhere() > 0) {
            sql.append(" AND (c.sender IS NULL OR c.sender NOT IN (")
                    .append(String.join(", ", Collections.nCopies(shape.sendersCheckedElsewhere(), "?")))
                    .append("))");
        }
        if (shape.owner()) {
            sql.append(" AND c.owner = ?");
        }
        if (shape.purpose()) {
            sql.append(" AND c.purpose = ?");
        }
        sql.append(" AND NOT EXISTS (SELECT 1 FROM two_factor_failure_count f WHERE f.subject_key = c.failure_subject"
                + " AND f.failures >= ? AND f.last_failure_at > ?)"
                + " RETURNING c.").append(COLUMNS.replace(", ", ", c.")).append(", c.failure_subject),"
                        + " failure_counted AS (INSERT INTO two_factor_failure_count AS f"
                        + " (subject_key, failures, last_failure_at)"
                        + " SELECT failure_subject, 1, CAST(? AS timestamptz) FROM changed"
                        + " WHERE confirmed_at IS NULL AND failure_subject IS NOT NULL"
                        + " ON CONFLICT (subject_key) DO UPDATE"
                        + " SET failures = CASE WHEN f.last_failure_at <= ? THEN 1 ELSE f.failures + 1 END,"
                        + " last_failure_at = EXCLUDED.last_failure_at"
                        + " WHERE f.last_failure_at <= ? OR f.failures < ?),"
                        + " failures_cleared AS (DELETE FROM two_factor_failure_count f USING changed"
                        + " WHERE changed.confirmed_at IS NOT NULL AND f.subject_key = changed.failure_subject)"
                        + " SELECT " + COLUMNS + " FROM changed");
        return sql.toString();
    }

    /**
     * PostgreSQL: one update uses the confirmation, for the binding's owner and purpose when given, and returns it. It
     * joins the caller's transaction when there is one, so that a use rolls back with the action it protects; without
     * one it runs in autocommit.
     */
    @Override
    public Optional<StoredConfirmation> useReturning(UUID id, Binding binding, Instant now) {
        if (!jdbc.isPostgreSql()) {
            return ConfirmationStore.super.useReturning(id, binding, now);
        }
        String sql = binding == null ? USE_RETURNING : USE_BOUND_RETURNING;
        Object[] parameters = binding == null ? new Object[] { now, id, now }
                : new Object[] { now, id, now, binding.owner(), binding.purpose() };
        return jdbc.queryJoiningOrAlone(sql,
                rows -> rows.next() ? Optional.of(toStored(id, rows)) : Optional.empty(), parameters);
    }

    @Override
    public Optional<StoredConfirmation> find(UUID id) {
        return jdbc.select("SELECT " + COLUMNS + " FROM two_factor_confirmation WHERE id = ?",
                rows -> rows.next() ? Optional.of(toStored(id, rows)) : Optional.empty(), id);
    }

    @Override
    public boolean confirm(UUID id, String codeHash, int maxAttempts, Instant now) {
        return jdbc.update("UPDATE two_factor_confirmation SET status = ?, confirmed_at = ?"
                + " WHERE id = ? AND status = ? AND code_hash = ? AND attempts < ? AND expires_at > ?",
                Status.CONFIRMED.name(), now, id, Status.PENDING.name(), codeHash, maxAttempts, now) == 1;
    }

    @Override
    public int countWrongAttempt(UUID id, int maxAttempts, Instant now) {
        return jdbc.inTransaction(() -> {
            // status is assigned before attempts so that it reads the old count on every database.
            int counted = jdbc.update("UPDATE two_factor_confirmation"
                    + " SET status = CASE WHEN attempts + 1 >= ? THEN ? ELSE status END, attempts = attempts + 1"
                    + " WHERE id = ? AND status = ? AND attempts < ? AND expires_at > ?",
                    maxAttempts, Status.FAILED.name(), id, Status.PENDING.name(), maxAttempts, now);
            if (counted == 0) {
                return 0;
            }
            // The update locked the row until this transaction ends, so the count read here is the one it wrote.
            return jdbc.select("SELECT attempts FROM two_factor_confirmation WHERE id = ?", rows -> {
                rows.next();
                return rows.getInt(1);
            }, id);
        });
    }

    @Override
    public boolean use(UUID id, Instant now) {
        return jdbc.update("UPDATE two_factor_confirmation SET status = ?, used_at = ?"
                + " WHERE id = ? AND status = ? AND expires_at > ?",
                Status.USED.name(), now, id, Status.CONFIRMED.name(), now) == 1;
    }

    @Override
    public boolean replaceCode(UUID id, String codeHash, Instant sentNoLaterThan, Instant newExpiresAt, Instant now) {
        return jdbc.update("UPDATE two_factor_confirmation SET code_hash = ?, last_sent_at = ?, expires_at = ?"
                + " WHERE id = ? AND status = ? AND expires_at > ? AND last_sent_at <= ?",
                codeHash, now, newExpiresAt, id, Status.PENDING.name(), now, sentNoLaterThan) == 1;
    }

    @Override
    public boolean fail(UUID id) {
        return jdbc.update("UPDATE two_factor_confirmation SET status = ? WHERE id = ? AND status = ?",
                Status.FAILED.name(), id, Status.PENDING.name()) == 1;
    }

    @Override
    public boolean recordDelivery(UUID id, DeliveryStatus delivery) {
        if (delivery == DeliveryStatus.FAILED) {
            return jdbc.update("UPDATE two_factor_confirmation SET delivery = ?,"
                    + " status = CASE WHEN status = ? THEN ? ELSE status END WHERE id = ?",
                    delivery.name(), Status.PENDING.name(), Status.FAILED.name(), id) == 1;
        }
        return jdbc.update("UPDATE two_factor_confirmation SET delivery = ? WHERE id = ?", delivery.name(), id) == 1;
    }

    @Override
    public SendWindow countSend(String recipientKey, int limit, Duration window, Instant now) {
        // The confirmer counts inside a unit, whose transaction this joins; called alone, it is a unit of its own.
        Supplier<SendWindow> count = () -> countInWindow(recipientKey, limit, window, now);
        return jdbc.inTransaction() ? count.get() : inOneUnit(count);
    }

    private static boolean violatesConstraint(Throwable e) {
        for (Throwable t = e; t != null; t = t.getCause()) {
            if (t instanceof ConstraintViolationException) {
                return true;
            }
        }
        return false;
    }

    /**
     * One upsert starts the recipient's window, counts in it, or restarts it when over; it changes nothing when the
     * window is full, and only then is the window read, for the time to wait.
     */
    private SendWindow countInWindow(String recipientKey, int limit, Duration window, Instant now) {
        Instant windowOver = now.minus(window);
        int counted = jdbc.isPostgreSql()
                ? jdbc.update("INSERT INTO two_factor_send_window AS w (recipient_key, window_start, send_count)"
                        + " VALUES (?, ?, 1) ON CONFLICT (recipient_key) DO UPDATE"
                        + " SET send_count = CASE WHEN w.window_start <= ? THEN 1 ELSE w.send_count + 1 END,"
                        + " window_start = CASE WHEN w.window_start <= ? THEN ? ELSE w.window_start END"
                        + " WHERE w.window_start <= ? OR w.send_count < ?",
                        recipientKey, now, windowOver, windowOver, now, windowOver, limit)
                : session.createMutationQuery("insert into TwoFactorSendWindow"
                        + " (recipientKey, windowStart, sendCount) values (:key, :now, 1)"
                        + " on conflict (recipientKey) do update"
                        + " set sendCount = case when windowStart <= :over then 1 else sendCount + 1 end,"
                        + " windowStart = case when windowStart <= :over then :now else windowStart end"
                        + " where windowStart <= :over or sendCount < :limit")
                        .setParameter("key", recipientKey).setParameter("now", now).setParameter("over", windowOver)
                        .setParameter("limit", limit).executeUpdate();
        if (counted == 1) {
            return SendWindow.allow();
        }
        Instant windowStart = jdbc.select("SELECT window_start FROM two_factor_send_window WHERE recipient_key = ?",
                rows -> {
                    rows.next();
                    return StoreJdbc.instant(rows, 1);
                }, recipientKey);
        return SendWindow.refuse(Duration.between(now, windowStart.plus(window)));
    }

    @Override
    public SendWindow countRecentSend(String key, int limit, Duration window, Instant now) {
        // As countSend: inside the confirmer's unit, or a unit of its own.
        Supplier<SendWindow> count = () -> jdbc.isPostgreSql() ? countInLogAtOnce(key, limit, window, now)
                : countInLockedLog(key, limit, window, now);
        return jdbc.inTransaction() ? count.get() : inOneUnit(count);
    }

    /**
     * PostgreSQL: one upsert creates the key's log, or keeps its sends still in the window and adds this one while
     * they are fewer than the limit; it changes nothing when they are not, and only then is the log read, for the time
     * to wait. The upsert locks the row, so concurrent sends to one key count one after the other.
     */
    private SendWindow countInLogAtOnce(String key, int limit, Duration window, Instant now) {
        long overMillis = now.minus(window).toEpochMilli();
        int counted = jdbc.update("INSERT INTO two_factor_send_log AS l (send_key, sent_at, last_sent_at)"
                + " VALUES (?, ?, ?)" + COUNT_IN_EXISTING_LOG,
                key, SendTimes.of(now).toString(), now, now.toEpochMilli(), overMillis, overMillis, limit);
        if (counted == 1) {
            return SendWindow.allow();
        }
        SendTimes recent = lockedLog(key).orElseThrow().after(now.minus(window));
        return SendWindow.refuse(recent.untilOldestLeaves(window, now));
    }

    /**
     * Elsewhere: the key's log is read and locked, decided on here, and written back. Two first sends to a key may
     * both find no log and insert one; the loser's unit rolls back and tries again ({@link #inOneUnit}).
     */
    private SendWindow countInLockedLog(String key, int limit, Duration window, Instant now) {
        Optional<SendTimes> log = lockedLog(key);
        if (log.isEmpty()) {
            jdbc.update("INSERT INTO two_factor_send_log (send_key, sent_at, last_sent_at) VALUES (?, ?, ?)",
                    key, SendTimes.of(now).toString(), now);
            return SendWindow.allow();
        }
        SendTimes recent = log.get().after(now.minus(window));
        if (recent.count() >= limit) {
            return SendWindow.refuse(recent.untilOldestLeaves(window, now));
        }
        SendTimes counted = recent.with(now);
        jdbc.update("UPDATE two_factor_send_log SET sent_at = ?, last_sent_at = ? WHERE send_key = ?",
                counted.toString(), counted.newest(), key);
        return SendWindow.allow();
    }

    @Override
    public void uncountRecentSend(String key, Instant countedAt) {
        jdbc.inTransaction(() -> lockedLog(key).map(log -> jdbc.update(
                "UPDATE two_factor_send_log SET sent_at = ? WHERE send_key = ?",
                log.without(countedAt).toString(), key)));
    }

    /** The key's log, locked until the transaction ends. */
    private Optional<SendTimes> lockedLog(String key) {
        return jdbc.select("SELECT sent_at FROM two_factor_send_log WHERE send_key = ? FOR UPDATE",
                rows -> rows.next() ? Optional.of(SendTimes.parse(rows.getString(1))) : Optional.empty(), key);
    }

    @Override
    public FailureCount failures(String subjectKey) {
        return jdbc.select("SELECT failures, last_failure_at FROM two_factor_failure_count WHERE subject_key = ?",
                rows -> rows.next() ? new FailureCount(rows.getInt(1), StoreJdbc.instant(rows, 2))
                        : FailureCount.none(),
                subjectKey);
    }

    @Override
    public boolean countFailure(String subjectKey, int max, Duration lockout, Instant now) {
        // Like a send: inside the confirmer's unit, or a unit of its own when called alone.
        Supplier<Boolean> count = () -> countFailureUpsert(subjectKey, max, lockout, now);
        return jdbc.inTransaction() ? count.get() : inOneUnit(count);
    }

    /**
     * One upsert starts the subject's count, counts one more, or starts again when the last failure is a lockout
     * old; it changes nothing when the count is full and recent.
     */
    private boolean countFailureUpsert(String subjectKey, int max, Duration lockout, Instant now) {
        Instant lockoutOver = now.minus(lockout);
        int counted = jdbc.isPostgreSql()
                ? jdbc.update("INSERT INTO two_factor_failure_count AS f (subject_key, failures, last_failure_at)"
                        + " VALUES (?, 1, ?) ON CONFLICT (subject_key) DO UPDATE"
                        + " SET failures = CASE WHEN f.last_failure_at <= ? THEN 1 ELSE f.failures + 1 END,"
                        + " last_failure_at = ?"
                        + " WHERE f.last_failure_at <= ? OR f.failures < ?",
                        subjectKey, now, lockoutOver, now, lockoutOver, max)
                : session.createMutationQuery("insert into TwoFactorFailureCount"
                        + " (subjectKey, failures, lastFailureAt) values (:key, 1, :now)"
                        + " on conflict (subjectKey) do update"
                        + " set failures = case when lastFailureAt <= :over then 1 else failures + 1 end,"
                        + " lastFailureAt = :now"
                        + " where lastFailureAt <= :over or failures < :max")
                        .setParameter("key", subjectKey).setParameter("now", now).setParameter("over", lockoutOver)
                        .setParameter("max", max).executeUpdate();
        return counted == 1;
    }

    @Override
    public void clearFailures(String subjectKey) {
        jdbc.update("DELETE FROM two_factor_failure_count WHERE subject_key = ?", subjectKey);
    }

    @Override
    @Transactional
    public int deleteFailures(Instant lastFailureBefore, int batchSize) {
        // Keys first, then a delete by primary key, as for confirmations below.
        List<String> old = session
                .createQuery("select f.subjectKey from TwoFactorFailureCount f where f.lastFailureAt < :before",
                        String.class)
                .setParameter("before", lastFailureBefore).setMaxResults(batchSize).getResultList();
        return old.isEmpty() ? 0 : session.createMutationQuery("delete from TwoFactorFailureCount f"
                + " where f.subjectKey in :keys").setParameter("keys", old).executeUpdate();
    }

    @Override
    @Transactional
    public int deleteExpired(Instant expiredBefore, Duration window, int batchSize) {
        // A window started before expiredBefore - window ended before expiredBefore.
        // Ids first, then a delete by primary key: a small, bounded transaction on every database (H2 plans a
        // delete with a limited subquery badly).
        List<String> endedWindows = session
                .createQuery("select w.recipientKey from TwoFactorSendWindow w where w.windowStart < :before",
                        String.class)
                .setParameter("before", expiredBefore.minus(window)).setMaxResults(batchSize).getResultList();
        if (!endedWindows.isEmpty()) {
            session.createMutationQuery("delete from TwoFactorSendWindow w where w.recipientKey in :keys")
                    .setParameter("keys", endedWindows).executeUpdate();
        }
        deleteEndedLogs(expiredBefore.minus(window), batchSize);
        List<UUID> expired = session
                .createQuery("select c.id from TwoFactorConfirmation c where c.expiresAt < :before", UUID.class)
                .setParameter("before", expiredBefore).setMaxResults(batchSize).getResultList();
        return expired.isEmpty() ? 0 : session.createMutationQuery("delete from TwoFactorConfirmation c"
                + " where c.id in :ids").setParameter("ids", expired).executeUpdate();
    }

    /**
     * Deletes send logs whose newest send left the window before {@code lastSentBefore}; the delete checks that again,
     * so a log that counted a send since it was picked stays.
     */
    private void deleteEndedLogs(Instant lastSentBefore, int batchSize) {
        List<String> endedLogs = session
                .createQuery("select l.sendKey from TwoFactorSendLog l where l.lastSentAt < :before", String.class)
                .setParameter("before", lastSentBefore).setMaxResults(batchSize).getResultList();
        if (!endedLogs.isEmpty()) {
            session.createMutationQuery("delete from TwoFactorSendLog l where l.sendKey in :keys"
                    + " and l.lastSentAt < :before").setParameter("keys", endedLogs)
                    .setParameter("before", lastSentBefore).executeUpdate();
        }
    }

    private static StoredConfirmation toStored(UUID id, ResultSet row) throws SQLException {
        return new StoredConfirmation(id, Status.valueOf(row.getString(1)), row.getString(2), row.getString(3),
                row.getString(4), row.getString(5), MetaJson.read(row.getString(6)), row.getString(7), row.getInt(8),
                StoreJdbc.instant(row, 9), StoreJdbc.instant(row, 10), StoreJdbc.instant(row, 11),
                StoreJdbc.instant(row, 12), StoreJdbc.instant(row, 13),
                row.getString(14) == null ? null : DeliveryStatus.valueOf(row.getString(14)));
    }

    /** By creation time, newest first; the id comes last so that {@link #toStored} reads the same columns as in find. */
    @Override
    public Optional<List<StoredConfirmation>> recent(int limit) {
        return Optional.of(jdbc.select("SELECT " + COLUMNS + ", id FROM two_factor_confirmation"
                + " ORDER BY created_at DESC LIMIT ?", rows -> {
                    List<StoredConfirmation> newest = new ArrayList<>();
                    while (rows.next()) {
                        newest.add(toStored(rows.getObject("id", UUID.class), rows));
                    }
                    return newest;
                }, limit));
    }
}
