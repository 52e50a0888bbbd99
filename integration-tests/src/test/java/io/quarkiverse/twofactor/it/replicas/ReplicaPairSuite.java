package io.quarkiverse.twofactor.it.replicas;

import static io.quarkiverse.twofactor.it.AuthenticatorApp.stableStep;
import static org.junit.jupiter.api.Assertions.assertEquals;
import static org.junit.jupiter.api.Assertions.assertTrue;

import java.net.http.HttpResponse;
import java.time.Duration;
import java.time.Instant;
import java.time.LocalDateTime;
import java.util.Base64;
import java.util.HashMap;
import java.util.List;
import java.util.Map;
import java.util.UUID;
import java.util.regex.Matcher;
import java.util.regex.Pattern;

import org.junit.jupiter.api.AfterAll;
import org.junit.jupiter.api.Test;
import org.junit.jupiter.api.TestInstance;

import com.fasterxml.jackson.databind.JsonNode;
import com.fasterxml.jackson.databind.ObjectMapper;

import io.quarkiverse.twofactor.it.Concurrently;
import io.quarkiverse.twofactor.it.TestDatabase;
import io.quarkiverse.twofactor.runtime.totp.Base32;
import io.quarkiverse.twofactor.runtime.totp.TotpAlgorithm;
import io.quarkiverse.twofactor.runtime.totp.TotpCodes;

/**
 * Two packaged applications sharing one store, driven concurrently: the one-time use, the attempt count, the
 * per-recipient send limit, the guess budget and the step-up of a signed-in user's action hold across them; and time
 * is judged on the store's clock, so a replica whose own clock runs ahead stamps and judges codes and limits as the
 * other does. Subclasses choose the shared store.
 */
@TestInstance(TestInstance.Lifecycle.PER_CLASS)
abstract class ReplicaPairSuite {

    private static final Pattern ID = Pattern.compile("\"id\":\"([^\"]+)\"");
    private static final int CALLERS = 40;
    private static final int STEP_UP_CALLERS = 100;
    private static final int BUDGET = 10;
    /** The demo's user alice, with HTTP Basic. */
    private static final String ALICE = "Basic " + Base64.getEncoder().encodeToString("alice:alice".getBytes());
    /** The demo's user bob, with HTTP Basic. */
    private static final String BOB = "Basic " + Base64.getEncoder().encodeToString("bob:bob".getBytes());
    private static final TotpCodes APP = new TotpCodes(TotpAlgorithm.SHA1, 6, Duration.ofSeconds(30));
    private static final ObjectMapper JSON = new ObjectMapper();

    /** How far the clock of the skewed pair's second replica runs ahead of the store's. */
    private static final Duration SKEW = Duration.ofMinutes(15);
    /** The skewed pair's ttl: short enough to wait out, long enough for a code to be typed in by a test. */
    private static final Duration SKEW_TTL = Duration.ofSeconds(10);
    private static final int SKEW_SENDS_PER_WINDOW = 2;

    private Replica first;
    private Replica second;
    private Replica[] skewed;
    private Replica[] identity;

    /** Properties of both replicas that select and reach the shared store. */
    protected abstract Map<String, String> storeProperties();

    void startReplicas() throws Exception {
        Replica[] pair = startPair("open");
        first = pair[0];
        second = pair[1];
    }

    /** Two replicas whose REST endpoints run in the given mode. */
    private Replica[] startPair(String restMode) throws Exception {
        return startPair(restMode, Map.of("quarkus.two-factor.rest.mode", restMode), List.of());
    }

    /**
     * Two replicas with these settings besides the store's, named after {@code label} in their log files; the second
     * runs under {@code secondLauncher}, such as {@code faketime}, when it is not empty.
     */
    private Replica[] startPair(String label, Map<String, String> settings, List<String> secondLauncher)
            throws Exception {
        Map<String, String> common = new HashMap<>(storeProperties());
        common.put("quarkus.datasource.jdbc.url", TestDatabase.jdbcUrl());
        common.put("quarkus.datasource.username", "postgres");
        common.putAll(settings);
        String name = getClass().getSimpleName() + "-" + label;
        Replica one = Replica.start(name + "-a", common);
        // Only the first replica creates the schema; the second must not drop it under the first.
        common.put("quarkus.hibernate-orm.schema-management.strategy", "none");
        return new Replica[] { one, Replica.start(name + "-b", common, secondLauncher) };
    }

