package io.quarkiverse.twofactor.it.twilio;

import static com.github.tomakehurst.wiremock.client.WireMock.aResponse;
import static com.github.tomakehurst.wiremock.client.WireMock.post;
import static com.github.tomakehurst.wiremock.client.WireMock.urlEqualTo;
import static com.github.tomakehurst.wiremock.stubbing.Scenario.STARTED;
import static io.quarkiverse.twofactor.it.twilio.TwilioApi.PROBLEM;
import static io.quarkiverse.twofactor.it.twilio.TwilioApi.codeIn;
import static io.quarkiverse.twofactor.it.twilio.TwilioApi.confirm;
import static io.quarkiverse.twofactor.it.twilio.TwilioApi.form;
import static io.quarkiverse.twofactor.it.twilio.TwilioApi.freshNumber;
import static io.quarkiverse.twofactor.it.twilio.TwilioApi.messageCreated;
import static io.quarkiverse.twofactor.it.twilio.TwilioApi.messagesSent;
import static io.quarkiverse.twofactor.it.twilio.TwilioApi.requestConfirmation;
import static io.quarkiverse.twofactor.it.twilio.TwilioApi.requestCount;
import static io.quarkiverse.twofactor.it.twilio.TwilioApi.twilioError;
import static org.hamcrest.MatcherAssert.assertThat;
import static org.hamcrest.Matchers.containsString;
import static org.hamcrest.Matchers.endsWith;
import static org.hamcrest.Matchers.equalTo;
import static org.hamcrest.Matchers.not;
import static org.junit.jupiter.api.Assertions.assertEquals;
import static org.junit.jupiter.api.Assertions.assertThrows;
import static org.junit.jupiter.api.Assertions.assertTrue;

import java.util.List;
import java.util.Map;

import jakarta.inject.Inject;

import org.junit.jupiter.api.BeforeEach;
import org.junit.jupiter.api.Test;

import com.github.tomakehurst.wiremock.WireMockServer;
import com.github.tomakehurst.wiremock.http.Fault;
import com.github.tomakehurst.wiremock.verification.LoggedRequest;

import io.quarkiverse.twofactor.Confirmer;
import io.quarkiverse.twofactor.SenderFailedException;
import io.quarkiverse.twofactor.Status;
import io.quarkus.test.junit.QuarkusTest;
import io.quarkus.test.junit.TestProfile;

@QuarkusTest
@TestProfile(TwilioProfile.class)
class TwilioFailureTest {

    @InjectTwilioMock
    WireMockServer twilio;

    @Inject
    Confirmer confirmer;

    /** A number this test alone uses. */
    private final String recipient = freshNumber("+1555");

    @BeforeEach
    void resetTwilio() {
        twilio.resetAll();
    }

    @Test
    void invalidToNumberAnswers400RecipientRejectedWithoutARetry() {
        twilio.stubFor(post(urlEqualTo(TwilioMock.MESSAGES_PATH))
                .willReturn(twilioError(400, 21211, "The 'To' number " + recipient + " is not a valid phone number.")));

        String body = requestConfirmation("sms", recipient).statusCode(400).contentType(PROBLEM)
                .body("type", endsWith("recipient-rejected"))
                .body("sender", equalTo("sms"))
                .extract().asString();

        assertThat(body, not(containsString(recipient)));
        assertEquals(1, messagesSent(twilio).size(), "a rejected recipient is not tried again");
    }

    @Test
    void rejectedRecipientLeavesAFailedConfirmation() {
        twilio.stubFor(post(urlEqualTo(TwilioMock.MESSAGES_PATH))
                .willReturn(twilioError(400, 21614, "'To' number is not a valid mobile number")));

        SenderFailedException failure = assertThrows(SenderFailedException.class,
                () -> confirmer.request("sms", recipient, Map.of()));

        assertTrue(failure.recipientRejected(), "21614 rejects the recipient");
        assertEquals(Status.FAILED, confirmer.check(failure.confirmationId()).orElseThrow().status());
        assertEquals(1, messagesSent(twilio).size());
    }

    @Test
    void rateLimitIsRetriedAndTheRetriedCodeConfirms() {
        twilio.stubFor(post(urlEqualTo(TwilioMock.MESSAGES_PATH)).inScenario("rate limit").whenScenarioStateIs(STARTED)
                .willReturn(twilioError(429, 20429, "Too Many Requests")).willSetStateTo("limited once"));
        twilio.stubFor(post(urlEqualTo(TwilioMock.MESSAGES_PATH)).inScenario("rate limit")
                .whenScenarioStateIs("limited once").willReturn(messageCreated()));

        String id = requestConfirmation("sms", recipient).statusCode(201).extract().path("id");

        List<LoggedRequest> sent = messagesSent(twilio);
        assertEquals(2, sent.size(), "one refused try, one retry");
        confirm(id, codeIn(form(sent.get(1)).get("Body"))).statusCode(200);
    }

    @Test
    void serverErrorsUseUpTheRetriesAndAnswer503NamingTheSender() {
        twilio.stubFor(post(urlEqualTo(TwilioMock.MESSAGES_PATH))
                .willReturn(twilioError(500, 20500, "Internal Server Error")));

        String body = requestConfirmation("sms", recipient).statusCode(503).contentType(PROBLEM)
                .body("type", endsWith("sender-failed"))
                .body("sender", equalTo("sms"))
                .body("detail", containsString("'sms'"))
                .extract().asString();

        assertThat(body, not(containsString(TwilioMock.AUTH_TOKEN)));
        assertEquals(3, messagesSent(twilio).size(), "retry.max-attempts tries in all");
    }

    @Test
    void serverErrorWithoutATwilioBodyIsRetriedToo() {
        twilio.stubFor(post(urlEqualTo(TwilioMock.MESSAGES_PATH)).willReturn(aResponse().withStatus(502)
                .withHeader("Content-Type", "text/html").withBody("<html><body>Bad Gateway</body></html>")));

        requestConfirmation("sms", recipient).statusCode(503).body("type", endsWith("sender-failed"));

        assertEquals(3, messagesSent(twilio).size(), "a 502 from a proxy is as transient as Twilio's own");
    }

    @Test
    void refusedCredentialsArePermanentAndNotRetried() {
        twilio.stubFor(post(urlEqualTo(TwilioMock.MESSAGES_PATH)).willReturn(twilioError(401, 20003, "Authenticate")));

        requestConfirmation("sms", recipient).statusCode(503).body("type", endsWith("sender-failed"));

        assertEquals(1, messagesSent(twilio).size(), "a 4xx other than 429 is not tried again");
    }

    @Test
    void droppedConnectionIsRetried() {
        twilio.stubFor(post(urlEqualTo(TwilioMock.MESSAGES_PATH))
                .willReturn(aResponse().withFault(Fault.CONNECTION_RESET_BY_PEER)));

        requestConfirmation("sms", recipient).statusCode(503).body("sender", equalTo("sms"));

        assertEquals(3, messagesSent(twilio).size());
    }

    @Test
    void refusedConnectionAnswers503NamingTheSender() {
        requestConfirmation("sms-down", recipient).statusCode(503).contentType(PROBLEM)
                .body("type", endsWith("sender-failed"))
                .body("sender", equalTo("sms-down"));

        assertEquals(0, requestCount(twilio), "sms-down points elsewhere");
    }
}
