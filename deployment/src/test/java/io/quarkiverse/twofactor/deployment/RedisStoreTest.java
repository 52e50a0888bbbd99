package io.quarkiverse.twofactor.deployment;

import static org.junit.jupiter.api.Assertions.assertEquals;
import static org.junit.jupiter.api.Assertions.assertFalse;
import static org.junit.jupiter.api.Assertions.assertInstanceOf;
import static org.junit.jupiter.api.Assertions.assertThrows;
import static org.junit.jupiter.api.Assertions.assertTrue;

import java.io.IOException;
import java.io.UncheckedIOException;
import java.net.InetAddress;
import java.net.ServerSocket;
import java.net.Socket;
import java.time.Duration;
import java.time.Instant;
import java.time.temporal.ChronoUnit;
import java.util.ArrayList;
import java.util.List;
import java.util.Map;
import java.util.UUID;
import java.util.concurrent.Callable;
import java.util.concurrent.CopyOnWriteArrayList;
import java.util.concurrent.CountDownLatch;
import java.util.concurrent.ExecutorService;
import java.util.concurrent.Executors;
import java.util.concurrent.Future;
import java.util.concurrent.TimeUnit;

import jakarta.inject.Inject;

import org.eclipse.microprofile.config.inject.ConfigProperty;
import org.junit.jupiter.api.MethodOrderer;
import org.junit.jupiter.api.Order;
import org.junit.jupiter.api.Tag;
import org.junit.jupiter.api.Test;
import org.junit.jupiter.api.TestMethodOrder;
import org.junit.jupiter.api.extension.RegisterExtension;

import io.quarkiverse.twofactor.ConfirmResult.Outcome;
import io.quarkiverse.twofactor.Confirmer;
import io.quarkiverse.twofactor.NewConfirmation;
import io.quarkiverse.twofactor.Status;
import io.quarkiverse.twofactor.runtime.StoreSelector;
import io.quarkiverse.twofactor.runtime.store.redis.RedisConfirmationStore;
import io.quarkiverse.twofactor.spi.ConfirmationStore;
import io.quarkiverse.twofactor.spi.SendWindow;
import io.quarkiverse.twofactor.spi.StoreUnavailableException;
import io.quarkiverse.twofactor.spi.StoredConfirmation;
import io.quarkus.redis.datasource.RedisDataSource;
import io.quarkus.test.QuarkusUnitTest;

/**
 * The {@code redis} store against the Redis server on 127.0.0.1:6379, reached through a small TCP proxy that the last
 * test cuts to take Redis away. Each run writes under its own key prefix; every key expires within minutes.
 * <p>
 * This class is loaded twice, by JUnit and by the test application, and each load runs its own static initializers:
 * the tests therefore read the prefix and the proxy's control port from the application's configuration, never from
 * static fields.
 */
@Tag("redis")
@TestMethodOrder(MethodOrderer.OrderAnnotation.class)
class RedisStoreTest {

    private static final int MAX_ATTEMPTS = 5;
    private static final Duration TTL = Duration.ofMinutes(10);
    private static final Duration RETENTION = Duration.ofMinutes(5);
    private static final int CONCURRENT_CALLS = 200;
    private static final String PROXY_CONTROL_PORT = "two-factor-test.redis-proxy.control-port";
    private static final RedisProxy PROXY = new RedisProxy();

    @RegisterExtension
    static final QuarkusUnitTest app = new QuarkusUnitTest()
            .withConfigurationResource(TestApps.H2_CONFIG)
            .overrideConfigKey("quarkus.datasource.jdbc.url", "jdbc:h2:mem:rs;DB_CLOSE_DELAY=-1")
            .overrideConfigKey("quarkus.two-factor.store", "redis")
            .overrideConfigKey("quarkus.two-factor.redis.key-prefix", "two-factor-test:" + UUID.randomUUID() + ":")
            .overrideConfigKey("quarkus.two-factor.cleanup.retention", RETENTION.toString())
            .overrideConfigKey("quarkus.redis.hosts", "redis://127.0.0.1:" + PROXY.port())
            .overrideConfigKey("quarkus.redis.devservices.enabled", "false")
            .overrideConfigKey(PROXY_CONTROL_PORT, Integer.toString(PROXY.controlPort()));