    /**
     * A pair whose second replica runs with its clock {@link #SKEW} ahead, under faketime, started on first use. Its
     * timings would trip a replica that judged time on its own clock: codes live {@link #SKEW_TTL}, and a send window
     * is shorter than the skew, so on the second replica's clock a window the first one filled would be over already.
     */
    private Replica[] skewedPair() throws Exception {
        if (skewed == null) {
            LocalDateTime started = LocalDateTime.now();
            skewed = startPair("skewed", Map.of("quarkus.two-factor.rest.mode", "open",
                    "quarkus.two-factor.ttl", SKEW_TTL.toString(),
                    "quarkus.two-factor.limits.sends-per-window", Integer.toString(SKEW_SENDS_PER_WINDOW),
                    "quarkus.two-factor.limits.window", SKEW.minusMinutes(5).toString(),
                    // One call at a time: the pair stays up beside the others, within the database's connections.
                    "quarkus.datasource.jdbc.max-size", "2"),
                    List.of("faketime", "-f", "+" + SKEW.toMinutes() + "m"));
            // The skew is real: each replica logged its start on its own clock.
            Duration first = Duration.between(started, skewed[0].firstLogTime());
            Duration second = Duration.between(started, skewed[1].firstLogTime());
            assertTrue(first.compareTo(Duration.ofMinutes(5)) < 0, "the first replica's clock is " + first + " ahead");
            assertTrue(second.compareTo(SKEW.minusMinutes(1)) > 0, "the second replica's clock is only " + second
                    + " ahead");
        }
        return skewed;
    }

    @AfterAll
    void stopReplicas() throws Exception {
        Replica[] skewedPair = skewed != null ? skewed : new Replica[2];
        Replica[] identityPair = identity != null ? identity : new Replica[2];
        for (Replica replica : new Replica[] { first, second, skewedPair[0], skewedPair[1], identityPair[0],
                identityPair[1] }) {
            if (replica != null) {
                replica.close();
            }
        }
    }

    @Test
    void aConfirmationIsUsedExactlyOnceAcrossReplicas() throws Exception {
        ensureStarted();
        String recipient = recipient();
        String id = request(first, recipient);
        String code = first.get("/demo/inbox/" + recipient).body();
        assertEquals(200, second.post("/two-factor/confirm", "{\"id\":\"" + id + "\",\"code\":\"" + code + "\"}")
                .statusCode());

        List<Integer> statuses = fromBoth(replica -> replica.post("/demo/protected-action/" + id, null).statusCode());

        assertEquals(1, statuses.stream().filter(status -> status == 200).count(), statuses.toString());
    }

    @Test
    void wrongCodesAcrossReplicasNeverPassMaxAttempts() throws Exception {
        ensureStarted();
        String recipient = recipient();
        String id = request(first, recipient);
        String code = first.get("/demo/inbox/" + recipient).body();
        String wrong = wrongCode(code);

        List<Integer> statuses = fromBoth(replica -> replica
                .post("/two-factor/confirm", "{\"id\":\"" + id + "\",\"code\":\"" + wrong + "\"}").statusCode());

        assertEquals(4, statuses.stream().filter(status -> status == 400).count(), statuses.toString());
        assertEquals(CALLERS - 4, statuses.stream().filter(status -> status == 429).count(), statuses.toString());
        assertEquals(429, second.post("/two-factor/confirm", "{\"id\":\"" + id + "\",\"code\":\"" + code + "\"}")
                .statusCode());
    }

    @Test
    void theSendLimitIsNotDoubledByTwoReplicas() throws Exception {
        ensureStarted();
        String recipient = recipient();

        List<Integer> statuses = fromBoth(replica -> replica.post("/two-factor/request-confirmation",
                "{\"recipient\":\"" + recipient + "\"}").statusCode());

        assertEquals(5, statuses.stream().filter(status -> status == 201).count(), statuses.toString());
        assertEquals(CALLERS - 5, statuses.stream().filter(status -> status == 429).count(), statuses.toString());
    }

    @Test
    void aStepUpConfirmationRunsTheSecuredActionOnceAcrossReplicas() throws Exception {
        Replica[] pair = identityPair();
        String recipient = recipient();
        JsonNode added = JSON.readTree(post(pair[0], 201, "/two-factor/destinations",
                "{\"recipient\":\"" + recipient + "\"}"));
        String verification = added.path("confirmation").path("id").asText();
        post(pair[1], 200, "/two-factor/confirm", "{\"id\":\"" + verification + "\",\"code\":\""
                + pair[0].get("/demo/inbox/" + recipient).body() + "\"}");
        String id = JSON.readTree(post(pair[1], 201, "/two-factor/request-confirmation",
                "{\"purpose\":\"secured-action\"}")).path("id").asText();
        post(pair[0], 200, "/two-factor/confirm", "{\"id\":\"" + id + "\",\"code\":\""
                + pair[1].get("/demo/inbox/" + recipient).body() + "\"}");

        List<Integer> statuses = Concurrently.run(STEP_UP_CALLERS, caller -> pair[caller % 2]
                .post("/demo/secured-action", null, "Authorization", ALICE, "Two-Factor-Confirmation", id)
                .statusCode());

        assertEquals(1, statuses.stream().filter(status -> status == 200).count(), statuses.toString());
        assertEquals(STEP_UP_CALLERS - 1, statuses.stream().filter(status -> status == 403).count(),
                statuses.toString());
    }

