package io.quarkiverse.twofactor.it.email;

import java.util.List;
import java.util.Map;

import io.quarkus.test.junit.QuarkusTestProfile;

/** An e-mail sender delivering to GreenMail over SMTPS, trusting its self-signed certificate. */
public class SmtpsProfile implements QuarkusTestProfile {

    @Override
    public List<TestResourceEntry> testResources() {
        return List.of(new TestResourceEntry(GreenMailResource.class, Map.of("ssl", "true")));
    }
}