    @Inject
    Confirmer confirmer;

    @Inject
    StoreSelector stores;

    @Inject
    RedisDataSource redis;

    @ConfigProperty(name = "quarkus.two-factor.redis.key-prefix")
    String prefix;

    @ConfigProperty(name = PROXY_CONTROL_PORT)
    int proxyControlPort;

    @Test
    void redisStoreIsSelectedByName() {
        assertInstanceOf(RedisConfirmationStore.class, stores.selected());
        assertEquals("redis", stores.selected().name());
    }

    @Test
    void madeConfirmationIsConfirmedAndUsedOnce() {
        NewConfirmation made = confirmer.make(Map.of("user", "alice", "purpose", "delete-account"));
        UUID id = made.state().id();

        assertEquals(Outcome.CONFIRMED, confirmer.confirm(id, made.code()).outcome());
        assertEquals(Outcome.NOT_PENDING, confirmer.confirm(id, made.code()).outcome());
        assertFalse(confirmer.use(id, Map.of("user", "bob")));
        assertTrue(confirmer.use(id, Map.of("user", "alice")));
        assertFalse(confirmer.use(id));

        StoredConfirmation stored = store().find(id).orElseThrow();
        assertEquals(Status.USED, stored.status());
        assertEquals(Map.of("user", "alice", "purpose", "delete-account"), stored.meta());
        assertEquals(made.state().createdAt(), stored.createdAt());
        assertEquals(made.state().expiresAt(), stored.expiresAt());
        assertTrue(stored.confirmedAt() != null && stored.usedAt() != null, stored::toString);
        assertTrue(store().find(UUID.randomUUID()).isEmpty());
    }

    @Test
    void wrongCodeFiveTimesLocksTheConfirmation() {
        NewConfirmation made = confirmer.make(Map.of());
        UUID id = made.state().id();

        for (int attempt = 1; attempt < MAX_ATTEMPTS; attempt++) {
            assertEquals(Outcome.WRONG_CODE, confirmer.confirm(id, wrong(made.code())).outcome());
        }
        assertEquals(Outcome.ATTEMPTS_EXHAUSTED, confirmer.confirm(id, wrong(made.code())).outcome());
        assertEquals(Outcome.ATTEMPTS_EXHAUSTED, confirmer.confirm(id, made.code()).outcome());

        StoredConfirmation stored = store().find(id).orElseThrow();
        assertEquals(Status.FAILED, stored.status());
        assertEquals(MAX_ATTEMPTS, stored.attempts());
        assertFalse(confirmer.use(id));
    }

    @Test
    void twoHundredConcurrentUsesSpendAConfirmationOnce() throws Exception {
        NewConfirmation made = confirmer.make(Map.of());
        UUID id = made.state().id();
        assertEquals(Outcome.CONFIRMED, confirmer.confirm(id, made.code()).outcome());

        List<Boolean> used = concurrently(() -> confirmer.use(id));

        assertEquals(1, used.stream().filter(Boolean::booleanValue).count());
        assertEquals(Status.USED, store().find(id).orElseThrow().status());
    }

    @Test
    void twoHundredConcurrentWrongCodesCountNoMoreThanMaxAttempts() throws Exception {
        NewConfirmation made = confirmer.make(Map.of());
        UUID id = made.state().id();

        List<Outcome> outcomes = concurrently(() -> confirmer.confirm(id, wrong(made.code())).outcome());

        assertTrue(outcomes.stream().allMatch(o -> o == Outcome.WRONG_CODE || o == Outcome.ATTEMPTS_EXHAUSTED),
                outcomes::toString);
        StoredConfirmation stored = store().find(id).orElseThrow();
        assertEquals(MAX_ATTEMPTS, stored.attempts());
        assertEquals(Status.FAILED, stored.status());
        assertEquals(Outcome.ATTEMPTS_EXHAUSTED, confirmer.confirm(id, made.code()).outcome());
    }