    /**
     * An attacker who asks both replicas in turn for new confirmations of one recipient, and guesses on both in turn,
     * for three send windows: {@value #BUDGET} wrong codes are answered in all, then both refuse until the lockout,
     * longer than the attack, has passed since the last.
     */
    @Test
    void theGuessBudgetIsSharedByTwoReplicas() throws Exception {
        Duration window = Duration.ofSeconds(2);
        Duration lockout = Duration.ofSeconds(8);
        Replica[] pair = startPair("budget", Map.of("quarkus.two-factor.rest.mode", "open",
                "quarkus.two-factor.ttl", "5S",
                "quarkus.two-factor.limits.window", window.toSeconds() + "S",
                "quarkus.two-factor.limits.max-consecutive-failures", Integer.toString(BUDGET),
                "quarkus.two-factor.limits.failure-lockout", lockout.toSeconds() + "S"), List.of());
        try {
            String recipient = recipient();
            String body = "{\"recipient\":\"" + recipient + "\"}";
            int turn = 0;
            int wrongAnswers = 0;
            int refusals = 0;
            Duration lastRetryAfter = Duration.ZERO;
            Instant end = Instant.now().plus(window.multipliedBy(3));
            while (Instant.now().isBefore(end)) {
                Replica asker = pair[turn++ % 2];
                HttpResponse<String> requested = asker.post("/two-factor/request-confirmation", body);
                String type = problemType(requested);
                if (requested.statusCode() == 201) {
                    String id = JSON.readTree(requested.body()).path("id").asText();
                    String wrong = wrongCode(asker.get("/demo/inbox/" + recipient).body());
                    while (true) {
                        HttpResponse<String> guessed = pair[turn++ % 2].post("/two-factor/confirm",
                                "{\"id\":\"" + id + "\",\"code\":\"" + wrong + "\"}");
                        String answer = problemType(guessed);
                        if (answer.endsWith(":wrong-code") || answer.endsWith(":attempts-exhausted")) {
                            wrongAnswers++;
                        }
                        if (!answer.endsWith(":wrong-code")) {
                            break;
                        }
                    }
                } else if (type.endsWith(":too-many-sends")) {
                    Thread.sleep(retryAfter(requested).toMillis());
                } else {
                    assertEquals(429, requested.statusCode(), requested.body());
                    assertTrue(type.endsWith(":too-many-failures"), requested.body());
                    lastRetryAfter = retryAfter(requested);
                    assertTrue(lastRetryAfter.toSeconds() >= 1 && lastRetryAfter.compareTo(lockout) <= 0,
                            lastRetryAfter.toString());
                    refusals++;
                    Thread.sleep(100);
                }
            }

            assertEquals(BUDGET, wrongAnswers, "wrong codes answered by the two replicas together");
            assertTrue(refusals > 0, "no request was refused");
            Thread.sleep(lastRetryAfter.toMillis());
            HttpResponse<String> after = pair[1].post("/two-factor/request-confirmation", body);
            assertEquals(201, after.statusCode(), after.body());
            String id = JSON.readTree(after.body()).path("id").asText();
            HttpResponse<String> confirmed = pair[0].post("/two-factor/confirm", "{\"id\":\"" + id
                    + "\",\"code\":\"" + pair[1].get("/demo/inbox/" + recipient).body() + "\"}");
            assertEquals(200, confirmed.statusCode(), confirmed.body());
        } finally {
            pair[0].close();
            pair[1].close();
        }
    }

    private static String problemType(HttpResponse<String> response) throws Exception {
        return response.statusCode() < 400 ? "" : JSON.readTree(response.body()).path("type").asText();
    }

    private static Duration retryAfter(HttpResponse<String> response) {
        return Duration.ofSeconds(Long.parseLong(response.headers().firstValue("Retry-After").orElseThrow()));
    }

    private static String wrongCode(String code) {
        return (code.charAt(0) == '0' ? "1" : "0") + code.substring(1);
    }

    @Test
    void aReplicaWhoseClockRunsAheadCannotResetTheSendLimitTheOtherFilled() throws Exception {
        Replica[] pair = skewedPair();
        String recipient = recipient();
        for (int i = 0; i < SKEW_SENDS_PER_WINDOW; i++) {
            request(pair[0], recipient);
        }

        HttpResponse<String> refused = pair[1].post("/two-factor/request-confirmation",
                "{\"recipient\":\"" + recipient + "\"}");

        assertEquals(429, refused.statusCode(), refused.body());
    }

