package io.quarkiverse.twofactor.it;

import static com.github.tomakehurst.wiremock.client.WireMock.post;
import static com.github.tomakehurst.wiremock.client.WireMock.urlEqualTo;
import static io.quarkiverse.twofactor.it.Api.check;
import static io.quarkiverse.twofactor.it.Api.confirm;
import static io.quarkiverse.twofactor.it.Api.freshRecipient;
import static io.quarkiverse.twofactor.it.Api.protectedAction;
import static io.quarkiverse.twofactor.it.Api.requestConfirmation;
import static io.quarkiverse.twofactor.it.Api.resend;
import static io.quarkiverse.twofactor.it.Api.wrongCode;
import static io.quarkiverse.twofactor.it.twilio.TwilioApi.codeIn;
import static io.quarkiverse.twofactor.it.twilio.TwilioApi.freshNumber;
import static io.quarkiverse.twofactor.it.twilio.TwilioApi.messageCreated;
import static io.quarkiverse.twofactor.it.twilio.TwilioApi.messagesSent;
import static io.quarkiverse.twofactor.it.twilio.TwilioApi.twilioError;
import static org.hamcrest.Matchers.equalTo;
import static org.hamcrest.Matchers.nullValue;
import static org.junit.jupiter.api.Assertions.assertEquals;
import static org.junit.jupiter.api.Assertions.assertFalse;
import static org.junit.jupiter.api.Assertions.assertTrue;

import java.nio.charset.StandardCharsets;
import java.nio.file.Files;
import java.nio.file.Path;
import java.sql.Connection;
import java.sql.DriverManager;
import java.sql.ResultSet;
import java.sql.SQLException;
import java.util.ArrayList;
import java.util.Base64;
import java.util.HashMap;
import java.util.List;
import java.util.Map;
import java.util.concurrent.CopyOnWriteArrayList;

import jakarta.mail.internet.MimeMessage;

import org.junit.jupiter.api.AfterEach;
import org.junit.jupiter.api.BeforeEach;
import org.junit.jupiter.api.Test;

import com.github.tomakehurst.wiremock.WireMockServer;
import com.icegreen.greenmail.util.GreenMail;

import io.quarkiverse.twofactor.it.email.GreenMailResource;
import io.quarkiverse.twofactor.it.email.InjectSmtpServer;
import io.quarkiverse.twofactor.it.email.Mails;
import io.quarkiverse.twofactor.it.twilio.InjectTwilioMock;
import io.quarkiverse.twofactor.it.twilio.TwilioApi;
import io.quarkiverse.twofactor.it.twilio.TwilioMock;
import io.quarkus.test.junit.QuarkusIntegrationTest;
import io.quarkus.test.junit.QuarkusTestProfile;
import io.quarkus.test.junit.TestProfile;
import io.restassured.RestAssured;
import io.restassured.response.Response;

/**
 * The packaged application in production mode, logging everything at DEBUG and asked for debug code responses, runs
 * every flow through each kind of sender: the demo inbox, Twilio (WireMock) with an auth token and with an API key,
 * e-mail (GreenMail) with a login, and sends that fail. Neither its log nor any response carries a code, a code's
 * hash, the hash key or a sender's credential.
 */
@QuarkusIntegrationTest
@TestProfile(ProductionLogsIT.DebugEverything.class)
class ProductionLogsIT {

    private static final String HASH_KEY = "hash-key-of-the-log-proof-4f3e2d1c0b1a2938";
    /** A file database the application serves to this test too, so that the test can read the stored hashes. */
    private static final String DATABASE = "jdbc:h2:" + Path.of("target", "production-logs-db").toAbsolutePath()
            + ";AUTO_SERVER=TRUE";

