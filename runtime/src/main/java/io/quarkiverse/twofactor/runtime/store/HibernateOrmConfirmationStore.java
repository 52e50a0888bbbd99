package io.quarkiverse.twofactor.runtime.store;

import java.time.Instant;
import java.util.Map;
import java.util.Optional;
import java.util.UUID;

import jakarta.inject.Inject;
import jakarta.inject.Singleton;
import jakarta.transaction.Transactional;

import com.fasterxml.jackson.core.JsonProcessingException;
import com.fasterxml.jackson.core.type.TypeReference;
import com.fasterxml.jackson.databind.ObjectMapper;

import io.quarkiverse.twofactor.Status;
import io.quarkiverse.twofactor.spi.ConfirmationStore;
import io.quarkiverse.twofactor.spi.StoredConfirmation;
import io.quarkus.panache.common.Parameters;

/**
 * Keeps confirmations in the application's database through Hibernate ORM. Each transition is a single
 * {@code UPDATE ... WHERE} whose conditions the database checks against the row it locks, so concurrent callers on
 * any number of replicas cannot both win.
 */
@Singleton
public class HibernateOrmConfirmationStore implements ConfirmationStore {

    private static final TypeReference<Map<String, String>> META_TYPE = new TypeReference<>() {
    };

    private final ObjectMapper json;

    @Inject
    HibernateOrmConfirmationStore(ObjectMapper json) {
        this.json = json;
    }

    @Override
    @Transactional
    public void create(StoredConfirmation confirmation) {
        ConfirmationEntity entity = new ConfirmationEntity();
        entity.id = confirmation.id();
        entity.status = confirmation.status();
        entity.sender = confirmation.sender();
        entity.recipient = confirmation.recipient();
        entity.meta = writeMeta(confirmation.meta());
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
    public boolean countWrongAttempt(UUID id, int maxAttempts, Instant now) {
        // status is assigned before attempts so that it reads the old count on every database.
        return ConfirmationEntity.update("status = case when attempts + 1 >= :max then :failed else status end,"
                + " attempts = attempts + 1"
                + " where id = :id and status = :pending and attempts < :max and expiresAt > :now",
                Parameters.with("max", maxAttempts).and("failed", Status.FAILED).and("id", id)
                        .and("pending", Status.PENDING).and("now", now)) == 1;
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

    private StoredConfirmation toStored(ConfirmationEntity entity) {
        return new StoredConfirmation(entity.id, entity.status, entity.sender, entity.recipient, readMeta(entity.meta),
                entity.codeHash, entity.attempts, entity.createdAt, entity.expiresAt, entity.lastSentAt,
                entity.confirmedAt, entity.usedAt);
    }

    private String writeMeta(Map<String, String> meta) {
        try {
            return json.writeValueAsString(meta);
        } catch (JsonProcessingException e) {
            throw new IllegalArgumentException("meta cannot be written as JSON", e);
        }
    }

    private Map<String, String> readMeta(String meta) {
        try {
            return json.readValue(meta, META_TYPE);
        } catch (JsonProcessingException e) {
            throw new IllegalStateException("The stored meta is not a JSON object of strings", e);
        }
    }
}
