package io.quarkiverse.twofactor.it;

import static io.quarkiverse.twofactor.it.Api.freshRecipient;
import static io.quarkiverse.twofactor.it.badinput.JsonValues.quote;
import static io.restassured.RestAssured.given;
import static org.hamcrest.Matchers.equalTo;
import static org.junit.jupiter.api.Assertions.assertEquals;
import static org.junit.jupiter.api.Assertions.fail;

import java.net.URL;
import java.nio.charset.StandardCharsets;
import java.util.ArrayList;
import java.util.Iterator;
import java.util.List;
import java.util.Locale;
import java.util.Map;
import java.util.concurrent.ConcurrentSkipListMap;
import java.util.concurrent.ExecutorService;
import java.util.concurrent.Executors;
import java.util.concurrent.Semaphore;
import java.util.concurrent.TimeUnit;
import java.util.concurrent.atomic.AtomicInteger;
import java.util.concurrent.atomic.AtomicLong;
import java.util.function.Consumer;

import javax.sql.DataSource;

import jakarta.inject.Inject;

import org.eclipse.microprofile.config.inject.ConfigProperty;
import org.junit.jupiter.api.AfterAll;
import org.junit.jupiter.api.Test;

import io.quarkiverse.twofactor.it.badinput.Answers;
import io.quarkiverse.twofactor.it.badinput.Answers.Refusal;
import io.quarkiverse.twofactor.it.badinput.BadBodies;
import io.quarkiverse.twofactor.it.badinput.BadRequest;
import io.quarkiverse.twofactor.it.badinput.BadRoutes;
import io.quarkiverse.twofactor.it.badinput.BadText;
import io.quarkiverse.twofactor.it.badinput.RawHttp;
import io.quarkiverse.twofactor.it.badinput.StoreRows;
import io.quarkus.test.common.http.TestHTTPResource;
import io.quarkus.test.junit.QuarkusTest;
import io.restassured.RestAssured;
import io.restassured.config.EncoderConfig;
import io.restassured.response.Response;
import io.restassured.specification.RequestSpecification;
import net.jqwik.api.Arbitrary;
import net.jqwik.api.Combinators;
import net.jqwik.api.sessions.JqwikSession;

/**
 * Property-based bad input over real HTTP: more than 10,000 requests drawn from jqwik arbitraries, each refused with a
 * 4xx that leaks nothing, and none of them touching the store. jqwik's engine does not run inside a Quarkus test, so
 * the arbitraries are sampled in a {@link JqwikSession} started with a fixed seed: every run sends the same requests.
 * Another seed: {@code -Dbad-input.seed=<long>}.
 */
@QuarkusTest
class BadInputTest {

    private static final long SEED = Long.getLong("bad-input.seed", 20_260_521L);
    /** Failures reported per batch, with their requests; the rest are only counted. */
    private static final int FAILURES_SHOWN = 10;
    /** Client threads sending a batch: enough to keep both cores of a small CI machine busy. */
    private static final int CLIENTS = 4;

    private static final AtomicLong BAD_REQUESTS = new AtomicLong();
    private static final AtomicLong OTHER_REQUESTS = new AtomicLong();
    private static final AtomicLong PROBLEMS = new AtomicLong();
    private static final AtomicLong BEFORE_THE_ENDPOINT = new AtomicLong();
    private static final AtomicLong ATTEMPTS_COUNTED = new AtomicLong();
    private static final AtomicLong LOOK_ALIKES_ACCEPTED = new AtomicLong();
    private static final long STARTED = System.nanoTime();

    @Inject
    DataSource dataSource;

    @TestHTTPResource("/")
    URL base;

    @ConfigProperty(name = "quarkus.two-factor.max-attempts")
    int maxAttempts;

    @AfterAll
    static void summary() {
        System.out.printf("Bad input: %d requests (seed %d, %d s), %d answered 4xx problem+json by the endpoints and %d"
                + " 4xx by Quarkus before them, rows unchanged; %d wrong codes counted as attempts; %d look-alike"
                + " recipients accepted as recipients of their own; %d requests to set up and check%n",
                BAD_REQUESTS.get(), SEED, (System.nanoTime() - STARTED) / 1_000_000_000L, PROBLEMS.get(),
                BEFORE_THE_ENDPOINT.get(), ATTEMPTS_COUNTED.get(), LOOK_ALIKES_ACCEPTED.get(), OTHER_REQUESTS.get());
    }

    @Test
    void requestConfirmationRefusesEveryMalformedBodyAndStoresNothing() {
        refusedWithoutChange("request-confirmation bodies", 3_000, BadBodies.requestConfirmation());
    }

