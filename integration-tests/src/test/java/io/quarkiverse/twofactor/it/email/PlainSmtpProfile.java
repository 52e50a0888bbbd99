package io.quarkiverse.twofactor.it.email;

import java.util.List;
import java.util.Map;

import io.quarkus.test.junit.QuarkusTestProfile;

/** E-mail senders delivering to GreenMail over plain SMTP. */
public class PlainSmtpProfile implements QuarkusTestProfile {

    @Override
    public List<TestResourceEntry> testResources() {
        return List.of(new TestResourceEntry(GreenMailResource.class, Map.of("ssl", "false")));
    }
}
