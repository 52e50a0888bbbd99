package io.quarkiverse.twofactor.it;

import static io.quarkiverse.twofactor.it.Api.PROBLEM;
import static io.quarkiverse.twofactor.it.Api.requestConfirmation;
import static io.restassured.RestAssured.given;
import static org.hamcrest.Matchers.containsString;
import static org.hamcrest.Matchers.endsWith;
import static org.junit.jupiter.api.Assertions.assertEquals;

import java.util.Map;
import java.util.UUID;

import org.junit.jupiter.params.ParameterizedTest;
import org.junit.jupiter.params.provider.ValueSource;

import io.quarkus.test.junit.QuarkusTest;

/**
 * Recipients that would read differently than they are: nothing but invisible characters, or a direction override, a
 * zero-width character or a line separator inside. Refused with 400 before anything is stored or sent.
 */
@QuarkusTest
class InvisibleRecipientTest {

    @ParameterizedTest
    @ValueSource(strings = { "\u200b", "\u202e", "\u2028", "\u2029", "\u00a0", "\ufeff", "\u200b\u200b\u200b",
            "\u00a0\u200b\u202e\u2028\u2029\ufeff", " \u00a0 ", "\u2007\u202f\u2060" })
    void recipientOfInvisibleCharactersOnlyIsRefusedAsBlank(String recipient) {
        requestConfirmation(Map.of("recipient", recipient)).statusCode(400).contentType(PROBLEM)
                .body("type", endsWith("invalid-request"))
                .body("detail", containsString("blank"));
    }

    @ParameterizedTest
    @ValueSource(strings = { "\u202e", "\u202d", "\u2066", "\u200e", "\u200f", "\u061c", "\u2028", "\u2029",
            "\ufeff", "\u200b", "\u200c", "\u200d", "\u2060", "\u00ad" })
    void recipientHoldingAFormatCharacterOrSeparatorIsRefused(String invisible) {
        String visible = "user-" + UUID.randomUUID() + "@example.com";
        String recipient = visible.substring(0, 5) + invisible + visible.substring(5);

        requestConfirmation(Map.of("recipient", recipient)).statusCode(400).contentType(PROBLEM)
                .body("type", endsWith("invalid-request"))
                .body("detail", containsString("invisible"));

        assertEquals(404, given().get("/demo/inbox/{recipient}", recipient).statusCode());
    }

    @ParameterizedTest
    @ValueSource(strings = { "moc.elpmaxe@\u202eresu", "+1555\u20281234567" })
    void overrideOrLineBreakInAPlausibleRecipientIsRefused(String recipient) {
        requestConfirmation(Map.of("recipient", recipient)).statusCode(400).contentType(PROBLEM);
    }
}
