package io.quarkiverse.twofactor.it.statements;

import java.io.IOException;
import java.util.Map;

import io.quarkiverse.twofactor.it.TestDatabase;
import io.quarkus.test.common.QuarkusTestResourceLifecycleManager;

/**
 * Points the application's datasource at a {@link StatementRecorder} in front of the PostgreSQL database the suite
 * runs against ({@code two-factor.test.jdbc-url}).
 */
public class StatementRecorderResource implements QuarkusTestResourceLifecycleManager {

    static StatementRecorder recorder;

    @Override
    public Map<String, String> start() {
        try {
            recorder = new StatementRecorder(TestDatabase.port());
        } catch (IOException e) {
            throw new IllegalStateException(e);
        }
        return Map.of("quarkus.datasource.jdbc.url", TestDatabase.through(recorder.port(),
                "sslmode=disable&gssEncMode=disable&prepareThreshold=0"));
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
