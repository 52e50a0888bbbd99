package io.quarkiverse.twofactor.it.delivery;

import static io.restassured.RestAssured.given;
import static org.junit.jupiter.api.Assertions.assertEquals;
import static org.junit.jupiter.api.Assertions.assertTrue;

import java.net.URI;
import java.net.URL;
import java.net.http.HttpClient;
import java.net.http.HttpRequest;
import java.net.http.HttpResponse;
import java.sql.Connection;
import java.sql.PreparedStatement;
import java.sql.ResultSet;
import java.sql.SQLException;
import java.time.Duration;
import java.util.ArrayList;
import java.util.Arrays;
import java.util.Collections;
import java.util.List;
import java.util.Map;
import java.util.concurrent.CountDownLatch;
import java.util.concurrent.ExecutorService;
import java.util.concurrent.Executors;
import java.util.concurrent.Future;
import java.util.concurrent.ThreadLocalRandom;
import java.util.concurrent.atomic.AtomicBoolean;
import java.util.concurrent.atomic.AtomicInteger;
import java.util.regex.Matcher;
import java.util.regex.Pattern;

import jakarta.inject.Inject;

import org.junit.jupiter.api.Test;

import io.agroal.api.AgroalDataSource;
import io.quarkus.test.common.http.TestHTTPResource;
import io.quarkus.test.junit.QuarkusTest;
import io.quarkus.test.junit.TestProfile;

/**
 * A Twilio that accepts connections and never answers, and a burst of {@value #CALLERS} concurrent requests for codes
 * through it: the sender's places bound the worker threads it holds, the rest are refused at once with nothing made,
 * and an unrelated endpoint of the demo keeps answering quickly throughout.
 */
@QuarkusTest
@TestProfile(DeliveryProfile.class)
class HungProviderTest {

    private static final int CALLERS = 250;
    private static final Duration P99_BOUND = Duration.ofMillis(100);
    /** Enough probes that the p99 speaks for the whole hang, not only for the burst's first moments. */
    private static final int PROBES = 300;
    private static final Pattern ID = Pattern.compile("\"id\":\"([0-9a-f-]{36})\"");

    @TestHTTPResource("/two-factor/request-confirmation")
    URL requestConfirmation;

    /** Served by a worker thread like the extension's endpoints: it needs a free one to answer. */
    @TestHTTPResource("/demo/inbox/nobody")
    URL unrelated;

    @Inject
    AgroalDataSource database;

    private final HttpClient http = HttpClient.newBuilder().version(HttpClient.Version.HTTP_1_1)
            .connectTimeout(Duration.ofSeconds(10)).build();

    @Test
    void syncSenderHoldsAtMostItsPlacesAndRefusesTheRestWithNothingMade() throws Exception {
        burst("hung"); // warms up the JIT on both sides, so that the probes below measure waiting, not compiling
        assertNoThreadLeftInTheSender();
        int madeBefore = confirmationsOf("hung");
        Prober prober = Prober.start(unrelated.toURI());
        List<HttpResponse<String>> answers = burst("hung");
        prober.stopAfter(PROBES);

        int busy = count(answers, 503, "sender-busy");
        int failed = count(answers, 503, "sender-failed");
        assertEquals(CALLERS, busy + failed, () -> "every answer is sender-busy or sender-failed: " + statuses(answers));
        assertTrue(failed >= 1 && busy >= CALLERS - 2 * DeliveryStandIns.MAX_CONCURRENT,
                () -> failed + " failed, " + busy + " refused");
        answers.stream().filter(answer -> answer.body().contains("sender-busy"))
                .forEach(answer -> assertTrue(answer.headers().firstValue("Retry-After").isPresent()));
        assertEquals(failed, confirmationsOf("hung") - madeBefore, "a refused request made no confirmation");
        assertTrue(prober.mostWorkersInSender() <= DeliveryStandIns.MAX_CONCURRENT,
                () -> prober.mostWorkersInSender() + " worker threads were delivering at once");
        assertNoThreadLeftInTheSender();
        prober.assertP99Below(P99_BOUND);
    }

