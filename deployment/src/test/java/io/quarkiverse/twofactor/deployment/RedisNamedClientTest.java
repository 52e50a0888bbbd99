package io.quarkiverse.twofactor.deployment;

import static org.junit.jupiter.api.Assertions.assertEquals;
import static org.junit.jupiter.api.Assertions.assertTrue;

import java.util.Map;
import java.util.UUID;

import jakarta.inject.Inject;

import org.eclipse.microprofile.config.inject.ConfigProperty;
import org.junit.jupiter.api.Tag;
import org.junit.jupiter.api.Test;
import org.junit.jupiter.api.extension.RegisterExtension;

import io.quarkiverse.twofactor.ConfirmResult.Outcome;
import io.quarkiverse.twofactor.Confirmer;
import io.quarkiverse.twofactor.NewConfirmation;
import io.quarkus.arc.Arc;
import io.quarkus.redis.client.RedisClientName;
import io.quarkus.redis.datasource.RedisDataSource;
import io.quarkus.test.QuarkusUnitTest;

/**
 * {@code quarkus.two-factor.redis.client-name} makes the {@code redis} store use that named client: here the default
 * client points where no Redis listens, and the named one at a database of its own on the local Redis, where the
 * confirmation then is.
 */
@Tag("redis")
class RedisNamedClientTest {

    private static final String PREFIX = "quarkus.two-factor.redis.key-prefix";

    @RegisterExtension
    static final QuarkusUnitTest app = new QuarkusUnitTest()
            .withConfigurationResource(TestApps.H2_CONFIG)
            .overrideConfigKey("quarkus.datasource.jdbc.url", "jdbc:h2:mem:redis-named;DB_CLOSE_DELAY=-1")
            .overrideConfigKey("quarkus.two-factor.store", "redis")
            .overrideConfigKey("quarkus.two-factor.redis.client-name", "confirmations")
            .overrideConfigKey(PREFIX, "two-factor-test:" + UUID.randomUUID() + ":")
            .overrideConfigKey("quarkus.redis.hosts", "redis://127.0.0.1:1")
            .overrideConfigKey("quarkus.redis.confirmations.hosts", "redis://127.0.0.1:6379/7")
            .overrideConfigKey("quarkus.redis.devservices.enabled", "false");

    @Inject
    Confirmer confirmer;

    @ConfigProperty(name = PREFIX)
    String prefix;

    @Test
    void confirmationsGoThroughTheNamedClient() {
        NewConfirmation made = confirmer.make(Map.of());
        UUID id = made.state().id();
        assertEquals(Outcome.CONFIRMED, confirmer.confirm(id, made.code()).outcome());

        RedisDataSource named = Arc.container()
                .select(RedisDataSource.class, RedisClientName.Literal.of("confirmations")).get();
        assertTrue(named.key().exists(prefix + "c:" + id), "the confirmation in the named client's database");
        assertEquals("CONFIRMED", named.hash(String.class).hget(prefix + "c:" + id, "status"));
    }
}
