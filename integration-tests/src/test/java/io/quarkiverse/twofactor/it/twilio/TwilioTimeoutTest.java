package io.quarkiverse.twofactor.it.twilio;

import static com.github.tomakehurst.wiremock.client.WireMock.post;
import static com.github.tomakehurst.wiremock.client.WireMock.urlEqualTo;
import static io.quarkiverse.twofactor.it.twilio.TwilioApi.PROBLEM;
import static io.quarkiverse.twofactor.it.twilio.TwilioApi.freshNumber;
import static io.quarkiverse.twofactor.it.twilio.TwilioApi.messageCreated;
import static io.quarkiverse.twofactor.it.twilio.TwilioApi.messagesSent;
import static io.quarkiverse.twofactor.it.twilio.TwilioApi.requestConfirmation;
import static io.restassured.RestAssured.given;
import static org.hamcrest.Matchers.endsWith;
import static org.hamcrest.Matchers.equalTo;
import static org.junit.jupiter.api.Assertions.assertEquals;
import static org.junit.jupiter.api.Assertions.assertTrue;

import java.time.Duration;

import org.junit.jupiter.api.BeforeEach;
import org.junit.jupiter.api.Test;

import com.github.tomakehurst.wiremock.WireMockServer;

import io.quarkus.test.junit.QuarkusTest;
import io.quarkus.test.junit.TestProfile;

@QuarkusTest
@TestProfile(TwilioProfile.class)
class TwilioTimeoutTest {

    /** Far beyond the senders' 1 s read timeout: without it, three tries would take 15 s. */
    private static final int HANG_MILLIS = 5_000;

    @InjectTwilioMock
    WireMockServer twilio;

    @BeforeEach
    void resetTwilio() {
        twilio.resetAll();
    }

    @Test
    void hangingApiTimesOutEachTryAndAnswers503InBoundedTime() {
        twilio.stubFor(post(urlEqualTo(TwilioMock.MESSAGES_PATH)).willReturn(messageCreated()
                .withFixedDelay(HANG_MILLIS)));
        // REST Assured's first call sets itself up for seconds on a busy machine: keep that out of the timing.
        given().get("/two-factor/senders").then().statusCode(200);

        long start = System.nanoTime();
        requestConfirmation("sms", freshNumber("+1555")).statusCode(503).contentType(PROBLEM)
                .body("type", endsWith("sender-failed"))
                .body("sender", equalTo("sms"));
        Duration elapsed = Duration.ofNanos(System.nanoTime() - start);

        assertEquals(3, messagesSent(twilio).size(), "a timeout is transient: tried retry.max-attempts times");
        // 3 tries of 1 s plus 10 + 20 ms between them; the bound leaves room for a slow machine.
        assertTrue(elapsed.compareTo(Duration.ofSeconds(8)) < 0, () -> "answered after " + elapsed);
        assertTrue(elapsed.compareTo(Duration.ofSeconds(3)) >= 0, () -> "each try waits the read timeout: " + elapsed);
    }
}