    @Test
    void asyncSenderAnswersAtOnceAndFailsTheQueuedDeliveriesAfterTheDeadline() throws Exception {
        burst("hung-async"); // warms up the JIT, as above
        assertNoThreadLeftInTheSender();
        int madeBefore = confirmationsOf("hung-async");
        Prober prober = Prober.start(unrelated.toURI());
        List<HttpResponse<String>> answers = burst("hung-async");

        int accepted = count(answers, 202, null);
        int busy = count(answers, 503, "sender-busy");
        assertEquals(CALLERS, accepted + busy, () -> "every answer is 202 or sender-busy: " + statuses(answers));
        int places = DeliveryStandIns.MAX_CONCURRENT + DeliveryStandIns.MAX_QUEUED_ASYNC;
        assertTrue(accepted >= places && busy >= 1, () -> accepted + " accepted, " + busy + " refused");
        assertEquals(accepted, confirmationsOf("hung-async") - madeBefore, "a refused request made no confirmation");
        List<String> ids = new ArrayList<>();
        for (HttpResponse<String> answer : answers) {
            if (answer.statusCode() == 202) {
                assertTrue(answer.body().contains("\"delivery\":\"queued\""), answer.body());
                Matcher id = ID.matcher(answer.body());
                assertTrue(id.find(), answer.body());
                ids.add(id.group(1));
            }
        }

        long giveUp = System.nanoTime() + Duration.ofSeconds(30).toNanos();
        for (String id : ids) {
            while (!given().get("/two-factor/confirmations/" + id).then().statusCode(200).extract().path("delivery")
                    .equals("failed")) {
                assertTrue(System.nanoTime() < giveUp, "delivery of " + id + " still not failed");
                Thread.sleep(50);
            }
            given().get("/two-factor/confirmations/" + id).then().statusCode(200)
                    .body("status", org.hamcrest.Matchers.equalTo("failed"));
        }
        prober.stopAfter(PROBES);
        assertEquals(0, prober.mostWorkersInSender(), "no worker thread ever delivered");
        assertNoThreadLeftInTheSender();
        prober.assertP99Below(P99_BOUND);
    }

    /** {@value #CALLERS} requests at once, each to a recipient of its own, from as many threads. */
    private List<HttpResponse<String>> burst(String sender) throws Exception {
        ExecutorService callers = Executors.newFixedThreadPool(CALLERS);
        try {
            CountDownLatch go = new CountDownLatch(1);
            List<Future<HttpResponse<String>>> calls = new ArrayList<>();
            for (int i = 0; i < CALLERS; i++) {
                String body = "{\"sender\":\"" + sender + "\",\"recipient\":\"+1555"
                        + String.format("%07d", ThreadLocalRandom.current().nextInt(10_000_000)) + "\"}";
                HttpRequest request = HttpRequest.newBuilder(requestConfirmation.toURI())
                        .header("Content-Type", "application/json").timeout(Duration.ofSeconds(30))
                        .POST(HttpRequest.BodyPublishers.ofString(body)).build();
                calls.add(callers.submit(() -> {
                    go.await();
                    return http.send(request, HttpResponse.BodyHandlers.ofString());
                }));
            }
            go.countDown();
            List<HttpResponse<String>> answers = new ArrayList<>();
            for (Future<HttpResponse<String>> call : calls) {
                answers.add(call.get());
            }
            return answers;
        } finally {
            callers.shutdownNow();
        }
    }

    private static int count(List<HttpResponse<String>> answers, int status, String problemType) {
        return (int) answers.stream().filter(answer -> answer.statusCode() == status
                && (problemType == null || answer.body().contains(":" + problemType + "\""))).count();
    }

    private static String statuses(List<HttpResponse<String>> answers) {
        return answers.stream().map(answer -> answer.statusCode() + " " + answer.body()).distinct().limit(5).toList()
                .toString();
    }

    private int confirmationsOf(String sender) throws SQLException {
        try (Connection connection = database.getConnection();
                PreparedStatement count = connection
                        .prepareStatement("SELECT COUNT(*) FROM two_factor_confirmation WHERE sender = ?")) {
            count.setString(1, sender);
            try (ResultSet rows = count.executeQuery()) {
                rows.next();
                return rows.getInt(1);
            }
        }
    }

