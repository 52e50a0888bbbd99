package io.quarkiverse.twofactor.it;

import static io.restassured.RestAssured.given;
import static org.junit.jupiter.api.Assertions.assertEquals;

import java.util.Locale;
import java.util.Map;

import jakarta.inject.Inject;

import org.junit.jupiter.api.Test;
import org.junit.jupiter.params.ParameterizedTest;
import org.junit.jupiter.params.provider.ValueSource;

import io.quarkiverse.twofactor.Confirmer;
import io.quarkiverse.twofactor.NewConfirmation;
import io.quarkiverse.twofactor.demo.DemoInbox;
import io.quarkiverse.twofactor.spi.Delivery;
import io.quarkus.test.junit.QuarkusTest;
import io.quarkus.test.junit.TestProfile;
import io.restassured.http.ContentType;

/** The demo offers German besides English: the language of a code's message follows the request's. */
@QuarkusTest
@TestProfile(ShortTimingProfile.class)
class MessageLanguagesTest {

    private static final Locale GERMAN = Locale.forLanguageTag("de");
    private static final Locale ENGLISH = Locale.forLanguageTag("en");

    @Inject
    DemoInbox inbox;

    @Inject
    Confirmer confirmer;

    @ParameterizedTest
    @ValueSource(strings = { "de", "de-CH", "fr, de;q=0.8, en;q=0.5", "DE-at" })
    void acceptLanguagePreferringGermanGetsTheGermanMessage(String acceptLanguage) {
        String recipient = Api.freshRecipient();
        String code = request(recipient, acceptLanguage);

        Delivery delivery = inbox.last(recipient).orElseThrow();
        assertEquals("Ihr Code lautet " + code + ". Er ist 1 Minuten gültig.", delivery.message());
        assertEquals(GERMAN, delivery.locale());
    }

    @ParameterizedTest
    @ValueSource(strings = { "fr", "ja-JP, zh;q=0.5", "en-US, de;q=0.9", "*", "not a language ;;; q=x", "" })
    void otherMissingOrMalformedLanguagesGetTheEnglishMessage(String acceptLanguage) {
        String recipient = Api.freshRecipient();
        String code = request(recipient, acceptLanguage);

        Delivery delivery = inbox.last(recipient).orElseThrow();
        assertEquals("Your code is " + code + ". It expires in 1 minutes.", delivery.message());
        assertEquals(ENGLISH, delivery.locale());
    }

    @Test
    void resendIsInTheLanguageOfTheResendRequest() throws InterruptedException {
        String recipient = Api.freshRecipient();
        String id = Api.requestFor(recipient);
        Thread.sleep(1_100); // the profile's resend cooldown

        String code = given().contentType(ContentType.JSON).header("Accept-Language", "de")
                .body(Map.of("id", id)).post("/two-factor/resend")
                .then().statusCode(202).extract().path("code");

        assertEquals("Ihr Code lautet " + code + ". Er ist 1 Minuten gültig.",
                inbox.last(recipient).orElseThrow().message());
    }

    @Test
    void confirmerSendsInTheOfferedLanguageClosestToTheLocaleItIsGiven() {
        String german = Api.freshRecipient();
        NewConfirmation made = confirmer.request(null, german, Map.of(), Locale.GERMANY);
        assertEquals("Ihr Code lautet " + made.code() + ". Er ist 1 Minuten gültig.",
                inbox.last(german).orElseThrow().message());

        String other = Api.freshRecipient();
        confirmer.request(null, other, Map.of(), Locale.ITALIAN);
        assertEquals(ENGLISH, inbox.last(other).orElseThrow().locale());

        String none = Api.freshRecipient();
        confirmer.request(null, none, Map.of(), null);
        assertEquals(ENGLISH, inbox.last(none).orElseThrow().locale());
    }

    /** Requests a code through the default sender in a language and returns the code the response shows. */
    private static String request(String recipient, String acceptLanguage) {
        return given().contentType(ContentType.JSON).header("Accept-Language", acceptLanguage)
                .body(Map.of("recipient", recipient)).post("/two-factor/request-confirmation")
                .then().statusCode(201).extract().path("code");
    }
}
