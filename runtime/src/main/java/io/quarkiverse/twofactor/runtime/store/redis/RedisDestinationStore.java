package io.quarkiverse.twofactor.runtime.store.redis;

import java.time.Instant;
import java.util.List;
import java.util.Map;
import java.util.Optional;
import java.util.UUID;

import jakarta.inject.Inject;
import jakarta.inject.Singleton;

import com.fasterxml.jackson.core.JsonProcessingException;
import com.fasterxml.jackson.databind.JsonNode;
import com.fasterxml.jackson.databind.ObjectMapper;
import com.fasterxml.jackson.databind.node.ObjectNode;

import io.quarkiverse.twofactor.Destination;
import io.quarkiverse.twofactor.runtime.TwoFactorConfig;
import io.quarkiverse.twofactor.runtime.destination.DestinationOrder;
import io.quarkiverse.twofactor.spi.DestinationStore;

/**
 * Keeps destinations in Redis, through the application's Redis client ({@link RedisCalls}): an owner's destinations are one hash at
 * {@code <prefix>d:<owner-hash>}, a JSON object per destination id. Every change is one Lua script
 * ({@link DestinationScripts}) on that one key, which Redis runs atomically, so concurrent changes from any number of
 * replicas never leave an owner two defaults for one sender; with one key per owner every script stays in one hash
 * slot. The keys never expire.
 * <p>
 * The owner's name appears in no key ({@link OwnerHash}).
 */
@Singleton
public class RedisDestinationStore implements DestinationStore {

    private static final ObjectMapper JSON = new ObjectMapper();
    private static final String SENDER = "sender";
    private static final String RECIPIENT = "recipient";
    private static final String VERIFIED = "verified";
    private static final String DEFAULT = "default";
    private static final String CREATED_AT = "createdAt";

    private final RedisCalls redis;
    private final String prefix;

    @Inject
    RedisDestinationStore(RedisCalls redis, TwoFactorConfig config) {
        this.redis = redis;
        // When destinations follow confirmations into Redis, the confirmation store reports a missing client.
        if (config.destinations().store().filter(RedisConfirmationStore.NAME::equals).isPresent()) {
            redis.requireClient("quarkus.two-factor.destinations.store=redis");
        }
        this.prefix = config.redis().keyPrefix();
    }

    @Override
    public String name() {
        return RedisConfirmationStore.NAME;
    }

    @Override
    public boolean create(Destination d) {
        ObjectNode json = JSON.createObjectNode()
                .put(SENDER, d.sender())
                .put(RECIPIENT, d.recipient())
                .put(VERIFIED, false)
                .put(DEFAULT, false)
                .put(CREATED_AT, Long.toString(d.createdAt().toEpochMilli()));
        return redis.applied(DestinationScripts.CREATE, ownerKey(d.owner()), d.id().toString(), d.sender(),
                d.recipient(), json.toString());
    }

    @Override
    public List<Destination> list(String owner) {
        Map<String, String> all = redis.call(r -> r.hash(String.class).hgetall(ownerKey(owner)));
        if (all == null) {
            return List.of();
        }
        return all.entrySet().stream().map(entry -> read(owner, entry.getKey(), entry.getValue()))
                .sorted(DestinationOrder.OLDEST_FIRST).toList();
    }

    @Override
    public Optional<Destination> find(String owner, UUID id) {
        String value = redis.call(r -> r.hash(String.class).hget(ownerKey(owner), id.toString()));
        return value == null ? Optional.empty() : Optional.of(read(owner, id.toString(), value));
    }

    @Override
    public boolean markVerified(String owner, UUID id) {
        return redis.applied(DestinationScripts.MARK_VERIFIED, ownerKey(owner), id.toString());
    }

    @Override
    public DefaultChange makeDefault(String owner, UUID id) {
        int outcome = redis.call(r -> DestinationScripts.MAKE_DEFAULT.run(r, ownerKey(owner), id.toString()))
                .toInteger();
        return switch (outcome) {
            case 1 -> DefaultChange.MADE_DEFAULT;
            case 2 -> DefaultChange.NOT_VERIFIED;
            default -> DefaultChange.NOT_FOUND;
        };
    }

    @Override
    public boolean delete(String owner, UUID id) {
        return redis.applied(DestinationScripts.DELETE, ownerKey(owner), id.toString());
    }

    private String ownerKey(String owner) {
        return prefix + "d:" + OwnerHash.of(owner);
    }

    private static Destination read(String owner, String id, String value) {
        try {
            JsonNode json = JSON.readTree(value);
            return new Destination(UUID.fromString(id), owner, json.get(SENDER).asText(),
                    json.get(RECIPIENT).asText(), json.get(VERIFIED).asBoolean(), json.get(DEFAULT).asBoolean(),
                    Instant.ofEpochMilli(Long.parseLong(json.get(CREATED_AT).asText())));
        } catch (JsonProcessingException e) {
            throw new IllegalStateException("A stored destination is not a JSON object", e);
        }
    }
}
