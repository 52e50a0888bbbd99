package io.quarkiverse.twofactor.it.twilio;

import static com.github.tomakehurst.wiremock.client.WireMock.post;
import static com.github.tomakehurst.wiremock.client.WireMock.urlEqualTo;
import static io.quarkiverse.twofactor.it.twilio.TwilioApi.PROBLEM;
import static io.quarkiverse.twofactor.it.twilio.TwilioApi.exampleNumber;
import static io.quarkiverse.twofactor.it.twilio.TwilioApi.form;
import static io.quarkiverse.twofactor.it.twilio.TwilioApi.messageCreated;
import static io.quarkiverse.twofactor.it.twilio.TwilioApi.messagesSent;
import static io.quarkiverse.twofactor.it.twilio.TwilioApi.requestConfirmation;
import static io.quarkiverse.twofactor.it.twilio.TwilioApi.requestCount;
import static org.hamcrest.MatcherAssert.assertThat;
import static org.hamcrest.Matchers.containsString;
import static org.hamcrest.Matchers.endsWith;
import static org.hamcrest.Matchers.not;
import static org.junit.jupiter.api.Assertions.assertEquals;
import static org.junit.jupiter.api.Assertions.assertFalse;
import static org.junit.jupiter.api.Assertions.assertTrue;

import java.util.List;

import org.junit.jupiter.api.BeforeEach;
import org.junit.jupiter.api.Test;
import org.junit.jupiter.params.ParameterizedTest;
import org.junit.jupiter.params.provider.CsvSource;
import org.junit.jupiter.params.provider.ValueSource;

import com.github.tomakehurst.wiremock.WireMockServer;
import com.google.i18n.phonenumbers.PhoneNumberUtil;
import com.google.i18n.phonenumbers.PhoneNumberUtil.PhoneNumberType;

import io.quarkus.test.junit.QuarkusTest;
import io.quarkus.test.junit.TestProfile;

/**
 * Numbering plans: {@code allowed-regions} resolves each number to its region with libphonenumber, whose own example
 * numbers the cases use, and every refusal is a 400 made before any call to Twilio.
 */
@QuarkusTest
@TestProfile(TwilioProfile.class)
class TwilioRegionTest {

    @InjectTwilioMock
    WireMockServer twilio;

    @BeforeEach
    void twilioWouldAcceptAnything() {
        twilio.resetAll();
        twilio.stubFor(post(urlEqualTo(TwilioMock.MESSAGES_PATH)).willReturn(messageCreated()));
    }

    @ParameterizedTest
    @ValueSource(strings = { "sms-regions", "whatsapp-regions" })
    void jamaicanNumberUnderTheSharedPlusOneIsRefusedWhenOnlyUsAndCanadaAreAllowed(String sender) {
        String jamaican = exampleNumber("JM", PhoneNumberType.MOBILE);
        assertTrue(jamaican.startsWith("+1876"), jamaican);

        String body = requestConfirmation(sender, jamaican).statusCode(400).contentType(PROBLEM)
                .body("type", endsWith("invalid-recipient"))
                .body("detail", containsString("region JM"))
                .body("detail", containsString("CA, US"))
                .extract().asString();

        assertThat(body, not(containsString(jamaican)));
        assertEquals(0, requestCount(twilio));
    }

    @ParameterizedTest
    @ValueSource(strings = { "DO", "BS", "GB" })
    void otherRegionsAreRefusedWhenOnlyUsAndCanadaAreAllowed(String region) {
        requestConfirmation("sms-regions", exampleNumber(region, PhoneNumberType.MOBILE)).statusCode(400)
                .contentType(PROBLEM).body("detail", containsString("region " + region));

        assertEquals(0, requestCount(twilio));
    }

    @ParameterizedTest
    @ValueSource(strings = { "US", "CA" })
    void numbersOfTheAllowedRegionsAreDelivered(String region) {
        String number = exampleNumber(region, PhoneNumberType.MOBILE);

        requestConfirmation("sms-regions", number).statusCode(201);

        List<String> sentTo = messagesSent(twilio).stream().map(r -> form(r).get("To")).toList();
        assertEquals(List.of(number), sentTo);
    }

    @Test
    void whatsappSenderDeliversToAnAllowedRegionWithThePrefixAdded() {
        String number = exampleNumber("CA", PhoneNumberType.MOBILE);

        requestConfirmation("whatsapp-regions", number).statusCode(201);

        assertEquals("whatsapp:" + number, form(messagesSent(twilio).get(0)).get("To"));
    }

    /** Too short or too long for their plan, or a country code no plan has: refused by every Twilio sender. */
    @ParameterizedTest
    @CsvSource({ "sms-service, +120155501", "sms-service, +3361234567890", "sms-service, +99912345678",
            "sms, +120155501", "sms-regions, +120155501", "whatsapp, +44770090012345", "sms-mobile, +2125" })
    void impossibleNumberIsRefusedWith400BeforeAnyCallToTwilio(String sender, String number) {
        String body = requestConfirmation(sender, number).statusCode(400).contentType(PROBLEM)
                .body("type", endsWith("invalid-recipient"))
                .body("detail", containsString("no numbering plan"))
                .extract().asString();

        assertThat(body, not(containsString(number)));
        assertEquals(0, requestCount(twilio));
    }

    @Test
    void possibleNumberInNoAssignedRangeIsRefusedWhenRegionsAreSet() {
        String unassigned = "+15551234567";
        PhoneNumberUtil plans = PhoneNumberUtil.getInstance();
        assertFalse(plans.isValidNumber(parse(unassigned)), "555 is no area code");

        requestConfirmation("sms-regions", unassigned).statusCode(400).contentType(PROBLEM)
                .body("type", endsWith("invalid-recipient"))
                .body("detail", containsString("no range"));

        assertEquals(0, requestCount(twilio));
    }

    @Test
    void allowedCountryCodesAreAPrefixMatchThatStillAdmitsJamaicaUnderPlusOne() {
        // The documented weakness of allowed-country-codes=+1,44: allowed-regions is the property that closes it.
        requestConfirmation("sms", exampleNumber("JM", PhoneNumberType.MOBILE)).statusCode(201);

        assertEquals(1, messagesSent(twilio).size());
    }

    @ParameterizedTest
    @CsvSource({ "GB, FIXED_LINE", "GB, TOLL_FREE", "GB, PREMIUM_RATE", "FR, FIXED_LINE" })
    void requireMobileRefusesNumbersThatAreNotMobiles(String region, PhoneNumberType type) {
        requestConfirmation("sms-mobile", exampleNumber(region, type)).statusCode(400).contentType(PROBLEM)
                .body("type", endsWith("invalid-recipient"))
                .body("detail", containsString("mobile numbers only"));

        assertEquals(0, requestCount(twilio));
    }

    /** A US number may be either: its plan does not tell mobiles from landlines, and it counts as a mobile. */
    @ParameterizedTest
    @ValueSource(strings = { "GB", "FR", "US" })
    void requireMobileDeliversToMobiles(String region) {
        requestConfirmation("sms-mobile", exampleNumber(region, PhoneNumberType.MOBILE)).statusCode(201);

        assertEquals(1, messagesSent(twilio).size());
    }

    private static com.google.i18n.phonenumbers.Phonenumber.PhoneNumber parse(String number) {
        try {
            return PhoneNumberUtil.getInstance().parse(number, null);
        } catch (com.google.i18n.phonenumbers.NumberParseException e) {
            throw new AssertionError(e);
        }
    }
}
