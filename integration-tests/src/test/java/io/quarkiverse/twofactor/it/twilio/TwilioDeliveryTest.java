package io.quarkiverse.twofactor.it.twilio;

import static com.github.tomakehurst.wiremock.client.WireMock.post;
import static com.github.tomakehurst.wiremock.client.WireMock.urlEqualTo;
import static io.quarkiverse.twofactor.it.twilio.TwilioApi.basicAuth;
import static io.quarkiverse.twofactor.it.twilio.TwilioApi.codeIn;
import static io.quarkiverse.twofactor.it.twilio.TwilioApi.confirm;
import static io.quarkiverse.twofactor.it.twilio.TwilioApi.exampleNumber;
import static io.quarkiverse.twofactor.it.twilio.TwilioApi.form;
import static io.quarkiverse.twofactor.it.twilio.TwilioApi.freshNumber;
import static io.quarkiverse.twofactor.it.twilio.TwilioApi.messageCreated;
import static io.quarkiverse.twofactor.it.twilio.TwilioApi.messagesSent;
import static io.quarkiverse.twofactor.it.twilio.TwilioApi.protectedAction;
import static io.quarkiverse.twofactor.it.twilio.TwilioApi.requestConfirmation;
import static io.quarkiverse.twofactor.it.twilio.TwilioApi.requestCount;
import static org.hamcrest.Matchers.is;
import static org.hamcrest.Matchers.nullValue;
import static org.junit.jupiter.api.Assertions.assertEquals;
import static org.junit.jupiter.api.Assertions.assertFalse;

import java.util.List;
import java.util.Map;

import org.junit.jupiter.api.BeforeEach;
import org.junit.jupiter.api.Test;

import com.github.tomakehurst.wiremock.WireMockServer;
import com.github.tomakehurst.wiremock.verification.LoggedRequest;
import com.google.i18n.phonenumbers.PhoneNumberUtil.PhoneNumberType;

import io.quarkus.test.junit.QuarkusTest;
import io.quarkus.test.junit.TestProfile;

@QuarkusTest
@TestProfile(TwilioProfile.class)
class TwilioDeliveryTest {

    @InjectTwilioMock
    WireMockServer twilio;

    @BeforeEach
    void twilioCreatesMessages() {
        twilio.resetAll();
        twilio.stubFor(post(urlEqualTo(TwilioMock.MESSAGES_PATH)).willReturn(messageCreated()));
    }

    @Test
    void codeSentThroughTwilioConfirmsAndUnlocksTheProtectedAction() {
        String recipient = freshNumber("+1555");
        String id = requestConfirmation("sms", recipient).statusCode(201).body("code", nullValue())
                .extract().path("id");

        LoggedRequest sent = onlyMessageSent();
        Map<String, String> form = form(sent);
        assertEquals(recipient, form.get("To"));
        assertEquals(TwilioMock.FROM, form.get("From"));
        assertFalse(form.containsKey("MessagingServiceSid"), "a sender with a number names no Messaging Service");
        assertEquals(basicAuth(TwilioMock.ACCOUNT_SID, TwilioMock.AUTH_TOKEN), sent.getHeader("Authorization"));

        protectedAction(id).statusCode(403);
        confirm(id, codeIn(form.get("Body"))).statusCode(200).body("confirmed", is(true));
        protectedAction(id).statusCode(200);
    }

    @Test
    void messagingServiceSenderNamesTheServiceInsteadOfAFromNumber() {
        String recipient = freshNumber("+1555");
        String id = requestConfirmation("sms-service", recipient).statusCode(201).extract().path("id");

        Map<String, String> form = form(onlyMessageSent());
        assertEquals(TwilioMock.MESSAGING_SERVICE_SID, form.get("MessagingServiceSid"));
        assertFalse(form.containsKey("From"), "a Messaging Service sender names no number");
        assertEquals(recipient, form.get("To"));
        confirm(id, codeIn(form.get("Body"))).statusCode(200);
    }

    @Test
    void apiKeySenderAuthenticatesWithTheKeyAndSecretUnderItsAccount() {
        String recipient = freshNumber("+1555");
        requestConfirmation("sms-key", recipient).statusCode(201);

        LoggedRequest sent = onlyMessageSent();
        assertEquals(basicAuth(TwilioMock.API_KEY, TwilioMock.API_SECRET), sent.getHeader("Authorization"));
        assertEquals(TwilioMock.FROM, form(sent).get("From"));
    }

    @Test
    void whatsappSenderAddressesTheRecipientOnWhatsapp() {
        String recipient = freshNumber("+1555");
        requestConfirmation("whatsapp", recipient).statusCode(201);

        Map<String, String> form = form(onlyMessageSent());
        assertEquals("whatsapp:" + recipient, form.get("To"));
        assertEquals(TwilioMock.WHATSAPP_FROM, form.get("From"));
    }

    @Test
    void numberInAnAllowedCountryIsSent() {
        String recipient = exampleNumber("GB", PhoneNumberType.MOBILE);
        requestConfirmation("sms", recipient).statusCode(201);

        assertEquals(recipient, form(onlyMessageSent()).get("To"));
    }

    /** The one message-creating request WireMock saw, after checking it saw no other request. */
    private LoggedRequest onlyMessageSent() {
        List<LoggedRequest> sent = messagesSent(twilio);
        assertEquals(1, sent.size(), "requests to the Messages API");
        assertEquals(1, requestCount(twilio), "requests to any path");
        return sent.get(0);
    }
}