    @Test
    void aCodeMadeOnAReplicaWhoseClockRunsAheadExpiresAtTheRealTime() throws Exception {
        Replica[] pair = skewedPair();
        String recipient = recipient();
        HttpResponse<String> made = pair[1].post("/two-factor/request-confirmation",
                "{\"recipient\":\"" + recipient + "\"}");
        assertEquals(201, made.statusCode(), made.body());
        JsonNode confirmation = JSON.readTree(made.body());
        Instant expiresAt = Instant.parse(confirmation.path("expiresAt").asText());
        assertTrue(expiresAt.isBefore(Instant.now().plus(SKEW_TTL).plusSeconds(60)), "expires at " + expiresAt);
        String code = pair[1].get("/demo/inbox/" + recipient).body();

        Thread.sleep(Math.max(0, Duration.between(Instant.now(), expiresAt).toMillis()) + 1000);

        HttpResponse<String> late = pair[0].post("/two-factor/confirm", "{\"id\":\""
                + confirmation.path("id").asText() + "\",\"code\":\"" + code + "\"}");
        assertEquals(410, late.statusCode(), late.body());
    }

    @Test
    void aCodeMadeOnTheOtherReplicaConfirmsOnTheReplicaWhoseClockRunsAheadWithinItsTtl() throws Exception {
        Replica[] pair = skewedPair();
        String recipient = recipient();
        String id = request(pair[0], recipient);
        String code = pair[0].get("/demo/inbox/" + recipient).body();

        HttpResponse<String> confirmed = pair[1].post("/two-factor/confirm",
                "{\"id\":\"" + id + "\",\"code\":\"" + code + "\"}");

        assertEquals(200, confirmed.statusCode(), confirmed.body());
    }

    /**
     * An authenticator app's code confirms once for its user, whichever replica it is given to: bob enrols on one
     * replica, verifies on the other, and a code accepted by one replica is refused by the other.
     */
    @Test
    void anAuthenticatorCodeAcceptedByOneReplicaIsRefusedByTheOther() throws Exception {
        Replica[] pair = identityPair();
        JsonNode enrolled = JSON.readTree(post(pair[0], 201, BOB, "/two-factor/authenticators", "{}"));
        byte[] secret = Base32.decode(enrolled.path("secret").asText());
        long step = stableStep();
        post(pair[1], 200, BOB, "/two-factor/authenticators/" + enrolled.path("id").asText() + "/verify",
                "{\"code\":\"" + APP.codeAt(secret, step) + "\"}");

        String code = APP.codeAt(secret, step + 1);
        String first = JSON.readTree(post(pair[0], 201, BOB, "/two-factor/request-confirmation",
                "{\"purpose\":\"pay\",\"method\":\"totp\"}")).path("id").asText();
        String second = JSON.readTree(post(pair[1], 201, BOB, "/two-factor/request-confirmation",
                "{\"purpose\":\"pay\",\"method\":\"totp\"}")).path("id").asText();
        post(pair[1], 200, BOB, "/two-factor/confirm", "{\"id\":\"" + first + "\",\"code\":\"" + code + "\"}");
        String replayed = post(pair[0], 400, BOB, "/two-factor/confirm",
                "{\"id\":\"" + second + "\",\"code\":\"" + code + "\"}");
        assertTrue(replayed.contains("wrong-code"), replayed);
    }

    /** The pair in identity mode, started on first use, for the tests of signed-in users. */
    private Replica[] identityPair() throws Exception {
        if (identity == null) {
            identity = startPair("identity");
        }
        return identity;
    }

    /** A POST as alice that must answer {@code status}; returns the body. */
    private static String post(Replica replica, int status, String path, String json) throws Exception {
        return post(replica, status, ALICE, path, json);
    }

    /** A POST as a user that must answer {@code status}; returns the body. */
    private static String post(Replica replica, int status, String user, String path, String json) throws Exception {
        HttpResponse<String> response = replica.post(path, json, "Authorization", user);
        assertEquals(status, response.statusCode(), response.body());
        return response.body();
    }

    private void ensureStarted() throws Exception {
        if (first == null) {
            startReplicas();
        }
    }

    private static String request(Replica replica, String recipient) throws Exception {
        HttpResponse<String> response = replica.post("/two-factor/request-confirmation",
                "{\"recipient\":\"" + recipient + "\"}");
        assertEquals(201, response.statusCode(), response.body());
        Matcher id = ID.matcher(response.body());
        id.find();
        return id.group(1);
    }

    private static String recipient() {
        return "replica-" + UUID.randomUUID() + "@example.com";
    }

    interface Call<T> {
        T on(Replica replica) throws Exception;
    }

    /** Half the callers on each replica, released together. */
    private <T> List<T> fromBoth(Call<T> call) throws Exception {
        return Concurrently.run(CALLERS, caller -> call.on(caller % 2 == 0 ? first : second));
    }
}
