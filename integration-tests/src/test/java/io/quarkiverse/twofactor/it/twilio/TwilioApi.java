package io.quarkiverse.twofactor.it.twilio;

import static com.github.tomakehurst.wiremock.client.WireMock.aResponse;
import static com.github.tomakehurst.wiremock.client.WireMock.postRequestedFor;
import static com.github.tomakehurst.wiremock.client.WireMock.urlEqualTo;
import static io.restassured.RestAssured.given;
import static org.junit.jupiter.api.Assertions.assertTrue;

import java.net.URLDecoder;
import java.nio.charset.StandardCharsets;
import java.util.Base64;
import java.util.HashMap;
import java.util.List;
import java.util.Map;
import java.util.concurrent.ThreadLocalRandom;
import java.util.regex.Matcher;
import java.util.regex.Pattern;

import com.github.tomakehurst.wiremock.WireMockServer;
import com.google.i18n.phonenumbers.PhoneNumberUtil;
import com.google.i18n.phonenumbers.PhoneNumberUtil.PhoneNumberFormat;
import com.google.i18n.phonenumbers.PhoneNumberUtil.PhoneNumberType;
import com.google.i18n.phonenumbers.Phonenumber.PhoneNumber;
import com.github.tomakehurst.wiremock.client.ResponseDefinitionBuilder;
import com.github.tomakehurst.wiremock.verification.LoggedRequest;

import io.restassured.http.ContentType;
import io.restassured.response.ValidatableResponse;

/** The demo's REST calls and the Twilio answers and requests the Twilio tests work with. */
public final class TwilioApi {

    static final String PROBLEM = "application/problem+json";
    private static final Pattern CODE = Pattern.compile("code is ([0-9]+)\\.");

    private TwilioApi() {
    }

    static ValidatableResponse requestConfirmation(String sender, String recipient) {
        return given().contentType(ContentType.JSON).body(Map.of("sender", sender, "recipient", recipient))
                .post("/two-factor/request-confirmation").then();
    }

    static ValidatableResponse confirm(String id, String code) {
        return given().contentType(ContentType.JSON).body(Map.of("id", id, "code", code))
                .post("/two-factor/confirm").then();
    }

    static ValidatableResponse protectedAction(String id) {
        return given().post("/demo/protected-action/{id}", id).then();
    }

    /** Twilio's answer to a created message. */
    public static ResponseDefinitionBuilder messageCreated() {
        return aResponse().withStatus(201).withHeader("Content-Type", "application/json").withBody("""
                {"sid": "SMaabbccddeeffaabbccddeeffaabbccdd", "account_sid": "%s", "status": "queued",
                 "date_created": "Thu, 02 Apr 2026 10:00:00 +0000", "api_version": "2010-04-01"}
                """.formatted(TwilioMock.ACCOUNT_SID));
    }

    /** Twilio's error answer, in its JSON shape. */
    public static ResponseDefinitionBuilder twilioError(int status, int code, String message) {
        return aResponse().withStatus(status).withHeader("Content-Type", "application/json").withBody("""
                {"code": %d, "message": "%s", "more_info": "https://www.twilio.com/docs/errors/%d", "status": %d}
                """.formatted(code, message, code, status));
    }

    /** Every request WireMock received, to any path. */
    static int requestCount(WireMockServer twilio) {
        return twilio.getAllServeEvents().size();
    }

    /** The requests to create a message, oldest first. */
    public static List<LoggedRequest> messagesSent(WireMockServer twilio) {
        return twilio.findAll(postRequestedFor(urlEqualTo(TwilioMock.MESSAGES_PATH)));
    }

    /** The form fields of a request. */
    public static Map<String, String> form(LoggedRequest request) {
        Map<String, String> fields = new HashMap<>();
        for (String pair : request.getBodyAsString().split("&")) {
            int equals = pair.indexOf('=');
            fields.put(URLDecoder.decode(pair.substring(0, equals), StandardCharsets.UTF_8),
                    URLDecoder.decode(pair.substring(equals + 1), StandardCharsets.UTF_8));
        }
        return fields;
    }

    /** The code in a message body made from the default template. */
    public static String codeIn(String body) {
        Matcher matcher = CODE.matcher(body);
        assertTrue(matcher.find(), () -> "no code in the message body " + body);
        return matcher.group(1);
    }

    /**
     * A number no other test used, so that the per-recipient send limit never trips: {@code prefix} and 7 random
     * digits.
     */
    public static String freshNumber(String prefix) {
        return prefix + String.format("%07d", ThreadLocalRandom.current().nextInt(10_000_000));
    }

    /**
     * A number of libphonenumber's own example for {@code region} and {@code type}, with its last four digits drawn at
     * random among those that keep it valid, in the region and of the type, so that the per-recipient send limit never
     * trips: in E.164 form.
     */
    public static String exampleNumber(String region, PhoneNumberType type) {
        PhoneNumberUtil plans = PhoneNumberUtil.getInstance();
        PhoneNumber example = plans.getExampleNumberForType(region, type);
        PhoneNumberType exampleType = plans.getNumberType(example);
        for (int tries = 0; tries < 1000; tries++) {
            long national = example.getNationalNumber() / 10_000 * 10_000 + ThreadLocalRandom.current().nextInt(10_000);
            PhoneNumber candidate = new PhoneNumber().setCountryCode(example.getCountryCode())
                    .setNationalNumber(national);
            if (plans.isValidNumber(candidate) && region.equals(plans.getRegionCodeForNumber(candidate))
                    && plans.getNumberType(candidate) == exampleType) {
                return plans.format(candidate, PhoneNumberFormat.E164);
            }
        }
        return plans.format(example, PhoneNumberFormat.E164);
    }

    static String basicAuth(String user, String password) {
        return "Basic " + Base64.getEncoder().encodeToString((user + ":" + password).getBytes(StandardCharsets.UTF_8));
    }
}
