package io.quarkiverse.twofactor.it.identity;

import static com.github.tomakehurst.wiremock.client.WireMock.post;
import static com.github.tomakehurst.wiremock.client.WireMock.urlEqualTo;
import static io.quarkiverse.twofactor.it.delivery.DeliveryStatusPoll.awaitDelivery;
import static io.quarkiverse.twofactor.it.identity.Caller.ALICE;
import static io.quarkiverse.twofactor.it.twilio.TwilioApi.freshNumber;
import static io.quarkiverse.twofactor.it.twilio.TwilioApi.messageCreated;
import static io.quarkiverse.twofactor.it.twilio.TwilioApi.twilioError;
import static org.hamcrest.Matchers.equalTo;
import static org.junit.jupiter.api.Assertions.assertTrue;

import java.util.Map;

import org.junit.jupiter.api.BeforeEach;
import org.junit.jupiter.api.Test;

import com.github.tomakehurst.wiremock.WireMockServer;

import io.quarkiverse.twofactor.it.twilio.InjectTwilioMock;
import io.quarkiverse.twofactor.it.twilio.TwilioMock;
import io.quarkus.test.junit.QuarkusTest;
import io.quarkus.test.junit.TestProfile;
import io.restassured.http.ContentType;
import io.restassured.response.ValidatableResponse;

/** Adding a destination through a sender with {@code delivery.mode=async} answers as request-confirmation does. */
@QuarkusTest
@TestProfile(AsyncDeliveryIdentityProfile.class)
class AsyncDestinationTest {

    @InjectTwilioMock
    WireMockServer twilio;

    @BeforeEach
    void reset() {
        twilio.resetAll();
        ALICE.removeAllDestinations();
    }

    @Test
    void addingADestinationAnswers202WhileItsCodeIsQueuedAndTheConfirmationShowsItSentOnceTwilioAnswers() {
        twilio.stubFor(post(urlEqualTo(TwilioMock.MESSAGES_PATH)).willReturn(messageCreated().withFixedDelay(1500)));

        var added = addThroughAsyncSender().statusCode(202).contentType(ContentType.JSON)
                .body("destination.verified", equalTo(false))
                .body("confirmation.status", equalTo("pending"))
                .body("confirmation.delivery", equalTo("queued"))
                .extract();
        String destination = added.path("destination.id");
        String confirmation = added.path("confirmation.id");
        ALICE.destination(destination).statusCode(200).body("verified", equalTo(false));
        assertTrue(added.header("Location").endsWith("/two-factor/destinations/" + destination));

        awaitDelivery(() -> ALICE.check(confirmation), "sent");
        ALICE.check(confirmation).body("status", equalTo("pending"));
    }

    @Test
    void aQueuedCodeTwilioRefusesFailsTheConfirmationAndLeavesTheDestinationUnverified() {
        twilio.stubFor(post(urlEqualTo(TwilioMock.MESSAGES_PATH))
                .willReturn(twilioError(400, 21606, "The From phone number is not a valid number")));

        var added = addThroughAsyncSender().statusCode(202).body("confirmation.delivery", equalTo("queued"))
                .extract();
        String confirmation = added.path("confirmation.id");

        awaitDelivery(() -> ALICE.check(confirmation), "failed");
        ALICE.check(confirmation).body("status", equalTo("failed"));
        ALICE.destination(added.path("destination.id")).statusCode(200).body("verified", equalTo(false))
                .body("sender", equalTo("twilio-async"));
    }

    private static ValidatableResponse addThroughAsyncSender() {
        return ALICE.addDestination(Map.of("sender", "twilio-async", "recipient", freshNumber("+1555")));
    }
}
