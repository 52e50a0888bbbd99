package io.quarkiverse.twofactor.it.delivery;

import java.util.List;

import io.quarkus.test.junit.QuarkusTestProfile;

/** The demo with senders whose Twilio stand-ins hang or answer slowly ({@link DeliveryStandIns}). */
public class DeliveryProfile implements QuarkusTestProfile {

    @Override
    public List<TestResourceEntry> testResources() {
        return List.of(new TestResourceEntry(DeliveryStandIns.class));
    }
}
