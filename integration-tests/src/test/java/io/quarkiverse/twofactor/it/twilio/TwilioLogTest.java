package io.quarkiverse.twofactor.it.twilio;

import static com.github.tomakehurst.wiremock.client.WireMock.post;
import static com.github.tomakehurst.wiremock.client.WireMock.urlEqualTo;
import static io.quarkiverse.twofactor.it.twilio.TwilioApi.codeIn;
import static io.quarkiverse.twofactor.it.twilio.TwilioApi.form;
import static io.quarkiverse.twofactor.it.twilio.TwilioApi.freshNumber;
import static io.quarkiverse.twofactor.it.twilio.TwilioApi.messageCreated;
import static io.quarkiverse.twofactor.it.twilio.TwilioApi.messagesSent;
import static io.quarkiverse.twofactor.it.twilio.TwilioApi.requestConfirmation;
import static io.quarkiverse.twofactor.it.twilio.TwilioApi.twilioError;
import static org.junit.jupiter.api.Assertions.assertFalse;
import static org.junit.jupiter.api.Assertions.assertTrue;

import java.util.ArrayList;
import java.util.List;
import java.util.concurrent.CopyOnWriteArrayList;
import java.util.logging.Handler;
import java.util.logging.LogRecord;
import java.util.logging.Logger;

import org.jboss.logmanager.ExtLogRecord;
import org.junit.jupiter.api.AfterEach;
import org.junit.jupiter.api.BeforeEach;
import org.junit.jupiter.api.Test;

import com.github.tomakehurst.wiremock.WireMockServer;

import io.quarkus.test.junit.QuarkusTest;
import io.quarkus.test.junit.TestProfile;

/** What the backend and the Twilio SDK log, with both at DEBUG (see {@link TwilioMock}). */
@QuarkusTest
@TestProfile(TwilioProfile.class)
class TwilioLogTest {

    @InjectTwilioMock
    WireMockServer twilio;

    private final List<String> lines = new CopyOnWriteArrayList<>();
    private final Handler capture = new Handler() {
        @Override
        public void publish(LogRecord record) {
            lines.add(text(record));
        }

        @Override
        public void flush() {
        }

        @Override
        public void close() {
        }
    };

    @BeforeEach
    void captureLogs() {
        twilio.resetAll();
        Logger.getLogger("").addHandler(capture);
    }

    @AfterEach
    void stopCapturing() {
        Logger.getLogger("").removeHandler(capture);
    }

    @Test
    void logsCarryNoCredentialCodeMessageBodyOrWholeNumber() {
        String recipient = freshNumber("+1555");
        String masked = recipient.substring(0, 3) + "*******" + recipient.substring(10);
        twilio.stubFor(post(urlEqualTo(TwilioMock.MESSAGES_PATH)).willReturn(messageCreated()));
        requestConfirmation("sms", recipient).statusCode(201);
        requestConfirmation("sms-key", recipient).statusCode(201);
        List<String> codes = new ArrayList<>();
        messagesSent(twilio).forEach(request -> codes.add(codeIn(form(request).get("Body"))));
        twilio.resetAll();
        twilio.stubFor(post(urlEqualTo(TwilioMock.MESSAGES_PATH))
                .willReturn(twilioError(400, 21211, "The 'To' number " + recipient + " is not a valid phone number.")));
        requestConfirmation("sms", recipient).statusCode(400);
        twilio.resetAll();
        twilio.stubFor(post(urlEqualTo(TwilioMock.MESSAGES_PATH))
                .willReturn(twilioError(500, 20500, "Internal Server Error")));
        requestConfirmation("sms", recipient).statusCode(503);

        assertTrue(lines.stream().anyMatch(line -> line.contains("Twilio accepted message")
                && line.contains(masked)), () -> "the backend's debug line, number masked, in " + lines);
        assertTrue(lines.stream().anyMatch(line -> line.contains("failed to deliver")),
                () -> "the confirmer's warning about the failures, in " + lines);
        for (String line : lines) {
            assertFalse(line.contains(TwilioMock.AUTH_TOKEN), () -> "auth token in: " + line);
            assertFalse(line.contains(TwilioMock.API_SECRET), () -> "API secret in: " + line);
            assertFalse(line.contains(recipient), () -> "whole number in: " + line);
            assertFalse(line.contains("expires in"), () -> "message body in: " + line);
            codes.forEach(code -> assertFalse(line.contains(code), () -> "code " + code + " in: " + line));
        }
    }

    /** The record's message with its arguments, and every message of what it was thrown with. */
    private static String text(LogRecord record) {
        StringBuilder text = new StringBuilder(record instanceof ExtLogRecord ext
                ? ext.getFormattedMessage()
                : String.valueOf(record.getMessage()));
        for (Throwable t = record.getThrown(); t != null; t = t.getCause()) {
            text.append(" | ").append(t);
        }
        return text.toString();
    }
}