    public static class DebugEverything implements QuarkusTestProfile {
        @Override
        public Map<String, String> getConfigOverrides() {
            return Map.of("quarkus.log.level", "DEBUG",
                    // The launcher keeps io.quarkus at INFO; this later setting wins.
                    "quarkus.log.category.\"io.quarkus\".level", "DEBUG",
                    // The sender resources turn the plain property off; in one config source the %prod form wins.
                    "%prod.quarkus.two-factor.debug-code-response", "true",
                    "quarkus.two-factor.code.hash-key", HASH_KEY,
                    // A DEBUG log is full of numbers (timings, ids): six digits would turn up in it by chance, ten not.
                    "quarkus.two-factor.code.length", "10",
                    "quarkus.datasource.jdbc.url", DATABASE,
                    "quarkus.two-factor.rest.mode", "open");
        }

        @Override
        public List<TestResourceEntry> testResources() {
            return List.of(new TestResourceEntry(TwilioMock.class),
                    new TestResourceEntry(GreenMailResource.class, Map.of("ssl", "false")));
        }
    }

    /** Where a test reads the code a sender delivered to a recipient. */
    private interface Inbox {
        String codeSentTo(String recipient) throws Exception;
    }

    private record Issued(String id, String code) {
    }

    private record Secret(String what, String value) {
    }

    @InjectTwilioMock
    WireMockServer twilio;

    @InjectSmtpServer
    GreenMail greenMail;

    /** Every response of the application, with its status line and headers. */
    private final List<String> responses = new CopyOnWriteArrayList<>();

    @BeforeEach
    void recordResponses() {
        RestAssured.filters((request, response, context) -> {
            Response answer = context.next(request, response);
            // The demo inbox stands in for the user's phone: handing out codes is its job.
            if (!request.getURI().contains("/demo/inbox/")) {
                responses.add(answer.getStatusLine() + "\n" + answer.getHeaders() + "\n" + answer.asString());
            }
            return answer;
        });
    }

    @AfterEach
    void stopRecording() {
        RestAssured.replaceFiltersWith(List.of());
    }

    @Test
    void noCodeHashKeyOrCredentialReachesResponsesOrLogs() throws Exception {
        twilio.stubFor(post(urlEqualTo(TwilioMock.MESSAGES_PATH)).willReturn(messageCreated()));
        List<Issued> issued = new ArrayList<>();
        String inboxRecipient = freshRecipient();
        String textedNumber = freshNumber("+1555");
        issued.add(everyFlow("default", inboxRecipient, Api::deliveredCode));
        issued.add(everyFlow("sms", textedNumber, this::textedCode));
        issued.add(everyFlow("sms-key", freshNumber("+1555"), this::textedCode));
        issued.add(everyFlow("mail-login", freshRecipient(), this::mailedCode));

        twilio.stubFor(post(urlEqualTo(TwilioMock.MESSAGES_PATH))
                .willReturn(twilioError(500, 20500, "Internal Server Error")));
        String number = freshNumber("+1555");
        requestConfirmation(Map.of("sender", "sms", "recipient", number)).statusCode(503);
        String failedCode = textedCode(number);
        requestConfirmation(Map.of("sender", "mail-wrong-password", "recipient", freshRecipient())).statusCode(503);

        Map<String, String> storedHashes = storedHashes();
        assertEquals(issued.size() + 2, storedHashes.size(), "every confirmation, failed ones too, is stored");
        for (Issued confirmation : issued) {
            assertEquals(CodeHmac.of(HASH_KEY, confirmation.id(), confirmation.code()),
                    storedHashes.get(confirmation.id()), "the stored hash is the one this test computes");
        }

        List<Secret> secrets = new ArrayList<>(credentials());
        issued.forEach(confirmation -> secrets.add(new Secret("code", confirmation.code())));
        secrets.add(new Secret("code of the failed text message", failedCode));
        storedHashes.values().forEach(hash -> secrets.add(new Secret("code hash", hash)));

        String log = Files.readString(Path.of("target", "quarkus.log"));
        assertTrue(log.lines().filter(line -> line.contains(" DEBUG [")).count() > 100, "the log is at DEBUG");
        assertTrue(log.contains(" DEBUG [io.qua"), "io.quarkus logs at DEBUG too");
        assertTrue(log.contains("debug-code-response is ignored"), "the ignored setting is reported");
        assertTrue(log.contains("Twilio accepted message"), "the Twilio backend's DEBUG line is in the log");
        assertTrue(log.contains("Sender 'sms' failed to deliver"), "the failed text message is in the log");
        assertTrue(log.contains("Sender 'mail-wrong-password' failed to deliver"), "the failed e-mail is in the log");
        assertFalse(responses.isEmpty());
        // Recipients are personal data. E-mail addresses are left out of this check: Angus Mail logs them at FINE.
        assertFalse(log.contains(inboxRecipient), "a recipient is in the log");
        assertFalse(log.contains(textedNumber), "a whole phone number is in the log");
        for (Secret secret : secrets) {
            assertFalse(log.contains(secret.value()), () -> secret + " is in the log");
            for (String response : responses) {
                assertFalse(response.contains(secret.value()), () -> secret + " is in the response " + response);
            }
        }
    }

