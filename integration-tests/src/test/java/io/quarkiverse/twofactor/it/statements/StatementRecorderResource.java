package io.quarkiverse.twofactor.it.statements;

import java.io.IOException;
import java.util.Map;

import io.quarkus.test.common.QuarkusTestResourceLifecycleManager;

/**
 * Points the application's datasource at a {@link StatementRecorder} in front of the PostgreSQL database the suite
 * runs against ({@code two-factor.test.jdbc-url}).
 */
public class StatementRecorderResource implements QuarkusTestResourceLifecycleManager {

    static StatementRecorder recorder;

    @Override
    public Map<String, String> start() {
        String url = System.getProperty("two-factor.test.jdbc-url", "jdbc:postgresql://127.0.0.1:5432/test");
        try {
            recorder = new StatementRecorder(5432);
        } catch (IOException e) {
            throw new IllegalStateException(e);
        }
        String throughRecorder = url.replaceFirst("//[^/]+/", "//127.0.0.1:" + recorder.port() + "/")
                + (url.contains("?") ? "&" : "?") + "sslmode=disable&gssEncMode=disable&prepareThreshold=0";
        return Map.of("quarkus.datasource.jdbc.url", throughRecorder);
    }

    @Override
    public void stop() {
        try {
            recorder.close();
        } catch (IOException e) {
            // closing anyway
        }
    }
}
