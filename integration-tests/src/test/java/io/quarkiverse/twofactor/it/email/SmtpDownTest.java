package io.quarkiverse.twofactor.it.email;

import static io.quarkiverse.twofactor.it.email.Mails.PROBLEM;
import static io.quarkiverse.twofactor.it.email.Mails.requestConfirmation;
import static io.restassured.RestAssured.given;
import static org.hamcrest.Matchers.containsString;
import static org.hamcrest.Matchers.endsWith;
import static org.hamcrest.Matchers.equalTo;
import static org.junit.jupiter.api.Assertions.assertEquals;
import static org.junit.jupiter.api.Assertions.assertFalse;
import static org.junit.jupiter.api.Assertions.assertInstanceOf;
import static org.junit.jupiter.api.Assertions.assertThrows;
import static org.junit.jupiter.api.Assertions.assertTrue;

import java.time.Duration;
import java.util.Map;

import jakarta.inject.Inject;

import org.junit.jupiter.api.Test;

import io.quarkiverse.twofactor.Confirmer;
import io.quarkiverse.twofactor.SenderFailedException;
import io.quarkiverse.twofactor.Status;
import io.quarkiverse.twofactor.spi.DeliveryException;
import io.quarkus.test.junit.QuarkusTest;
import io.quarkus.test.junit.TestProfile;

@QuarkusTest
@TestProfile(SmtpDownProfile.class)
class SmtpDownTest {

    @Inject
    Confirmer confirmer;

    @Test
    void unreachableServerIsA503NamingTheSenderWithinBoundedTime() {
        // REST Assured's first call sets itself up for seconds on a busy machine: keep that out of the timing.
        given().get("/two-factor/senders").then().statusCode(200);
        long start = System.nanoTime();
        requestConfirmation("mail", "alice@example.com").statusCode(503).contentType(PROBLEM)
                .body("type", endsWith("sender-failed"))
                .body("sender", equalTo("mail"))
                .body("detail", containsString("'mail'"));
        Duration elapsed = Duration.ofNanos(System.nanoTime() - start);
        assertTrue(elapsed.compareTo(Duration.ofSeconds(5)) < 0, "took " + elapsed);
    }

    @Test
    void unreachableServerIsATransientFailureThatLeavesTheConfirmationFailed() {
        SenderFailedException failure = assertThrows(SenderFailedException.class,
                () -> confirmer.request("mail", "alice@example.com", Map.of()));

        assertEquals("mail", failure.senderKey());
        assertFalse(failure.recipientRejected());
        DeliveryException cause = assertInstanceOf(DeliveryException.class, failure.getCause());
        assertEquals(DeliveryException.Kind.TRANSIENT, cause.kind());
        assertEquals(Status.FAILED, confirmer.check(failure.confirmationId()).orElseThrow().status());
    }
}
