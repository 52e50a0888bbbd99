package io.quarkiverse.twofactor.runtime.store;

import java.sql.ResultSet;
import java.sql.SQLException;
import java.util.ArrayList;
import java.util.List;
import java.util.Set;
import java.util.UUID;
import java.util.function.Supplier;

import jakarta.inject.Singleton;
import jakarta.transaction.TransactionManager;

import io.quarkiverse.twofactor.spi.AuthenticatorStore;
import io.quarkiverse.twofactor.spi.StoredAuthenticator;

/**
 * Keeps authenticator apps, accepted time steps and recovery codes in the application's database, in the tables of
 * {@link AuthenticatorEntity}, {@link TotpStepEntity} and {@link RecoveryCodeEntity}, with plain SQL over JDBC
 * ({@link StoreJdbc}). Every call runs in a JDBC transaction of the store's own, never the caller's. A time step is
 * accepted by a conditional update the database decides on the owner's locked row, and a recovery code is spent by a
 * delete, so concurrent callers on any number of replicas cannot both win.
 */
@Singleton
public class HibernateOrmAuthenticatorStore implements AuthenticatorStore {

    private static final String COLUMNS = "id, owner, label, secret, verified, created_at";

    private final StoreJdbc jdbc;

    HibernateOrmAuthenticatorStore(TransactionManager transactions, StorePersistenceUnit unit) {
        this.jdbc = new StoreJdbc(transactions, unit);
    }

    @Override
    public String name() {
        return "hibernate-orm";
    }

    @Override
    public void create(StoredAuthenticator a) {
        own(() -> jdbc.update("INSERT INTO two_factor_authenticator (" + COLUMNS + ") VALUES (?, ?, ?, ?, ?, ?)",
                a.id(), a.owner(), a.label(), a.encryptedSecret(), a.verified(), a.createdAt()));
    }

    @Override
    public List<StoredAuthenticator> list(String owner) {
        return own(() -> jdbc.select("SELECT " + COLUMNS + " FROM two_factor_authenticator WHERE owner = ?"
                + " ORDER BY created_at, id", HibernateOrmAuthenticatorStore::toAuthenticators, owner));
    }

    @Override
    public boolean markVerified(String owner, UUID id) {
        return own(() -> jdbc.update("UPDATE two_factor_authenticator SET verified = ? WHERE owner = ? AND id = ?",
                true, owner, id)) == 1;
    }

    @Override
    public boolean delete(String owner, UUID id) {
        return own(() -> jdbc.update("DELETE FROM two_factor_authenticator WHERE owner = ? AND id = ?", owner, id)) == 1;
    }

    /**
     * An update of the owner's row when it holds an earlier step; else the owner has no row yet, and an insert makes
     * it. When a concurrent caller inserted first, the unique key refuses ours and the update decides after all. Each
     * statement is a transaction of its own, so a refused insert leaves nothing to roll back on any database.
     */
    @Override
    public boolean acceptStep(String owner, long step) {
        if (advanceStep(owner, step)) {
            return true;
        }
        try {
            own(() -> jdbc.update("INSERT INTO two_factor_totp_step (owner, last_step) VALUES (?, ?)", owner, step));
            return true;
        } catch (RuntimeException e) {
            if (!StoreJdbc.violatesUniqueConstraint(e)) {
                throw e;
            }
            return advanceStep(owner, step);
        }
    }

    private boolean advanceStep(String owner, long step) {
        return own(() -> jdbc.update("UPDATE two_factor_totp_step SET last_step = ? WHERE owner = ? AND last_step < ?",
                step, owner, step)) == 1;
    }

    @Override
    public void replaceRecoveryCodes(String owner, Set<String> codeHashes) {
        own(() -> {
            jdbc.update("DELETE FROM two_factor_recovery_code WHERE owner = ?", owner);
            for (String hash : codeHashes) {
                jdbc.update("INSERT INTO two_factor_recovery_code (code_hash, owner) VALUES (?, ?)", hash, owner);
            }
            return null;
        });
    }

    @Override
    public int countRecoveryCodes(String owner) {
        return own(() -> jdbc.select("SELECT COUNT(*) FROM two_factor_recovery_code WHERE owner = ?", rows -> {
            rows.next();
            return rows.getInt(1);
        }, owner));
    }

    @Override
    public boolean spendRecoveryCode(String owner, String codeHash) {
        return own(() -> jdbc.update("DELETE FROM two_factor_recovery_code WHERE code_hash = ? AND owner = ?",
                codeHash, owner)) == 1;
    }

    private <T> T own(Supplier<T> work) {
        return jdbc.inJdbcTransaction(work);
    }

    private static List<StoredAuthenticator> toAuthenticators(ResultSet rows) throws SQLException {
        List<StoredAuthenticator> authenticators = new ArrayList<>();
        while (rows.next()) {
            authenticators.add(new StoredAuthenticator(rows.getObject(1, UUID.class), rows.getString(2),
                    rows.getString(3), rows.getString(4), rows.getBoolean(5), StoreJdbc.instant(rows, 6)));
        }
        return authenticators;
    }
}
