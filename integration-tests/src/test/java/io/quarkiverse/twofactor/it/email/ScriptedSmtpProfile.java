package io.quarkiverse.twofactor.it.email;

import java.util.List;

import io.quarkus.test.junit.QuarkusTestProfile;

/** An e-mail sender delivering to a {@link ScriptedSmtpServer}. */
public class ScriptedSmtpProfile implements QuarkusTestProfile {

    @Override
    public List<TestResourceEntry> testResources() {
        return List.of(new TestResourceEntry(ScriptedSmtpResource.class));
    }
}