    /** Every delivery has ended: no thread of the application is still in a try or a retry's wait. */
    private static void assertNoThreadLeftInTheSender() throws InterruptedException {
        long giveUp = System.nanoTime() + Duration.ofSeconds(10).toNanos();
        List<String> inSender;
        do {
            Thread.sleep(50);
            inSender = Thread.getAllStackTraces().entrySet().stream()
                    .filter(thread -> isInSender(thread.getValue())).map(thread -> thread.getKey().getName()).toList();
        } while (!inSender.isEmpty() && System.nanoTime() < giveUp);
        assertEquals(List.of(), inSender, "threads still delivering");
    }

    private static boolean isInSender(StackTraceElement[] stack) {
        // Every try of a backend runs inside DeliveryRetry.run.
        return Arrays.stream(stack)
                .anyMatch(frame -> frame.getClassName().equals("io.quarkiverse.twofactor.runtime.DeliveryRetry"));
    }

    /**
     * Calls the unrelated endpoint every 10 ms and records how long each answer took, and how many worker threads were
     * delivering codes at the time.
     */
    private static final class Prober {

        private final List<Long> latencies = Collections.synchronizedList(new ArrayList<>());
        private final AtomicBoolean running = new AtomicBoolean(true);
        private final AtomicInteger mostWorkersInSender = new AtomicInteger();
        private final Thread thread;

        private Prober(URI endpoint) {
            // A client of its own: the burst's answers never queue in front of the probes'.
            HttpClient http = HttpClient.newBuilder().version(HttpClient.Version.HTTP_1_1).build();
            HttpRequest request = HttpRequest.newBuilder(endpoint).timeout(Duration.ofSeconds(10)).GET().build();
            thread = new Thread(() -> {
                while (running.get()) {
                    long start = System.nanoTime();
                    try {
                        HttpResponse<String> answer = http.send(request, HttpResponse.BodyHandlers.ofString());
                        if (answer.statusCode() != 404) {
                            throw new IllegalStateException("unexpected answer " + answer.statusCode());
                        }
                        latencies.add(System.nanoTime() - start);
                        mostWorkersInSender.accumulateAndGet(workersInSender(), Math::max);
                        Thread.sleep(10);
                    } catch (InterruptedException e) {
                        return;
                    } catch (Exception e) {
                        latencies.add(Long.MAX_VALUE);
                    }
                }
            }, "unrelated-endpoint-prober");
            thread.start();
        }

        static Prober start(URI endpoint) {
            return new Prober(endpoint);
        }

        /** Stops once at least {@code probes} answers were timed (or after half a minute, with fewer). */
        void stopAfter(int probes) throws InterruptedException {
            long giveUp = System.nanoTime() + Duration.ofSeconds(30).toNanos();
            while (latencies.size() < probes && System.nanoTime() < giveUp) {
                Thread.sleep(50);
            }
            running.set(false);
            thread.join();
        }

        int mostWorkersInSender() {
            return mostWorkersInSender.get();
        }

        private static int workersInSender() {
            return (int) Thread.getAllStackTraces().entrySet().stream()
                    .filter(thread -> thread.getKey().getName().startsWith("executor-thread")
                            && isInSender(thread.getValue()))
                    .count();
        }

        void assertP99Below(Duration bound) {
            List<Long> sorted;
            synchronized (latencies) {
                sorted = new ArrayList<>(latencies);
            }
            Collections.sort(sorted);
            assertTrue(sorted.size() >= 20, () -> "only " + sorted.size() + " probes");
            Duration p99 = Duration.ofNanos(sorted.get((int) Math.ceil(sorted.size() * 0.99) - 1));
            assertTrue(p99.compareTo(bound) < 0, () -> "p99 " + p99.toMillis() + " ms over " + sorted.size()
                    + " probes; max " + Duration.ofNanos(sorted.get(sorted.size() - 1)).toMillis() + " ms");
            System.out.printf("unrelated endpoint: %d probes, p50 %d ms, p99 %d ms%n", sorted.size(),
                    Duration.ofNanos(sorted.get(sorted.size() / 2)).toMillis(), p99.toMillis());
        }
    }
}
