package io.quarkiverse.twofactor.it.twilio;

import static com.github.tomakehurst.wiremock.client.WireMock.post;
import static com.github.tomakehurst.wiremock.client.WireMock.urlEqualTo;
import static io.quarkiverse.twofactor.it.twilio.TwilioApi.PROBLEM;
import static io.quarkiverse.twofactor.it.twilio.TwilioApi.freshNumber;
import static io.quarkiverse.twofactor.it.twilio.TwilioApi.messageCreated;
import static io.quarkiverse.twofactor.it.twilio.TwilioApi.messagesSent;
import static io.quarkiverse.twofactor.it.twilio.TwilioApi.requestConfirmation;
import static io.restassured.RestAssured.given;
import static org.hamcrest.Matchers.allOf;
import static org.hamcrest.Matchers.endsWith;
import static org.hamcrest.Matchers.equalTo;
import static org.hamcrest.Matchers.greaterThan;
import static org.hamcrest.Matchers.lessThanOrEqualTo;
import static org.junit.jupiter.api.Assertions.assertEquals;
import static org.junit.jupiter.api.Assertions.assertFalse;

import java.sql.Connection;
import java.sql.PreparedStatement;
import java.sql.ResultSet;
import java.sql.SQLException;
import java.util.ArrayList;
import java.util.HashMap;
import java.util.List;
import java.util.Map;
import java.util.concurrent.CopyOnWriteArrayList;
import java.util.logging.Handler;
import java.util.logging.Level;
import java.util.logging.LogRecord;
import java.util.logging.Logger;

import javax.sql.DataSource;

import jakarta.inject.Inject;

import org.jboss.logmanager.ExtLogRecord;
import org.junit.jupiter.api.AfterEach;
import org.junit.jupiter.api.BeforeEach;
import org.junit.jupiter.api.Test;

import com.github.tomakehurst.wiremock.WireMockServer;

import io.quarkus.test.junit.QuarkusTest;
import io.quarkus.test.junit.TestProfile;
import io.restassured.http.ContentType;
import io.restassured.response.ValidatableResponse;

/**
 * A sender's budget ({@code senders."sms".limits.max-sends=3}) caps the messages Twilio is asked for, across all
 * recipients: over it, requests and resends are refused before anything is made or sent, and one ERROR says so.
 */
@QuarkusTest
@TestProfile(SenderBudgetTest.ThreeSendsBudget.class)
class SenderBudgetTest {

    public static class ThreeSendsBudget extends TwilioProfile {
        @Override
        public Map<String, String> getConfigOverrides() {
            Map<String, String> config = new HashMap<>();
            config.put("quarkus.two-factor.senders.\"sms\".limits.max-sends", "3");
            config.put("quarkus.two-factor.senders.\"sms\".limits.window", "1D");
            config.put("quarkus.two-factor.resend.cooldown", "0S");
            return config;
        }
    }

    @InjectTwilioMock
    WireMockServer twilio;

    @Inject
    DataSource dataSource;

    private final List<LogRecord> records = new CopyOnWriteArrayList<>();
    private final Handler capture = new Handler() {
        @Override
        public void publish(LogRecord record) {
            records.add(record);
        }

        @Override
        public void flush() {
        }

        @Override
        public void close() {
        }
    };

    @BeforeEach
    void twilioCreatesMessages() {
        twilio.resetAll();
        twilio.stubFor(post(urlEqualTo(TwilioMock.MESSAGES_PATH)).willReturn(messageCreated()));
        Logger.getLogger("").addHandler(capture);
    }

    @AfterEach
    void stopCapturing() {
        Logger.getLogger("").removeHandler(capture);
    }

    @Test
    void fiveRequestsToFiveRecipientsSendExactlyTheBudgetAndRefuseTheRest() {
        long madeBefore = confirmationsOf("sms");
        List<String> recipients = new ArrayList<>();
        List<String> ids = new ArrayList<>();
        for (int i = 0; i < 5; i++) {
            recipients.add(freshNumber("+1555"));
        }

        for (String recipient : recipients.subList(0, 3)) {
            ids.add(requestConfirmation("sms", recipient).statusCode(201).extract().path("id"));
        }
        for (String recipient : recipients.subList(3, 5)) {
            budgetExhausted(requestConfirmation("sms", recipient));
        }
        budgetExhausted(given().contentType(ContentType.JSON).body(Map.of("id", ids.get(0)))
                .post("/two-factor/resend").then());

        assertEquals(3, messagesSent(twilio).size(), "messages Twilio was asked for");
        assertEquals(3, confirmationsOf("sms") - madeBefore, "confirmations made");
        List<String> errors = records.stream().filter(r -> r.getLevel().intValue() >= Level.SEVERE.intValue())
                .map(SenderBudgetTest::text).toList();
        assertEquals(1, errors.size(), () -> "one ERROR for the window, in " + errors);
        for (String recipient : recipients) {
            assertFalse(errors.get(0).contains(recipient), errors.get(0));
        }
    }

    private static void budgetExhausted(ValidatableResponse response) {
        response.statusCode(503).contentType(PROBLEM).body("type", endsWith("sender-budget-exhausted"))
                .body("sender", equalTo("sms"))
                .header("Retry-After", Integer::parseInt, allOf(greaterThan(0), lessThanOrEqualTo(86_400)));
    }

    private long confirmationsOf(String sender) {
        try (Connection connection = dataSource.getConnection();
                PreparedStatement count = connection
                        .prepareStatement("SELECT COUNT(*) FROM two_factor_confirmation WHERE sender = ?")) {
            count.setString(1, sender);
            try (ResultSet rows = count.executeQuery()) {
                rows.next();
                return rows.getLong(1);
            }
        } catch (SQLException e) {
            throw new IllegalStateException(e);
        }
    }

    private static String text(LogRecord record) {
        return record instanceof ExtLogRecord ext ? ext.getFormattedMessage() : String.valueOf(record.getMessage());
    }
}
