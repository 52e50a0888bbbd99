package io.quarkiverse.twofactor.it.delivery;

import static com.github.tomakehurst.wiremock.client.WireMock.post;
import static com.github.tomakehurst.wiremock.client.WireMock.urlEqualTo;
import static io.quarkiverse.twofactor.it.delivery.DeliveryStatusPoll.awaitDelivery;
import static io.quarkiverse.twofactor.it.twilio.TwilioApi.freshNumber;
import static io.quarkiverse.twofactor.it.twilio.TwilioApi.messageCreated;
import static io.quarkiverse.twofactor.it.twilio.TwilioApi.twilioError;
import static io.restassured.RestAssured.given;
import static org.hamcrest.Matchers.equalTo;

import java.util.Map;

import org.junit.jupiter.api.BeforeEach;
import org.junit.jupiter.api.Test;

import com.github.tomakehurst.wiremock.WireMockServer;

import io.quarkiverse.twofactor.it.twilio.InjectTwilioMock;
import io.quarkiverse.twofactor.it.twilio.TwilioMock;
import io.quarkus.test.junit.QuarkusTest;
import io.quarkus.test.junit.TestProfile;
import io.restassured.http.ContentType;

@QuarkusTest
@TestProfile(DeliveryProfile.class)
class AsyncDeliveryTest {

    @InjectTwilioMock
    WireMockServer twilio;

    @BeforeEach
    void resetTwilio() {
        twilio.resetAll();
    }

    @Test
    void requestAnswers202WhileTheCodeIsQueuedAndTheConfirmationShowsItSentOnceTwilioAnswers() {
        twilio.stubFor(post(urlEqualTo(TwilioMock.MESSAGES_PATH)).willReturn(messageCreated().withFixedDelay(1500)));

        String id = request().statusCode(202).header("Location", org.hamcrest.Matchers.containsString("/confirmations/"))
                .body("status", equalTo("pending")).body("delivery", equalTo("queued")).extract().path("id");
        given().get("/two-factor/confirmations/" + id).then().statusCode(200).body("delivery", equalTo("queued"));

        assertEventually(id, "sent");
        given().get("/two-factor/confirmations/" + id).then().body("status", equalTo("pending"));
    }

    @Test
    void permanentTwilioErrorFailsTheQueuedDeliveryAndTheConfirmation() {
        twilio.stubFor(post(urlEqualTo(TwilioMock.MESSAGES_PATH))
                .willReturn(twilioError(400, 21606, "The From phone number is not a valid number")));

        String id = request().statusCode(202).body("delivery", equalTo("queued")).extract().path("id");

        assertEventually(id, "failed");
        given().get("/two-factor/confirmations/" + id).then().body("status", equalTo("failed"));
    }

    private static io.restassured.response.ValidatableResponse request() {
        return given().contentType(ContentType.JSON)
                .body(Map.of("sender", "twilio-async", "recipient", freshNumber("+1555")))
                .post("/two-factor/request-confirmation").then();
    }

    private static void assertEventually(String id, String delivery) {
        awaitDelivery(() -> given().get("/two-factor/confirmations/" + id).then(), delivery);
    }
}