    @Test
    void replaceCodeWaitsForTheCooldownAndMovesTheExpiry() throws Exception {
        NewConfirmation made = confirmer.make(Map.of());
        UUID id = made.state().id();
        Instant sent = store().find(id).orElseThrow().lastSentAt();
        Duration cooldown = Duration.ofSeconds(30);
        String newHash = "ab".repeat(32);

        Instant tooSoon = sent.plus(cooldown).minusMillis(1);
        assertFalse(store().replaceCode(id, newHash, tooSoon.minus(cooldown), tooSoon.plus(TTL), tooSoon));
        long ttlBefore = redis.key().pttl(confirmationKey(id));

        // Exactly one of many resends racing past the cooldown wins.
        Instant due = sent.plus(cooldown);
        List<Boolean> replaced = concurrently(
                () -> store().replaceCode(id, newHash, due.minus(cooldown), due.plus(TTL), due));
        assertEquals(1, replaced.stream().filter(Boolean::booleanValue).count());

        StoredConfirmation stored = store().find(id).orElseThrow();
        assertEquals(newHash, stored.codeHash());
        assertEquals(due, stored.lastSentAt());
        assertEquals(due.plus(TTL), stored.expiresAt());
        assertEquals(Status.PENDING, stored.status());
        assertTrue(redis.key().pttl(confirmationKey(id)) > ttlBefore + cooldown.toMillis() - 5_000,
                "the key's expiry moved with the confirmation's");
        assertEquals(Outcome.WRONG_CODE, confirmer.confirm(id, made.code()).outcome(), "the old code stopped working");
    }

    @Test
    void sixthSendInAWindowIsRefusedUntilTheWindowEnds() {
        String recipientKey = UUID.randomUUID().toString().replace("-", "");
        Duration window = Duration.ofMinutes(10);
        Instant start = Instant.now().truncatedTo(ChronoUnit.MILLIS);

        for (int send = 0; send < 5; send++) {
            assertTrue(store().countSend(recipientKey, 5, window, start.plusSeconds(send)).allowed());
        }
        SendWindow refused = store().countSend(recipientKey, 5, window, start.plusSeconds(60));
        assertFalse(refused.allowed());
        assertEquals(window.minusSeconds(60), refused.retryAfter());
        long windowTtl = redis.key().pttl(prefix + "w:" + recipientKey);
        assertTrue(windowTtl > 0 && windowTtl <= window.toMillis(), () -> "window key PTTL " + windowTtl);

        assertTrue(store().countSend(recipientKey, 5, window, start.plus(window)).allowed(), "a new window starts");
        assertTrue(store().countSend(UUID.randomUUID().toString(), 5, window, start.plusSeconds(60)).allowed(),
                "each recipient has its own window");
    }

    @Test
    void everyConfirmationKeyExpiresAfterItsRetention() {
        UUID id = confirmer.make(Map.of()).state().id();

        long ttl = redis.key().pttl(confirmationKey(id));
        assertTrue(ttl > 0 && ttl <= TTL.plus(RETENTION).toMillis(), () -> "confirmation key PTTL " + ttl);
        assertTrue(ttl > TTL.plus(RETENTION).toMillis() - 60_000, () -> "confirmation key PTTL " + ttl);
    }

    @Test
    void expiredConfirmationStillReadsAsExpiredDuringItsRetention() {
        Instant now = Instant.now().truncatedTo(ChronoUnit.MILLIS);
        UUID id = UUID.randomUUID();
        store().create(new StoredConfirmation(id, Status.PENDING, null, null, null, null, Map.of(), "cd".repeat(32), 0,
                now.minus(TTL), now.minusSeconds(1), now.minus(TTL), null, null));

        assertEquals(Status.EXPIRED, confirmer.check(id).orElseThrow().status());
        assertEquals(Outcome.EXPIRED, confirmer.confirm(id, "000000").outcome());
        assertFalse(store().replaceCode(id, "ef".repeat(32), now, now.plus(TTL), now));
        assertTrue(redis.key().pttl(confirmationKey(id)) > 0);
    }

    @Test
    void failEndsOnlyAPendingConfirmation() {
        NewConfirmation made = confirmer.make(Map.of());
        UUID id = made.state().id();

        assertTrue(store().fail(id));
        assertFalse(store().fail(id));
        assertEquals(Status.FAILED, confirmer.check(id).orElseThrow().status());
        assertEquals(Outcome.NOT_PENDING, confirmer.confirm(id, made.code()).outcome());
        assertFalse(store().fail(UUID.randomUUID()));
    }

