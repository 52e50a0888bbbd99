package io.quarkiverse.twofactor.it.observability;

import static io.quarkiverse.twofactor.it.Api.confirm;
import static io.quarkiverse.twofactor.it.Api.deliveredCode;
import static io.quarkiverse.twofactor.it.Api.freshRecipient;
import static io.quarkiverse.twofactor.it.Api.protectedAction;
import static io.quarkiverse.twofactor.it.Api.requestConfirmation;
import static io.quarkiverse.twofactor.it.Api.requestFor;
import static io.quarkiverse.twofactor.it.Api.wrongCode;
import static io.restassured.RestAssured.given;
import static org.junit.jupiter.api.Assertions.assertEquals;
import static org.junit.jupiter.api.Assertions.assertFalse;

import java.util.HashMap;
import java.util.Map;
import java.util.TreeMap;
import java.util.UUID;
import java.util.regex.Matcher;
import java.util.regex.Pattern;

import org.junit.jupiter.api.Test;

import io.quarkus.test.junit.QuarkusTest;

/**
 * The two.factor meters as Prometheus scrapes them from /q/metrics: each step of a flow moves its counter by exactly
 * one, and no series is told apart by a recipient or an id.
 */
@QuarkusTest
class MetricsTest {

    private static final Pattern SAMPLE = Pattern.compile("^(two_factor_\\w+)(?:\\{(.*)})? (\\S+)$");
    private static final Pattern LABEL = Pattern.compile("(\\w+)=\"([^\"]*)\"");

    @Test
    void requestWrongCodeRightCodeAndUseEachCountOnce() {
        Map<String, Double> before = scrape();
        String recipient = freshRecipient();
        String id = requestFor(recipient);
        String code = deliveredCode(recipient);
        confirm(id, wrongCode(code)).statusCode(400);
        confirm(id, code).statusCode(200);
        protectedAction(id).statusCode(200);
        protectedAction(id).statusCode(403);

        Map<String, Double> moved = delta(before, scrape());
        assertEquals(Map.of(
                "two_factor_requests_total{outcome=sent,sender=default}", 1.0,
                "two_factor_deliveries_total{outcome=delivered,sender=default}", 1.0,
                "two_factor_delivery_seconds_count{sender=default}", 1.0,
                "two_factor_wrong_codes_total{sender=default}", 1.0,
                "two_factor_confirms_total{outcome=confirmed,sender=default}", 1.0,
                "two_factor_uses_total{outcome=used,sender=default}", 1.0,
                "two_factor_uses_total{outcome=refused,sender=default}", 1.0), counts(moved));
    }

    @Test
    void fiveWrongCodesLockOutOnceAndTheRightCodeAfterIsRefused() {
        Map<String, Double> before = scrape();
        String recipient = freshRecipient();
        String id = requestFor(recipient);
        String code = deliveredCode(recipient);
        for (int i = 0; i < 4; i++) {
            confirm(id, wrongCode(code)).statusCode(400);
        }
        confirm(id, wrongCode(code)).statusCode(429);
        confirm(id, code).statusCode(429);

        Map<String, Double> moved = counts(delta(before, scrape()));
        assertEquals(5.0, moved.get("two_factor_wrong_codes_total{sender=default}"));
        assertEquals(1.0, moved.get("two_factor_lockouts_total{sender=default}"));
        assertEquals(1.0, moved.get("two_factor_confirms_total{outcome=refused,sender=default}"));
        assertEquals(null, moved.get("two_factor_confirms_total{outcome=confirmed,sender=default}"));
    }

    @Test
    void requestsRefusedByTheSendLimitAndFailedDeliveriesHaveTheirOutcomes() {
        Map<String, Double> before = scrape();
        String recipient = freshRecipient();
        for (int i = 0; i < 5; i++) {
            requestFor(recipient);
        }
        requestConfirmation(Map.of("recipient", recipient)).statusCode(429);
        requestConfirmation(Map.of("recipient", freshRecipient(), "sender", "broken")).statusCode(503);

        Map<String, Double> moved = counts(delta(before, scrape()));
        assertEquals(5.0, moved.get("two_factor_requests_total{outcome=sent,sender=default}"));
        assertEquals(1.0, moved.get("two_factor_requests_total{outcome=refused,sender=default}"));
        assertEquals(1.0, moved.get("two_factor_requests_total{outcome=failed,sender=broken}"));
        assertEquals(1.0, moved.get("two_factor_deliveries_total{outcome=failed,sender=broken}"));
    }

    @Test
    void anUnknownIdIsCountedWithoutASenderAndNoSeriesNamesARecipientOrAnId() {
        Map<String, Double> before = scrape();
        String recipient = freshRecipient();
        String id = requestFor(recipient);
        String unknown = UUID.randomUUID().toString();
        confirm(unknown, "123456").statusCode(404);
        protectedAction(unknown).statusCode(403);

        Map<String, Double> moved = counts(delta(before, scrape()));
        assertEquals(1.0, moved.get("two_factor_confirms_total{outcome=refused,sender=none}"));
        assertEquals(1.0, moved.get("two_factor_uses_total{outcome=refused,sender=none}"));
        String text = given().get("/q/metrics").then().statusCode(200).extract().asString();
        for (String forbidden : new String[] { recipient, id, unknown }) {
            assertFalse(text.contains(forbidden), "/q/metrics names " + forbidden);
        }
    }

    /** Every two_factor sample, keyed by name and labels in alphabetical order, quotes left out. */
    static Map<String, Double> scrape() {
        String text = given().get("/q/metrics").then().statusCode(200).extract().asString();
        Map<String, Double> samples = new HashMap<>();
        for (String line : text.split("\n")) {
            Matcher sample = SAMPLE.matcher(line);
            if (!sample.matches()) {
                continue;
            }
            Map<String, String> labels = new TreeMap<>();
            if (sample.group(2) != null) {
                Matcher label = LABEL.matcher(sample.group(2));
                while (label.find()) {
                    labels.put(label.group(1), label.group(2));
                }
            }
            String key = sample.group(1) + (labels.isEmpty() ? "" : labels.toString().replace(", ", ","));
            samples.put(key, Double.parseDouble(sample.group(3)));
        }
        return samples;
    }

    /** The samples that moved, by how much; a sample absent before counts from zero. */
    static Map<String, Double> delta(Map<String, Double> before, Map<String, Double> after) {
        Map<String, Double> moved = new TreeMap<>();
        after.forEach((key, value) -> {
            double change = value - before.getOrDefault(key, 0.0);
            if (change != 0) {
                moved.put(key, change);
            }
        });
        return moved;
    }

    /** The counts alone: timers' sums and maxima move by amounts no test can predict. */
    static Map<String, Double> counts(Map<String, Double> moved) {
        Map<String, Double> counts = new TreeMap<>(moved);
        counts.keySet().removeIf(key -> key.contains("_seconds_sum") || key.contains("_seconds_max"));
        return counts;
    }
}