    @Test
    void confirmRefusesMalformedIdsCodesAndBodiesWithoutCountingAnAttempt() {
        List<String> pending = List.of(issue().id(), issue().id(), issue().id());
        refusedWithoutChange("confirm bodies", 2_500, BadBodies.confirm(pending));
    }

    @Test
    void resendRefusesMalformedIdsAndBodiesWithoutSendingAnything() {
        List<String> pending = List.of(issue().id(), issue().id());
        refusedWithoutChange("resend bodies", 1_500, BadBodies.resend(pending));
    }

    @Test
    void checkRefusesPathIdsThatAreNotUuids() {
        refusedWithoutChange("check path ids", 1_500, BadRoutes.checkWithMalformedIds());
    }

    @Test
    void idsNobodyIssuedAreNotFoundOnEveryEndpointWhateverTheCode() {
        refusedWithoutChange("unknown ids", 600, BadRoutes.unknownIds());
    }

    @Test
    void bodiesThatWouldPassAreRefusedWithoutAJsonContentType() {
        Issued pending = issue();
        // Sent as JSON, these would make a confirmation, confirm one, and ask for its code again.
        List<BadRequest> acceptable = List.of(
                BadRequest.post("would request a code", BadBodies.REQUEST_CONFIRMATION,
                        BadBodies.validRequestConfirmation(freshRecipient()), 415),
                BadRequest.post("would confirm", BadBodies.CONFIRM,
                        utf8("{\"id\":" + quote(pending.id()) + ",\"code\":" + quote(pending.code()) + "}"), 415),
                BadRequest.post("would resend", BadBodies.RESEND, utf8("{\"id\":" + quote(pending.id()) + "}"), 415));
        refusedWithoutChange("content types", 600, BadRoutes.withoutJsonContentType(acceptable));
        Api.check(pending.id()).statusCode(200).body("status", equalTo("pending"));
        OTHER_REQUESTS.incrementAndGet();
    }

    @Test
    void wrongMethodsAndUnknownPathsAreRefusedByQuarkusWithoutAStackTrace() {
        refusedWithoutChange("wrong methods", 200, BadRoutes.wrongMethods());
        refusedWithoutChange("unknown paths", 200, BadRoutes.unknownPaths());
    }

    @Test
    void requestsNoClientWouldSendAreRefusedWithoutAStackTrace() {
        StoreRows before = StoreRows.read(dataSource);
        byte[] acceptable = BadBodies.validRequestConfirmation(freshRecipient());
        assertRawRefusal(400, "GET /two-factor/confirmations/%zz HTTP/1.1", new byte[0]);
        assertRawRefusal(400, "GET /two-factor/confirmations/a b HTTP/1.1", new byte[0]);
        assertRawRefusal(400, "GET /two-factor/confirmations/%C0%AF HTTP/1.1", new byte[0]);
        assertRawRefusal(400, "GET /two-factor/confirmations/%ED%A0%80 HTTP/1.1", new byte[0]);
        assertRawRefusal(414, "GET /two-factor/confirmations/" + "a".repeat(5_000) + " HTTP/1.1", new byte[0]);
        assertRawRefusal(415, "POST /two-factor/request-confirmation HTTP/1.1\r\nContent-Length: " + acceptable.length,
                acceptable);
        assertRawRefusal(413, "POST /two-factor/request-confirmation HTTP/1.1\r\nContent-Type: application/json"
                + "\r\nContent-Length: " + 12 * 1024 * 1024, new byte[0]);
        assertRawRefusal(431, "POST /two-factor/confirm HTTP/1.1\r\nContent-Type: application/json; x="
                + "x".repeat(40_000) + "\r\nContent-Length: 2", utf8("{}"));
        assertEquals(before, StoreRows.read(dataSource), "raw requests: the store changed");
    }

