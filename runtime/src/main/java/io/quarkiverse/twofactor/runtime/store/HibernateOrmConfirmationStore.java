package io.quarkiverse.twofactor.runtime.store;

import java.time.Duration;
import java.time.Instant;
import java.util.List;
import java.util.Map;
import java.util.Optional;
import java.util.UUID;

import jakarta.inject.Singleton;
import jakarta.persistence.PersistenceException;
import jakarta.transaction.Transactional;


import io.quarkiverse.twofactor.Status;
import io.quarkiverse.twofactor.spi.ConfirmationStore;
import io.quarkiverse.twofactor.spi.SendWindow;
import io.quarkiverse.twofactor.spi.StoredConfirmation;
import io.quarkus.narayana.jta.QuarkusTransaction;
import io.quarkus.panache.common.Parameters;

/**
 * Keeps confirmations in the application's database through Hibernate ORM. Each transition is a single
 * {@code UPDATE ... WHERE} whose conditions the database checks against the row it locks, so concurrent callers on
 * any number of replicas cannot both win.
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
        return ConfirmationEntity.update("status = :confirmed, confirmedAt = :now"
                + " where id = :id and status = :pending and codeHash = :hash and attempts < :max and expiresAt > :now",
                Parameters.with("confirmed", Status.CONFIRMED).and("now", now).and("id", id)
                        .and("pending", Status.PENDING).and("hash", codeHash).and("max", maxAttempts)) == 1;
    }

    @Override
    @Transactional
    public int countWrongAttempt(UUID id, int maxAttempts, Instant now) {
        // status is assigned before attempts so that it reads the old count on every database.
        int counted = ConfirmationEntity.update("status = case when attempts + 1 >= :max then :failed else status end,"
                + " attempts = attempts + 1"
                + " where id = :id and status = :pending and attempts < :max and expiresAt > :now",
                Parameters.with("max", maxAttempts).and("failed", Status.FAILED).and("id", id)
                        .and("pending", Status.PENDING).and("now", now));
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
        return ConfirmationEntity.update("status = :used, usedAt = :now"
                + " where id = :id and status = :confirmed and expiresAt > :now",
                Parameters.with("used", Status.USED).and("now", now).and("id", id)
                        .and("confirmed", Status.CONFIRMED)) == 1;
    }

    @Override
    @Transactional
    public boolean replaceCode(UUID id, String codeHash, Instant sentNoLaterThan, Instant newExpiresAt, Instant now) {
        return ConfirmationEntity.update("codeHash = :hash, lastSentAt = :now, expiresAt = :expiresAt"
                + " where id = :id and status = :pending and expiresAt > :now and lastSentAt <= :sentNoLaterThan",
                Parameters.with("hash", codeHash).and("now", now).and("expiresAt", newExpiresAt).and("id", id)
                        .and("pending", Status.PENDING).and("sentNoLaterThan", sentNoLaterThan)) == 1;
    }

    @Override
    @Transactional
    public boolean fail(UUID id) {
        return ConfirmationEntity.update("status = :failed where id = :id and status = :pending",
                Parameters.with("failed", Status.FAILED).and("id", id).and("pending", Status.PENDING)) == 1;
    }

    @Override
    public SendWindow countSend(String recipientKey, int limit, Duration window, Instant now) {
        // Three tries are plenty: the insert can only lose to a concurrent insert, after which the row exists.
        for (int tries = 0; tries < 3; tries++) {
            Optional<SendWindow> decided = QuarkusTransaction.requiringNew()
                    .call(() -> countInExistingWindow(recipientKey, limit, window, now));
            if (decided.isPresent()) {
                return decided.get();
            }
            if (startWindow(recipientKey, now)) {
                return SendWindow.allow();
            }
        }
        throw new IllegalStateException("The send window of a recipient could not be counted");
    }

    /** Counts in the recipient's window, restarting it when over; empty when the recipient has no window yet. */
    private Optional<SendWindow> countInExistingWindow(String recipientKey, int limit, Duration window, Instant now) {
        Instant windowOver = now.minus(window);
        int counted = SendWindowEntity.update("sendCount = case when windowStart <= :over then 1 else sendCount + 1 end,"
                + " windowStart = case when windowStart <= :over then :now else windowStart end"
                + " where recipientKey = :key and (windowStart <= :over or sendCount < :limit)",
                Parameters.with("over", windowOver).and("now", now).and("key", recipientKey).and("limit", limit));
        if (counted == 1) {
            return Optional.of(SendWindow.allow());
        }
        return SendWindowEntity.<SendWindowEntity> findByIdOptional(recipientKey)
                .map(full -> SendWindow.refuse(Duration.between(now, full.windowStart.plus(window))));
    }

    private boolean startWindow(String recipientKey, Instant now) {
        try {
            QuarkusTransaction.requiringNew().run(() -> {
                SendWindowEntity started = new SendWindowEntity();
                started.recipientKey = recipientKey;
                started.windowStart = now;
                started.sendCount = 1;
                started.persistAndFlush();
            });
            return true;
        } catch (PersistenceException e) {
            return false;
        }
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

    private StoredConfirmation toStored(ConfirmationEntity entity) {
        return new StoredConfirmation(entity.id, entity.status, entity.sender, entity.recipient, MetaJson.read(entity.meta),
                entity.codeHash, entity.attempts, entity.createdAt, entity.expiresAt, entity.lastSentAt,
                entity.confirmedAt, entity.usedAt);
    }
}
