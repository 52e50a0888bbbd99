package io.quarkiverse.twofactor.deployment;

import static org.junit.jupiter.api.Assertions.assertEquals;
import static org.junit.jupiter.api.Assertions.assertTrue;

import java.util.List;
import java.util.Map;
import java.util.logging.LogRecord;

import jakarta.inject.Inject;

import org.jboss.logmanager.ExtLogRecord;
import org.junit.jupiter.api.Test;
import org.junit.jupiter.api.extension.RegisterExtension;

import io.quarkiverse.twofactor.Confirmer;
import io.quarkiverse.twofactor.runtime.sender.LogSenderBackend;
import io.quarkus.test.QuarkusUnitTest;

class LogSenderTest {

    /*
     * The test method runs in the application's class loader and the log assertion in JUnit's, after shutdown: a
     * static field is not shared between them, so the code crosses over as a system property.
     */
    private static final String CODE_PROPERTY = "two-factor.test.logged-code";

    @RegisterExtension
    static final QuarkusUnitTest app = new QuarkusUnitTest()
            .withConfigurationResource(TestApps.H2_CONFIG)
            .overrideConfigKey("quarkus.two-factor.senders.\"default\".backend", "log")
            .setLogRecordPredicate(r -> LogSenderBackend.class.getName().equals(r.getLoggerName()))
            .assertLogRecords(LogSenderTest::assertOneRecordCarriesTheCode);

    @Inject
    Confirmer confirmer;

    @Test
    void logBackendWritesTheCodeToTheLogInTestMode() {
        String code = confirmer.request(null, "bob@example.com", Map.of()).code();
        System.setProperty(CODE_PROPERTY, code);
    }

    private static void assertOneRecordCarriesTheCode(List<LogRecord> records) {
        String code = System.clearProperty(CODE_PROPERTY);
        assertEquals(1, records.size(), () -> "records: " + records);
        String message = ((ExtLogRecord) records.get(0)).getFormattedMessage();
        assertTrue(code != null && message.contains(code), () -> "expected code " + code + " in: " + message);
        assertTrue(message.contains("bob@example.com"), message);
    }
}