    @Test
    void wrongCodesOfAnyLengthAndAlphabetCountAttemptsUntilTheConfirmationLocks() {
        int confirmations = 25;
        StoreRows before = StoreRows.read(dataSource);
        List<Issued> issued = new ArrayList<>();
        for (int i = 0; i < confirmations; i++) {
            issued.add(issue());
        }
        // The codes come from a secure random generator, so the wrong codes near them differ from run to run.
        List<List<String>> wrongCodes = draw("wrong codes", 1, Combinators.combine(issued.stream()
                .map(confirmation -> BadText.wrongCodes(confirmation.code(), 64).list().ofSize(maxAttempts + 1))
                .toList()).as(lists -> lists)).get(0);
        List<String> failures = new ArrayList<>();
        for (int i = 0; i < confirmations; i++) {
            String id = issued.get(i).id();
            for (int attempt = 1; attempt <= maxAttempts + 1; attempt++) {
                BadRequest request = BadRequest.post("wrong code, attempt " + attempt, BadBodies.CONFIRM,
                        utf8("{\"id\":" + quote(id) + ",\"code\":" + quote(wrongCodes.get(i).get(attempt - 1)) + "}"),
                        attempt < maxAttempts ? 400 : 429);
                Response response = send(request);
                BAD_REQUESTS.incrementAndGet();
                try {
                    Answers.judge(request, response);
                    if (attempt < maxAttempts) {
                        assertEquals("urn:quarkus-two-factor:problem:wrong-code", response.path("type"), request.describe());
                        assertEquals(maxAttempts - attempt, (int) response.path("remainingAttempts"), request.describe());
                    } else {
                        assertEquals("urn:quarkus-two-factor:problem:attempts-exhausted", response.path("type"),
                                request.describe());
                    }
                    PROBLEMS.incrementAndGet();
                    ATTEMPTS_COUNTED.addAndGet(attempt <= maxAttempts ? 1 : 0);
                } catch (AssertionError e) {
                    failures.add(e.getMessage());
                }
            }
            Api.check(id).statusCode(200).body("status", equalTo("failed"));
            OTHER_REQUESTS.incrementAndGet();
        }
        reportFailures("wrong codes", confirmations * (maxAttempts + 1), failures);
        StoreRows after = StoreRows.read(dataSource);
        assertEquals(before.confirmations() + confirmations, after.confirmations(), "one row per confirmation");
        assertEquals(before.attempts() + (long) confirmations * maxAttempts, after.attempts(),
                "every wrong code up to the limit counts, none after it");
        assertEquals(before.byStatus().getOrDefault("FAILED", 0L) + confirmations, after.byStatus().get("FAILED"));
        assertEquals(before.byStatus().getOrDefault("PENDING", 0L), after.byStatus().getOrDefault("PENDING", 0L));
        assertEquals(before.sends() + confirmations, after.sends(), "one send per confirmation, none per wrong code");
    }

    @Test
    void lookAlikeRecipientsAreDistinctRecipientsOfTheirOwn() {
        int recipients = 30;
        List<String> plain = draw("look-alike recipients", recipients, BadText.recipients());
        List<String> originals = new ArrayList<>();
        for (int i = 0; i < recipients; i++) {
            originals.add("u" + i + "." + plain.get(i));
        }
        List<String> lookAlikes = draw("look-alikes", 1,
                Combinators.combine(originals.stream().map(BadText::visibleLookAlike).toList()).as(list -> list)).get(0);
        StoreRows before = StoreRows.read(dataSource);
        for (int i = 0; i < recipients; i++) {
            String lookAlike = lookAlikes.get(i);
            // The demo inbox and the log backend take any non-blank text without control characters as an address:
            // a look-alike is another address, delivered to as written, never folded into the one it imitates.
            String code = requestConfirmation(lookAlike, i % 2 == 0 ? "default" : "log").then()
                    .statusCode(201).body("status", equalTo("pending")).extract().path("code");
            if (i % 2 == 0) {
                assertEquals(code, Api.deliveredCode(lookAlike), "delivered to the look-alike as written");
                given().get("/demo/inbox/{recipient}", originals.get(i)).then().statusCode(404);
                OTHER_REQUESTS.addAndGet(2);
            }
            OTHER_REQUESTS.incrementAndGet();
            LOOK_ALIKES_ACCEPTED.incrementAndGet();
        }
        StoreRows after = StoreRows.read(dataSource);
        assertEquals(before.confirmations() + recipients, after.confirmations());
        assertEquals(before.sendLogs() + recipients, after.sendLogs(), "each look-alike has a send log of its own");
        assertEquals(before.sends() + recipients, after.sends());
    }

    /**
     * Sends the sampled requests from a few client threads, judges each answer, and checks that the store is as it
     * was before. The requests are drawn in order on the test thread, so a seed always sends the same ones.
     */
    private void refusedWithoutChange(String batch, int count, Arbitrary<BadRequest> requests) {
        StoreRows before = StoreRows.read(dataSource);
        Map<Integer, String> failures = new ConcurrentSkipListMap<>();
        ExecutorService clients = Executors.newFixedThreadPool(CLIENTS);
        Semaphore inFlight = new Semaphore(4 * CLIENTS);
        AtomicInteger drawn = new AtomicInteger();
        try {
            sample(batch, count, requests, request -> {
                int number = drawn.incrementAndGet();
                inFlight.acquireUninterruptibly();
                clients.execute(() -> {
                    try {
                        refused(number, request, failures);
                    } finally {
                        inFlight.release();
                    }
                });
            });
        } finally {
            clients.shutdown();
            awaitTermination(clients);
        }
        reportFailures(batch, count, new ArrayList<>(failures.values()));
        assertEquals(before, StoreRows.read(dataSource), batch + ": refused requests changed the store");
    }

