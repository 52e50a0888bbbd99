package io.quarkiverse.twofactor.it;

import static io.quarkiverse.twofactor.it.Api.PROBLEM;
import static io.quarkiverse.twofactor.it.Api.confirm;
import static io.quarkiverse.twofactor.it.Api.deliveredCode;
import static io.quarkiverse.twofactor.it.Api.freshRecipient;
import static io.quarkiverse.twofactor.it.Api.protectedAction;
import static io.quarkiverse.twofactor.it.Api.requestFor;
import static io.quarkiverse.twofactor.it.Api.resend;
import static io.quarkiverse.twofactor.it.Api.wrongCode;
import static org.hamcrest.Matchers.endsWith;
import static org.hamcrest.Matchers.equalTo;
import static org.junit.jupiter.api.Assertions.assertEquals;
import static org.junit.jupiter.api.Assertions.assertNotEquals;

import java.util.UUID;

import jakarta.inject.Inject;

import org.junit.jupiter.api.Test;

import io.quarkiverse.twofactor.Confirmer;

import io.quarkus.test.junit.QuarkusTest;
import io.quarkus.test.junit.TestProfile;

@QuarkusTest
@TestProfile(ShortTimingProfile.class)
class ExpiryAndResendTest {

    @Inject
    Confirmer confirmer;

    @Test
    void pendingConfirmationExpiresAndIsGone() throws InterruptedException {
        String recipient = freshRecipient();
        String id = requestFor(recipient);
        Thread.sleep(4100);
        Api.check(id).statusCode(200).body("status", equalTo("expired"));
        confirm(id, deliveredCode(recipient)).statusCode(410).contentType(PROBLEM).body("type", endsWith("expired"));
        resend(id).statusCode(410).contentType(PROBLEM).body("type", endsWith("expired"));
    }

    @Test
    void confirmedConfirmationCannotBeUsedAfterExpiry() throws InterruptedException {
        String recipient = freshRecipient();
        String id = requestFor(recipient);
        confirm(id, deliveredCode(recipient)).statusCode(200);
        Thread.sleep(4100);
        Api.check(id).statusCode(200).body("status", equalTo("expired")).body("confirmed", equalTo(true));
        protectedAction(id).statusCode(403);
    }

    @Test
    void aStepUpConfirmationThatExpiredIsRefusedLikeAnyOther() throws InterruptedException {
        UUID id = StepUp.confirmed(confirmer, StepUp.ALICE);
        Thread.sleep(4100);
        StepUp.securedActionAsAlice(id).statusCode(403).contentType(PROBLEM)
                .body("type", endsWith("confirmation-required"))
                .body("purpose", equalTo(StepUp.PURPOSE));
    }

    @Test
    void resendAfterCooldownReplacesTheCodeAndKeepsCountingAttempts() throws InterruptedException {
        String recipient = freshRecipient();
        String id = requestFor(recipient);
        String oldCode = deliveredCode(recipient);
        confirm(id, wrongCode(oldCode)).statusCode(400).body("remainingAttempts", equalTo(4));
        Thread.sleep(1100);

        String shownCode = resend(id).statusCode(202).body("id", equalTo(id)).body("status", equalTo("pending"))
                .extract().path("code");
        String newCode = deliveredCode(recipient);
        assertEquals(newCode, shownCode);
        resend(id).statusCode(429);

        if (!newCode.equals(oldCode)) {
            confirm(id, oldCode).statusCode(400).body("remainingAttempts", equalTo(3));
        } else {
            assertNotEquals(oldCode, wrongCode(oldCode));
            confirm(id, wrongCode(oldCode)).statusCode(400).body("remainingAttempts", equalTo(3));
        }
        confirm(id, newCode).statusCode(200).body("status", equalTo("confirmed"));
        protectedAction(id).statusCode(200);
    }
}
