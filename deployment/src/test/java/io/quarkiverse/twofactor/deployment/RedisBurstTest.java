package io.quarkiverse.twofactor.deployment;

import static org.junit.jupiter.api.Assertions.assertEquals;

import java.net.URI;
import java.net.http.HttpClient;
import java.net.http.HttpRequest;
import java.net.http.HttpResponse;
import java.time.Duration;
import java.util.ArrayList;
import java.util.List;
import java.util.Map;
import java.util.TreeMap;
import java.util.UUID;
import java.util.concurrent.CompletableFuture;

import jakarta.inject.Inject;

import org.eclipse.microprofile.config.inject.ConfigProperty;
import org.junit.jupiter.api.Tag;
import org.junit.jupiter.api.Test;
import org.junit.jupiter.api.extension.RegisterExtension;

import io.quarkiverse.twofactor.Confirmer;
import io.quarkiverse.twofactor.NewConfirmation;
import io.quarkus.test.QuarkusUnitTest;

/**
 * A burst of concurrent wrong codes over HTTP, on the {@code redis} store with the Redis client's default pool (a few
 * connections and a short wait queue, which alone would refuse most of the burst): every call gets its real answer,
 * none a {@code 503}. The time the burst took is printed.
 */
@Tag("redis")
class RedisBurstTest {

    private static final int CONCURRENT_CALLS = 200;
    private static final int MAX_ATTEMPTS = 5;

    @RegisterExtension
    static final QuarkusUnitTest app = new QuarkusUnitTest()
            .withConfigurationResource(TestApps.H2_CONFIG)
            .overrideConfigKey("quarkus.datasource.jdbc.url", "jdbc:h2:mem:redis-burst;DB_CLOSE_DELAY=-1")
            .overrideConfigKey("quarkus.two-factor.store", "redis")
            .overrideConfigKey("quarkus.two-factor.redis.key-prefix", "two-factor-test:" + UUID.randomUUID() + ":")
            .overrideConfigKey("quarkus.two-factor.max-attempts", Integer.toString(MAX_ATTEMPTS))
            .overrideConfigKey("quarkus.two-factor.rest.enabled", "true")
            .overrideConfigKey("quarkus.two-factor.rest.mode", "open")
            .overrideConfigKey("quarkus.two-factor.senders.\"default\".backend", "log")
            .overrideConfigKey("quarkus.redis.hosts", "redis://127.0.0.1:6379")
            .overrideConfigKey("quarkus.redis.devservices.enabled", "false");

    @Inject
    Confirmer confirmer;

    @ConfigProperty(name = "quarkus.http.test-port")
    int port;

    @Test
    void twoHundredConcurrentWrongCodesAllGetTheirAnswerWithTheDefaultPool() {
        NewConfirmation made = confirmer.make(Map.of());
        String wrongCode = made.code().equals("000000") ? "111111" : "000000";
        HttpRequest confirm = HttpRequest.newBuilder(URI.create("http://localhost:" + port + "/two-factor/confirm"))
                .header("Content-Type", "application/json")
                .POST(HttpRequest.BodyPublishers.ofString(
                        "{\"id\":\"" + made.state().id() + "\",\"code\":\"" + wrongCode + "\"}"))
                .timeout(Duration.ofSeconds(60))
                .build();
        HttpClient http = HttpClient.newBuilder().version(HttpClient.Version.HTTP_1_1).build();

        long start = System.nanoTime();
        List<CompletableFuture<HttpResponse<String>>> calls = new ArrayList<>();
        for (int i = 0; i < CONCURRENT_CALLS; i++) {
            calls.add(http.sendAsync(confirm, HttpResponse.BodyHandlers.ofString()));
        }
        Map<Integer, Integer> answers = new TreeMap<>();
        calls.forEach(call -> answers.merge(call.join().statusCode(), 1, Integer::sum));
        Duration took = Duration.ofNanos(System.nanoTime() - start);
        System.out.printf("%d concurrent wrong codes on the redis store with the default pool: %s in %d ms%n",
                CONCURRENT_CALLS, answers, took.toMillis());

        // Wrong codes count until the last attempt, which locks the confirmation; every later one finds it locked.
        assertEquals(Map.of(400, MAX_ATTEMPTS - 1, 429, CONCURRENT_CALLS - MAX_ATTEMPTS + 1), answers);
    }
}