    private static void refused(int number, BadRequest request, Map<Integer, String> failures) {
        BAD_REQUESTS.incrementAndGet();
        try {
            Refusal refusal = Answers.judge(request, send(request));
            (refusal == Refusal.PROBLEM ? PROBLEMS : BEFORE_THE_ENDPOINT).incrementAndGet();
        } catch (AssertionError e) {
            failures.put(number, "#" + number + " " + e.getMessage());
        } catch (RuntimeException e) {
            failures.put(number, "#" + number + " could not be sent: " + e + "\n    for " + request.describe());
        }
    }

    private static void awaitTermination(ExecutorService clients) {
        try {
            if (!clients.awaitTermination(5, TimeUnit.MINUTES)) {
                fail("The requests did not finish in 5 minutes");
            }
        } catch (InterruptedException e) {
            Thread.currentThread().interrupt();
            fail("Interrupted while the requests were being sent");
        }
    }

    /** Draws {@code count} values, reproducibly for the run's seed and the batch's name. */
    private static <T> List<T> draw(String batch, int count, Arbitrary<T> values) {
        List<T> drawn = new ArrayList<>();
        sample(batch, count, values, drawn::add);
        return drawn;
    }

    /** Draws {@code count} values, reproducibly for the run's seed and the batch's name, and hands each on. */
    private static <T> void sample(String batch, int count, Arbitrary<T> values, Consumer<T> use) {
        JqwikSession.start(Long.toString(SEED ^ batch.hashCode()));
        try {
            Iterator<T> drawn = values.sampleStream().limit(count).iterator();
            while (drawn.hasNext()) {
                use.accept(drawn.next());
            }
        } finally {
            JqwikSession.finish();
        }
    }

    private static void reportFailures(String batch, int count, List<String> failures) {
        if (!failures.isEmpty()) {
            fail(failures.size() + " of " + count + " requests of '" + batch + "' were answered wrongly (seed " + SEED
                    + "); the first ones:\n" + String.join("\n", failures.subList(0, Math.min(FAILURES_SHOWN,
                            failures.size()))));
        }
    }

    private static Response send(BadRequest request) {
        // The path is encoded here: REST Assured would read braces in an id as a template of its own.
        RequestSpecification spec = given().urlEncodingEnabled(false).config(RestAssured.config().encoderConfig(
                EncoderConfig.encoderConfig().appendDefaultContentCharsetToContentTypeIfUndefined(false)));
        if (request.contentType() == null) {
            spec.noContentType();
        } else {
            spec.header("Content-Type", request.contentType());
        }
        if (request.body() != null && isForm(request.contentType())) {
            // REST Assured encodes form bodies itself and takes them only as text.
            spec.body(new String(request.body(), StandardCharsets.UTF_8));
        } else if (request.body() != null) {
            spec.body(request.body());
        }
        return spec.request(request.method(), request.encodedPath());
    }

    private static boolean isForm(String contentType) {
        return contentType != null && contentType.toLowerCase(Locale.ROOT).startsWith("application/x-www-form-urlencoded");
    }

    private void assertRawRefusal(int status, String head, byte[] body) {
        String answer = RawHttp.send(base, head, body);
        BAD_REQUESTS.incrementAndGet();
        String shortHead = head.length() > 120 ? head.substring(0, 120) + "..." : head;
        assertEquals(status, RawHttp.status(answer), shortHead + " answered " + answer);
        assertEquals(List.of(), Answers.leaks(answer), shortHead + " answered " + answer);
        boolean problem = answer.toLowerCase(Locale.ROOT).contains("content-type: application/problem+json");
        (problem ? PROBLEMS : BEFORE_THE_ENDPOINT).incrementAndGet();
    }

    /** A pending confirmation made through the API, with its code from the test-mode debug response. */
    private record Issued(String id, String code) {
    }

    private static Issued issue() {
        Response response = requestConfirmation(freshRecipient(), "default");
        OTHER_REQUESTS.incrementAndGet();
        assertEquals(201, response.statusCode(), response.asString());
        return new Issued(response.path("id"), response.path("code"));
    }

    private static Response requestConfirmation(String recipient, String sender) {
        return given().contentType(BadRequest.JSON)
                .body(utf8("{\"recipient\":" + quote(recipient) + ",\"sender\":" + quote(sender) + "}"))
                .post("/two-factor/request-confirmation");
    }

    private static byte[] utf8(String text) {
        return text.getBytes(StandardCharsets.UTF_8);
    }
}
