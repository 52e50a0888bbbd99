package io.quarkiverse.twofactor.it.twilio;

import static com.github.tomakehurst.wiremock.client.WireMock.post;
import static com.github.tomakehurst.wiremock.client.WireMock.urlEqualTo;
import static io.quarkiverse.twofactor.it.twilio.TwilioApi.PROBLEM;
import static io.quarkiverse.twofactor.it.twilio.TwilioApi.exampleNumber;
import static io.quarkiverse.twofactor.it.twilio.TwilioApi.messageCreated;
import static io.quarkiverse.twofactor.it.twilio.TwilioApi.requestConfirmation;
import static io.quarkiverse.twofactor.it.twilio.TwilioApi.requestCount;
import static org.hamcrest.MatcherAssert.assertThat;
import static org.hamcrest.Matchers.containsString;
import static org.hamcrest.Matchers.endsWith;
import static org.hamcrest.Matchers.not;
import static org.junit.jupiter.api.Assertions.assertEquals;

import org.junit.jupiter.api.BeforeEach;
import org.junit.jupiter.api.Test;
import org.junit.jupiter.params.ParameterizedTest;
import org.junit.jupiter.params.provider.ValueSource;

import com.github.tomakehurst.wiremock.WireMockServer;
import com.google.i18n.phonenumbers.PhoneNumberUtil.PhoneNumberType;

import io.quarkus.test.junit.QuarkusTest;
import io.quarkus.test.junit.TestProfile;

@QuarkusTest
@TestProfile(TwilioProfile.class)
class TwilioRecipientTest {

    @InjectTwilioMock
    WireMockServer twilio;

    @BeforeEach
    void twilioWouldAcceptAnything() {
        twilio.resetAll();
        twilio.stubFor(post(urlEqualTo(TwilioMock.MESSAGES_PATH)).willReturn(messageCreated()));
    }

    @ParameterizedTest
    @ValueSource(strings = { "5551234567", "+05551234567", "+1", "+1234567890123456", "+1 555 123 4567",
            "+1-555-123-4567", "whatsapp:+15551234567", "someone@example.com" })
    void numberNotInE164FormIsRefusedWith400BeforeAnyCallToTwilio(String recipient) {
        String body = requestConfirmation("whatsapp", recipient).statusCode(400).contentType(PROBLEM)
                .body("type", endsWith("invalid-recipient"))
                .body("detail", containsString("E.164"))
                .extract().asString();

        assertThat(body, not(containsString(recipient)));
        assertEquals(0, requestCount(twilio));
    }

    @Test
    void numberOutsideTheAllowedCountriesIsRefusedWith400BeforeAnyCallToTwilio() {
        String recipient = exampleNumber("FR", PhoneNumberType.MOBILE);
        String body = requestConfirmation("sms", recipient).statusCode(400).contentType(PROBLEM)
                .body("type", endsWith("invalid-recipient"))
                .body("detail", containsString("+1, +44"))
                .extract().asString();

        assertThat(body, not(containsString(recipient)));
        assertEquals(0, requestCount(twilio));
    }

    @Test
    void senderWithoutAllowedCountriesDeliversToAnyCountry() {
        requestConfirmation("sms-service", exampleNumber("FR", PhoneNumberType.MOBILE)).statusCode(201);

        assertEquals(1, requestCount(twilio));
    }
}