    /**
     * Requests a code, gives a wrong one, asks for a resend within the cooldown, checks, tries the protected action
     * too early, confirms, uses the confirmation, confirms again, and checks.
     */
    private static Issued everyFlow(String sender, String recipient, Inbox inbox) throws Exception {
        String id = requestConfirmation(Map.of("sender", sender, "recipient", recipient)).statusCode(201)
                .body("code", nullValue()).extract().path("id");
        String code = inbox.codeSentTo(recipient);
        confirm(id, wrongCode(code)).statusCode(400);
        resend(id).statusCode(429);
        check(id).statusCode(200).body("status", equalTo("pending"));
        protectedAction(id).statusCode(403);
        confirm(id, code).statusCode(200);
        protectedAction(id).statusCode(200);
        confirm(id, code).statusCode(409);
        check(id).statusCode(200).body("status", equalTo("used"));
        return new Issued(id, code);
    }

    /** The code in the last text message WireMock received for the number. */
    private String textedCode(String number) {
        List<String> bodies = messagesSent(twilio).stream().map(TwilioApi::form)
                .filter(form -> number.equals(form.get("To"))).map(form -> form.get("Body")).toList();
        assertFalse(bodies.isEmpty(), "nothing was texted to " + number);
        return codeIn(bodies.get(bodies.size() - 1));
    }

    /** The code in the one e-mail GreenMail received for the address. */
    private String mailedCode(String address) throws Exception {
        MimeMessage[] received = greenMail.getReceivedMessagesForDomain(address);
        assertEquals(1, received.length, "e-mails to " + address);
        return Mails.code(Mails.text(Mails.part(received[0], "text/plain")));
    }

    /** Every confirmation's stored code hash, by id. */
    private static Map<String, String> storedHashes() throws SQLException {
        Map<String, String> hashes = new HashMap<>();
        try (Connection database = DriverManager.getConnection(DATABASE);
                ResultSet rows = database.createStatement()
                        .executeQuery("select id, code_hash from two_factor_confirmation")) {
            while (rows.next()) {
                hashes.put(rows.getString("id"), rows.getString("code_hash"));
            }
        }
        return hashes;
    }

    /** The hash key and the senders' secrets, also in the Base64 forms HTTP Basic and SMTP AUTH send them in. */
    private static List<Secret> credentials() {
        return List.of(new Secret("hash key", HASH_KEY),
                new Secret("Twilio auth token", TwilioMock.AUTH_TOKEN),
                new Secret("Twilio auth token, Basic", base64(TwilioMock.ACCOUNT_SID + ":" + TwilioMock.AUTH_TOKEN)),
                new Secret("Twilio API secret", TwilioMock.API_SECRET),
                new Secret("Twilio API secret, Basic", base64(TwilioMock.API_KEY + ":" + TwilioMock.API_SECRET)),
                new Secret("SMTP password", GreenMailResource.PASSWORD),
                new Secret("SMTP password, AUTH LOGIN", base64(GreenMailResource.PASSWORD)),
                new Secret("SMTP password, AUTH PLAIN",
                        base64("\0" + GreenMailResource.LOGIN + "\0" + GreenMailResource.PASSWORD)),
                new Secret("wrong SMTP password", GreenMailResource.WRONG_PASSWORD));
    }

    private static String base64(String text) {
        return Base64.getEncoder().encodeToString(text.getBytes(StandardCharsets.UTF_8));
    }
}
