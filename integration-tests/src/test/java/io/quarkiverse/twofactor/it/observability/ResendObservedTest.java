package io.quarkiverse.twofactor.it.observability;

import static io.quarkiverse.twofactor.ConfirmationEvent.Kind.DELIVERED;
import static io.quarkiverse.twofactor.ConfirmationEvent.Kind.REQUESTED;
import static io.quarkiverse.twofactor.it.Api.freshRecipient;
import static io.quarkiverse.twofactor.it.Api.requestFor;
import static io.quarkiverse.twofactor.it.Api.resend;
import static org.junit.jupiter.api.Assertions.assertEquals;

import java.util.List;
import java.util.Map;
import java.util.UUID;

import jakarta.inject.Inject;

import org.junit.jupiter.api.Test;

import io.quarkiverse.twofactor.ConfirmationEvent;
import io.quarkiverse.twofactor.it.ShortTimingProfile;
import io.quarkus.test.junit.QuarkusTest;
import io.quarkus.test.junit.TestProfile;

/** A resend is a second delivery of the same request: one more DELIVERED event and delivery, no second request. */
@QuarkusTest
@TestProfile(ShortTimingProfile.class)
class ResendObservedTest {

    @Inject
    RecordedEvents recorded;

    @Test
    void aResendIsObservedAsADeliveryAndNotAsARequest() throws InterruptedException {
        Map<String, Double> before = MetricsTest.scrape();
        String id = requestFor(freshRecipient());
        Thread.sleep(1_100); // the profile's cooldown
        resend(id).statusCode(202);

        assertEquals(List.of(REQUESTED, DELIVERED, DELIVERED),
                recorded.sync(UUID.fromString(id)).stream().map(ConfirmationEvent::kind).toList());
        assertEquals(Map.of(
                "two_factor_requests_total{outcome=sent,sender=default}", 1.0,
                "two_factor_deliveries_total{outcome=delivered,sender=default}", 2.0,
                "two_factor_delivery_seconds_count{sender=default}", 2.0),
                MetricsTest.counts(MetricsTest.delta(before, MetricsTest.scrape())));
    }
}
