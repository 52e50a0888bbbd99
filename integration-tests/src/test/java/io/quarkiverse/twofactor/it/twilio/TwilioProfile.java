package io.quarkiverse.twofactor.it.twilio;

import java.util.List;

import io.quarkus.test.junit.QuarkusTestProfile;

/** The demo with its Twilio senders pointed at {@link TwilioMock}; only the classes that name this profile get them. */
public class TwilioProfile implements QuarkusTestProfile {

    @Override
    public List<TestResourceEntry> testResources() {
        return List.of(new TestResourceEntry(TwilioMock.class));
    }
}
