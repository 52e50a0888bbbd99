package io.quarkiverse.twofactor.it.faults;

import static io.quarkiverse.twofactor.it.Api.PROBLEM;
import static io.quarkiverse.twofactor.it.Api.check;
import static io.quarkiverse.twofactor.it.Api.confirm;
import static io.quarkiverse.twofactor.it.Api.deliveredCode;
import static io.quarkiverse.twofactor.it.Api.freshRecipient;
import static io.quarkiverse.twofactor.it.Api.protectedAction;
import static io.quarkiverse.twofactor.it.Api.requestConfirmation;
import static io.quarkiverse.twofactor.it.Api.requestFor;
import static io.restassured.RestAssured.given;
import static org.hamcrest.Matchers.containsString;
import static org.hamcrest.Matchers.endsWith;
import static org.hamcrest.Matchers.equalTo;
import static org.hamcrest.Matchers.not;
import static org.junit.jupiter.api.Assertions.assertEquals;
import static org.junit.jupiter.api.Assertions.assertTrue;
import static org.junit.jupiter.api.Assertions.fail;

import java.time.Duration;
import java.util.Arrays;
import java.util.List;
import java.util.Map;
import java.util.UUID;
import java.util.function.Supplier;

import org.jboss.logging.Logger;
import org.junit.jupiter.api.Tag;
import org.junit.jupiter.api.Test;

import io.quarkus.test.junit.QuarkusTest;
import io.quarkus.test.junit.QuarkusTestProfile;
import io.quarkus.test.junit.TestProfile;
import io.restassured.response.ValidatableResponse;

/**
 * The Redis store's server restarts while the application runs. While it is down, calls answer a 503 problem in
 * bounded time; once a new server is up on the same port, new flows work without restarting the application, and
 * confirmations made before the restart, lost with the server's memory, answer 404. Nothing answers 500. Runs under
 * -Predis, on a redis-server the test starts itself; {@link BackgroundCallers} keep the application in use throughout.
 */
@QuarkusTest
@Tag("redis")
@TestProfile(RedisRestartTest.OwnRedis.class)
class RedisRestartTest {

    /**
     * No Redis client setting is changed: a stopped server refuses connections at once, and a call that hung instead
     * would end at the client's default timeout ({@code quarkus.redis.timeout}, 10 s), which this bound does not allow.
     */
    private static final Duration BOUND = Duration.ofSeconds(10);
    private static final int CALLERS = 4;
    private static final Logger LOG = Logger.getLogger(RedisRestartTest.class);

    public static class OwnRedis implements QuarkusTestProfile {
        @Override
        public Map<String, String> getConfigOverrides() {
            return Map.of("quarkus.two-factor.store", "redis");
        }

        @Override
        public List<TestResourceEntry> testResources() {
            return List.of(new TestResourceEntry(RedisServerResource.class));
        }
    }

    RedisServer redis;

    @Test
    void restartAnswers503WhileDownThenServesNewFlowsAndForgetsOldConfirmations() throws Exception {
        String pendingRecipient = freshRecipient();
        String pendingId = requestFor(pendingRecipient);
        String pendingCode = deliveredCode(pendingRecipient);
        String confirmedId = requestAndConfirm();

        String duringOutage = freshRecipient();
        Duration slowest;
        Duration recovery;
        BackgroundCallers callers = new BackgroundCallers(CALLERS);
        try (callers) {
            StoreReadiness.up("redis");
            redis.stop();
            StoreReadiness.downWithin(BOUND, "redis", "Redis is unavailable to the two-factor store");
            slowest = max(
                    unavailable(() -> requestConfirmation(Map.of("recipient", duringOutage))),
                    unavailable(() -> confirm(pendingId, pendingCode)),
                    unavailable(() -> check(pendingId)));

            redis.start();
            recovery = awaitRecovery();
            StoreReadiness.upWithin(BOUND, "redis");

            String usedId = requestAndConfirm();
            protectedAction(usedId).statusCode(200);
            check(usedId).statusCode(200).body("status", equalTo("used"));

            notFound(check(pendingId));
            notFound(confirm(pendingId, pendingCode));
            notFound(check(confirmedId));
            protectedAction(confirmedId).statusCode(403);
            given().get("/demo/inbox/{recipient}", duringOutage).then().statusCode(404);
        }
        assertEquals(List.of(), callers.unexpected());
        assertTrue(callers.unavailable() > 0, "the callers were in use while Redis was down");
        assertTrue(callers.slowest().compareTo(BOUND) < 0, "a caller waited " + callers.slowest());
        LOG.infof("While Redis was down the slowest 503 took %d ms; after the restart the store answered in %d ms; "
                + "%d background calls, %d of them 503, the slowest %d ms", slowest.toMillis(), recovery.toMillis(),
                callers.answered(), callers.unavailable(), callers.slowest().toMillis());
    }

    /** Requests a code for a fresh recipient and confirms it with the delivered code; returns the id. */
    private static String requestAndConfirm() {
        String recipient = freshRecipient();
        String id = requestFor(recipient);
        confirm(id, deliveredCode(recipient)).statusCode(200).body("status", equalTo("confirmed"));
        return id;
    }

    /** Asserts a 503 store-unavailable problem without internals, answered within the bound; returns the time taken. */
    private static Duration unavailable(Supplier<ValidatableResponse> call) {
        long started = System.nanoTime();
        ValidatableResponse response = call.get();
        Duration took = Duration.ofNanos(System.nanoTime() - started);
        response.statusCode(503).contentType(PROBLEM)
                .body("type", endsWith("store-unavailable"))
                .body("title", equalTo("Confirmations are unavailable"))
                .body(not(containsString("Exception")), not(containsString("\tat ")), not(containsString("127.0.0.1")));
        assertTrue(took.compareTo(BOUND) < 0, "took " + took);
        return took;
    }

    private static void notFound(ValidatableResponse response) {
        response.statusCode(404).contentType(PROBLEM).body("type", endsWith("not-found"));
    }

    /**
     * Polls until an unknown id answers 404, that is until the store reads from the new server; until then only 503 is
     * acceptable. Returns how long it took.
     */
    private static Duration awaitRecovery() {
        long started = System.nanoTime();
        long deadline = started + BOUND.toNanos();
        do {
            int status = check(UUID.randomUUID().toString()).extract().statusCode();
            if (status == 404) {
                return Duration.ofNanos(System.nanoTime() - started);
            }
            if (status != 503) {
                fail("after the restart an unknown id answered " + status);
            }
            sleep(Duration.ofMillis(100));
        } while (System.nanoTime() < deadline);
        return fail("the store still answered 503 " + BOUND + " after Redis was back");
    }

    private static Duration max(Duration... durations) {
        return Arrays.stream(durations).max(Duration::compareTo).orElseThrow();
    }

    private static void sleep(Duration duration) {
        try {
            Thread.sleep(duration.toMillis());
        } catch (InterruptedException e) {
            Thread.currentThread().interrupt();
            throw new IllegalStateException(e);
        }
    }
}
