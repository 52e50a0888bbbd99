package io.quarkiverse.twofactor.runtime.store.redis;

import java.time.Instant;
import java.util.List;
import java.util.Map;
import java.util.Set;
import java.util.UUID;

import jakarta.inject.Inject;
import jakarta.inject.Singleton;

import com.fasterxml.jackson.core.JsonProcessingException;
import com.fasterxml.jackson.databind.JsonNode;
import com.fasterxml.jackson.databind.ObjectMapper;

import io.quarkiverse.twofactor.runtime.TwoFactorConfig;
import io.quarkiverse.twofactor.spi.AuthenticatorStore;
import io.quarkiverse.twofactor.spi.StoredAuthenticator;

/**
 * Keeps authenticator apps, accepted time steps and recovery codes in Redis, three keys per owner: the apps at
 * {@code <prefix>a:<owner-hash>} (a hash of JSON objects by id), the last accepted step at {@code <prefix>t:<owner-hash>}
 * and the recovery code hashes at {@code <prefix>r:<owner-hash>} (a set). Accepting a step is one script on its key,
 * and spending a code one {@code SREM}, which Redis runs atomically, so one caller wins on any number of replicas. The
 * keys never expire.
 */
@Singleton
public class RedisAuthenticatorStore implements AuthenticatorStore {

    private static final ObjectMapper JSON = new ObjectMapper();

    private final RedisCalls redis;
    private final String prefix;

    @Inject
    RedisAuthenticatorStore(RedisCalls redis, TwoFactorConfig config) {
        this.redis = redis;
        // When authenticators follow confirmations into Redis, the confirmation store reports a missing client.
        if (config.authenticators().store().filter(RedisConfirmationStore.NAME::equals).isPresent()) {
            redis.requireClient("quarkus.two-factor.authenticators.store=redis");
        }
        this.prefix = config.redis().keyPrefix();
    }

    @Override
    public String name() {
        return RedisConfirmationStore.NAME;
    }

    @Override
    public void create(StoredAuthenticator a) {
        String json = JSON.createObjectNode()
                .put("label", a.label())
                .put("secret", a.encryptedSecret())
                .put("verified", a.verified())
                .put("createdAt", Long.toString(a.createdAt().toEpochMilli()))
                .toString();
        redis.call(r -> r.hash(String.class).hset(appsKey(a.owner()), a.id().toString(), json));
    }

    @Override
    public List<StoredAuthenticator> list(String owner) {
        Map<String, String> all = redis.call(r -> r.hash(String.class).hgetall(appsKey(owner)));
        if (all == null) {
            return List.of();
        }
        return all.entrySet().stream().map(entry -> read(owner, entry.getKey(), entry.getValue()))
                .sorted(StoredAuthenticator.OLDEST_FIRST).toList();
    }

    @Override
    public boolean markVerified(String owner, UUID id) {
        return redis.applied(AuthenticatorScripts.MARK_VERIFIED, appsKey(owner), id.toString());
    }

    @Override
    public boolean delete(String owner, UUID id) {
        return redis.call(r -> r.hash(String.class).hdel(appsKey(owner), id.toString())) == 1;
    }

    @Override
    public boolean acceptStep(String owner, long step) {
        return redis.applied(AuthenticatorScripts.ACCEPT_STEP, prefix + "t:" + OwnerHash.of(owner),
                Long.toString(step));
    }

    @Override
    public void replaceRecoveryCodes(String owner, Set<String> codeHashes) {
        redis.applied(AuthenticatorScripts.REPLACE_RECOVERY_CODES, recoveryKey(owner),
                codeHashes.toArray(String[]::new));
    }

    @Override
    public int countRecoveryCodes(String owner) {
        return (int) (long) redis.call(r -> r.set(String.class).scard(recoveryKey(owner)));
    }

    @Override
    public boolean spendRecoveryCode(String owner, String codeHash) {
        return redis.call(r -> r.set(String.class).srem(recoveryKey(owner), codeHash)) == 1;
    }

    private String appsKey(String owner) {
        return prefix + "a:" + OwnerHash.of(owner);
    }

    private String recoveryKey(String owner) {
        return prefix + "r:" + OwnerHash.of(owner);
    }

    private static StoredAuthenticator read(String owner, String id, String value) {
        try {
            JsonNode json = JSON.readTree(value);
            return new StoredAuthenticator(UUID.fromString(id), owner, json.get("label").asText(),
                    json.get("secret").asText(), json.get("verified").asBoolean(),
                    Instant.ofEpochMilli(Long.parseLong(json.get("createdAt").asText())));
        } catch (JsonProcessingException e) {
            throw new IllegalStateException("A stored authenticator is not a JSON object", e);
        }
    }
}
