package io.quarkiverse.twofactor.runtime.store;

import java.sql.ResultSet;
import java.sql.SQLException;
import java.util.ArrayList;
import java.util.List;
import java.util.Optional;
import java.util.UUID;
import java.util.function.Supplier;

import jakarta.inject.Singleton;
import jakarta.transaction.TransactionManager;

import io.quarkiverse.twofactor.Destination;
import io.quarkiverse.twofactor.runtime.destination.DestinationOrder;
import io.quarkiverse.twofactor.spi.DestinationStore;

/**
 * Keeps destinations in the application's database, in the table of {@link DestinationEntity}, with plain SQL over
 * JDBC ({@link StoreJdbc}). Every call runs in a JDBC transaction of the store's own, never the caller's, so a refused
 * duplicate cannot spoil the caller's transaction and a change stays made whatever the caller does later.
 * <p>
 * The unique constraint on owner, sender and recipient decides duplicates, so two concurrent adds cannot both win. A
 * change that can move a default first locks every row of the owner ({@code SELECT ... FOR UPDATE}, in id order so
 * that concurrent changes lock in one order), so changes to one owner's defaults run one after another on any number
 * of replicas.
 */
@Singleton
public class HibernateOrmDestinationStore implements DestinationStore {

    private static final String COLUMNS = "id, owner, sender, recipient, verified, is_default, created_at";

    private final StoreJdbc jdbc;

    HibernateOrmDestinationStore(TransactionManager transactions, StorePersistenceUnit unit) {
        this.jdbc = new StoreJdbc(transactions, unit);
    }

    @Override
    public String name() {
        return "hibernate-orm";
    }

    @Override
    public boolean create(Destination d) {
        try {
            own(() -> jdbc.update("INSERT INTO two_factor_destination (" + COLUMNS + ") VALUES (?, ?, ?, ?, ?, ?, ?)",
                    d.id(), d.owner(), d.sender(), d.recipient(), false, false, d.createdAt()));
            return true;
        } catch (RuntimeException e) {
            if (StoreJdbc.violatesUniqueConstraint(e)) {
                return false;
            }
            throw e;
        }
    }

    @Override
    public List<Destination> list(String owner) {
        return own(() -> jdbc.select("SELECT " + COLUMNS + " FROM two_factor_destination WHERE owner = ?"
                + " ORDER BY created_at, id", HibernateOrmDestinationStore::toDestinations, owner));
    }

    @Override
    public Optional<Destination> find(String owner, UUID id) {
        return own(() -> jdbc.select("SELECT " + COLUMNS + " FROM two_factor_destination WHERE owner = ? AND id = ?",
                HibernateOrmDestinationStore::toDestinations, owner, id)).stream().findFirst();
    }

    @Override
    public boolean markVerified(String owner, UUID id) {
        return own(() -> {
            List<Destination> all = lockAll(owner);
            Optional<Destination> target = all.stream().filter(d -> d.id().equals(id)).findFirst();
            if (target.isEmpty()) {
                return false;
            }
            if (!target.get().verified()) {
                String sender = target.get().sender();
                boolean senderHasDefault = all.stream().anyMatch(d -> d.sender().equals(sender) && d.isDefault());
                jdbc.update("UPDATE two_factor_destination SET verified = ?, is_default = ? WHERE id = ?",
                        true, !senderHasDefault, id);
            }
            return true;
        });
    }

    @Override
    public DefaultChange makeDefault(String owner, UUID id) {
        return own(() -> {
            Optional<Destination> target = lockAll(owner).stream().filter(d -> d.id().equals(id)).findFirst();
            if (target.isEmpty()) {
                return DefaultChange.NOT_FOUND;
            }
            if (!target.get().verified()) {
                return DefaultChange.NOT_VERIFIED;
            }
            jdbc.update("UPDATE two_factor_destination SET is_default = CASE WHEN id = ? THEN TRUE ELSE FALSE END"
                    + " WHERE owner = ? AND sender = ?", id, owner, target.get().sender());
            return DefaultChange.MADE_DEFAULT;
        });
    }

    @Override
    public boolean delete(String owner, UUID id) {
        return own(() -> {
            List<Destination> all = lockAll(owner);
            Optional<Destination> target = all.stream().filter(d -> d.id().equals(id)).findFirst();
            if (target.isEmpty()) {
                return false;
            }
            jdbc.update("DELETE FROM two_factor_destination WHERE id = ?", id);
            if (target.get().isDefault()) {
                all.stream()
                        .filter(d -> !d.id().equals(id) && d.sender().equals(target.get().sender()) && d.verified())
                        .min(DestinationOrder.OLDEST_FIRST)
                        .ifPresent(next -> jdbc.update(
                                "UPDATE two_factor_destination SET is_default = ? WHERE id = ?", true, next.id()));
            }
            return true;
        });
    }

    /** Every destination of the owner, locked until the transaction ends. */
    private List<Destination> lockAll(String owner) {
        return jdbc.select("SELECT " + COLUMNS + " FROM two_factor_destination WHERE owner = ? ORDER BY id FOR UPDATE",
                HibernateOrmDestinationStore::toDestinations, owner);
    }

    private <T> T own(Supplier<T> work) {
        return jdbc.inJdbcTransaction(work);
    }

    private static List<Destination> toDestinations(ResultSet rows) throws SQLException {
        List<Destination> destinations = new ArrayList<>();
        while (rows.next()) {
            destinations.add(new Destination(rows.getObject(1, UUID.class), rows.getString(2), rows.getString(3),
                    rows.getString(4), rows.getBoolean(5), rows.getBoolean(6), StoreJdbc.instant(rows, 7)));
        }
        return destinations;
    }
}