    @Test
    @Order(Integer.MAX_VALUE)
    void unreachableRedisIsReportedAsStoreUnavailable() {
        UUID id = confirmer.make(Map.of()).state().id();

        RedisProxy.cut(proxyControlPort);

        StoreUnavailableException thrown = assertThrows(StoreUnavailableException.class, () -> confirmer.check(id));
        assertFalse(thrown.getMessage().contains(id.toString()) || thrown.getMessage().contains(prefix),
                thrown::getMessage);
        assertThrows(StoreUnavailableException.class, () -> confirmer.use(id));
        assertThrows(StoreUnavailableException.class, () -> confirmer.make(Map.of()));
    }

    private ConfirmationStore store() {
        return stores.selected();
    }

    private String confirmationKey(UUID id) {
        return prefix + "c:" + id;
    }

    /** A code of the same length that differs from {@code code} in every digit. */
    private static String wrong(String code) {
        StringBuilder wrong = new StringBuilder();
        code.chars().forEach(digit -> wrong.append((char) ('0' + (digit - '0' + 1) % 10)));
        return wrong.toString();
    }

    /** Runs {@link #CONCURRENT_CALLS} calls at once, each on its own thread, and returns their results. */
    private static <T> List<T> concurrently(Callable<T> call) throws Exception {
        ExecutorService threads = Executors.newFixedThreadPool(CONCURRENT_CALLS);
        try {
            CountDownLatch go = new CountDownLatch(1);
            List<Future<T>> calls = new ArrayList<>();
            for (int i = 0; i < CONCURRENT_CALLS; i++) {
                calls.add(threads.submit(() -> {
                    go.await();
                    return call.call();
                }));
            }
            go.countDown();
            List<T> results = new ArrayList<>();
            for (Future<T> result : calls) {
                results.add(result.get(30, TimeUnit.SECONDS));
            }
            return results;
        } finally {
            threads.shutdownNow();
        }
    }

    /**
     * Forwards TCP connections to the Redis server on 127.0.0.1:6379 until anything connects to its control port; then
     * it closes every connection and stops listening, so that connecting fails as when Redis is down.
     */
    private static final class RedisProxy {

        private final ServerSocket server = listen();
        private final ServerSocket control = listen();
        private final List<Socket> sockets = new CopyOnWriteArrayList<>();

        RedisProxy() {
            daemon(this::forward);
            daemon(this::awaitCut);
        }

        int port() {
            return server.getLocalPort();
        }

        int controlPort() {
            return control.getLocalPort();
        }

        /** Cuts the proxy listening for control on this port, from whichever class loader. */
        static void cut(int controlPort) {
            try (Socket socket = new Socket(InetAddress.getLoopbackAddress(), controlPort)) {
                // Reading waits until the proxy closes the control connection, once everything else is closed.
                socket.getInputStream().read();
            } catch (IOException e) {
                throw new UncheckedIOException(e);
            }
        }

        private void awaitCut() {
            try (control; Socket request = control.accept(); server) {
                for (Socket socket : sockets) {
                    socket.close();
                }
            } catch (IOException e) {
                throw new UncheckedIOException(e);
            }
        }

        private void forward() {
            while (!server.isClosed()) {
                try {
                    Socket client = server.accept();
                    Socket redis = new Socket("127.0.0.1", 6379);
                    sockets.add(client);
                    sockets.add(redis);
                    daemon(() -> pump(client, redis));
                    daemon(() -> pump(redis, client));
                } catch (IOException e) {
                    // Cut, or Redis itself refused: the client sees the connection fail either way.
                }
            }
        }

        private static void pump(Socket from, Socket to) {
            try (from; to) {
                from.getInputStream().transferTo(to.getOutputStream());
            } catch (IOException e) {
                // One side closed: both are closed on the way out.
            }
        }

        private static ServerSocket listen() {
            try {
                return new ServerSocket(0, 50, InetAddress.getLoopbackAddress());
            } catch (IOException e) {
                throw new UncheckedIOException(e);
            }
        }

        private static void daemon(Runnable task) {
            Thread thread = new Thread(task, "redis-test-proxy");
            thread.setDaemon(true);
            thread.start();
        }
    }
}
