package io.quarkiverse.twofactor.runtime.store;

import java.time.Duration;
import java.time.Instant;
import java.util.List;
import java.util.Optional;
import java.util.UUID;

import jakarta.inject.Singleton;
import jakarta.persistence.PersistenceException;
import jakarta.persistence.Query;
import jakarta.transaction.Transactional;

import org.hibernate.query.NativeQuery;

import io.quarkiverse.twofactor.Status;
import io.quarkiverse.twofactor.spi.ConfirmationStore;
import io.quarkiverse.twofactor.spi.SendWindow;
import io.quarkiverse.twofactor.spi.StoredConfirmation;
import io.quarkus.narayana.jta.QuarkusTransaction;

/**
 * Keeps confirmations in the application's database through Hibernate ORM. Each transition is a single
 * {@code UPDATE ... WHERE} whose conditions the database checks against the row it locks, so concurrent callers on
 * any number of replicas cannot both win.
 * <p>
 * The transitions are plain SQL that every database runs as written: Hibernate 7 translates an HQL update anew on
 * every execution (it caches plans for selects only), which cost a fifth of a flow's CPU time in the benchmark.
 */
@Singleton
public class HibernateOrmConfirmationStore implements ConfirmationStore {


    @Override
    public String name() {
        return "hibernate-orm";
    }

    @Override
    @Transactional
    public void create(StoredConfirmation confirmation) {
        ConfirmationEntity entity = new ConfirmationEntity();
        entity.id = confirmation.id();
        entity.status = confirmation.status();
        entity.sender = confirmation.sender();
        entity.recipient = confirmation.recipient();
        entity.meta = MetaJson.write(confirmation.meta());
        entity.codeHash = confirmation.codeHash();
        entity.attempts = confirmation.attempts();
        entity.createdAt = confirmation.createdAt();
        entity.expiresAt = confirmation.expiresAt();
        entity.lastSentAt = confirmation.lastSentAt();
        entity.confirmedAt = confirmation.confirmedAt();
        entity.usedAt = confirmation.usedAt();
        entity.persist();
    }

    @Override
    @Transactional
    public Optional<StoredConfirmation> find(UUID id) {
        return ConfirmationEntity.<ConfirmationEntity> findByIdOptional(id).map(this::toStored);
    }

    @Override
    @Transactional
    public boolean confirm(UUID id, String codeHash, int maxAttempts, Instant now) {
        return update("UPDATE two_factor_confirmation SET status = ?, confirmed_at = ?"
                + " WHERE id = ? AND status = ? AND code_hash = ? AND attempts < ? AND expires_at > ?",
                Status.CONFIRMED.name(), now, id, Status.PENDING.name(), codeHash, maxAttempts, now) == 1;
    }

    @Override
    @Transactional
    public int countWrongAttempt(UUID id, int maxAttempts, Instant now) {
        // status is assigned before attempts so that it reads the old count on every database.
        int counted = update("UPDATE two_factor_confirmation"
                + " SET status = CASE WHEN attempts + 1 >= ? THEN ? ELSE status END, attempts = attempts + 1"
                + " WHERE id = ? AND status = ? AND attempts < ? AND expires_at > ?",
                maxAttempts, Status.FAILED.name(), id, Status.PENDING.name(), maxAttempts, now);
        if (counted == 0) {
            return 0;
        }
        // The update locked the row until this transaction ends, so the count read here is the one it wrote.
        return ConfirmationEntity.getEntityManager()
                .createQuery("select c.attempts from TwoFactorConfirmation c where c.id = :id", Integer.class)
                .setParameter("id", id).getSingleResult();
    }

    @Override
    @Transactional
    public boolean use(UUID id, Instant now) {
        return update("UPDATE two_factor_confirmation SET status = ?, used_at = ?"
                + " WHERE id = ? AND status = ? AND expires_at > ?",
                Status.USED.name(), now, id, Status.CONFIRMED.name(), now) == 1;
    }

    @Override
    @Transactional
    public boolean replaceCode(UUID id, String codeHash, Instant sentNoLaterThan, Instant newExpiresAt, Instant now) {
        return update("UPDATE two_factor_confirmation SET code_hash = ?, last_sent_at = ?, expires_at = ?"
                + " WHERE id = ? AND status = ? AND expires_at > ? AND last_sent_at <= ?",
                codeHash, now, newExpiresAt, id, Status.PENDING.name(), now, sentNoLaterThan) == 1;
    }

    @Override
    @Transactional
    public boolean fail(UUID id) {
        return update("UPDATE two_factor_confirmation SET status = ? WHERE id = ? AND status = ?",
                Status.FAILED.name(), id, Status.PENDING.name()) == 1;
    }

    @Override
    public SendWindow countSend(String recipientKey, int limit, Duration window, Instant now) {
        // Two tries: on some databases (H2) two first sends to a recipient can both try the insert; the loser
        // then finds the row and counts in it.
        for (int tries = 0; ; tries++) {
            try {
                return QuarkusTransaction.requiringNew().call(() -> countInWindow(recipientKey, limit, window, now));
            } catch (PersistenceException e) {
                if (tries == 1) {
                    throw e;
                }
            }
        }
    }

    /**
     * One upsert starts the recipient's window, counts in it, or restarts it when over; it changes nothing when the
     * window is full, and only then is the window read, for the time to wait.
     */
    private SendWindow countInWindow(String recipientKey, int limit, Duration window, Instant now) {
        Instant windowOver = now.minus(window);
        int counted = SendWindowEntity.getEntityManager().createQuery("insert into TwoFactorSendWindow"
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
        SendWindowEntity full = SendWindowEntity.findById(recipientKey);
        return SendWindow.refuse(Duration.between(now, full.windowStart.plus(window)));
    }

    @Override
    @Transactional
    public int deleteExpired(Instant expiredBefore, int batchSize) {
        // Ids first, then a delete by primary key: a small, bounded transaction on every database (H2 plans a
        // delete with a limited subquery badly).
        List<String> endedWindows = SendWindowEntity.getEntityManager()
                .createQuery("select w.recipientKey from TwoFactorSendWindow w where w.windowStart < :before",
                        String.class)
                .setParameter("before", expiredBefore).setMaxResults(batchSize).getResultList();
        if (!endedWindows.isEmpty()) {
            SendWindowEntity.delete("recipientKey in ?1", endedWindows);
        }
        List<UUID> expired = ConfirmationEntity.getEntityManager()
                .createQuery("select c.id from TwoFactorConfirmation c where c.expiresAt < :before", UUID.class)
                .setParameter("before", expiredBefore).setMaxResults(batchSize).getResultList();
        return expired.isEmpty() ? 0 : (int) ConfirmationEntity.delete("id in ?1", expired);
    }

    /** A conditional update of one confirmation, in the caller's transaction; returns the rows it changed. */
    private static int update(String sql, Object... parameters) {
        Query query = ConfirmationEntity.getEntityManager().createNativeQuery(sql)
                .unwrap(NativeQuery.class).addSynchronizedEntityClass(ConfirmationEntity.class);
        for (int i = 0; i < parameters.length; i++) {
            query.setParameter(i + 1, parameters[i]);
        }
        return query.executeUpdate();
    }

    private StoredConfirmation toStored(ConfirmationEntity entity) {
        return new StoredConfirmation(entity.id, entity.status, entity.sender, entity.recipient, MetaJson.read(entity.meta),
                entity.codeHash, entity.attempts, entity.createdAt, entity.expiresAt, entity.lastSentAt,
                entity.confirmedAt, entity.usedAt);
    }
}
