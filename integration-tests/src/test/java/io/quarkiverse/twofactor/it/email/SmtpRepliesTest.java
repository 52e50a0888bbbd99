package io.quarkiverse.twofactor.it.email;

import static io.quarkiverse.twofactor.it.email.Mails.PROBLEM;
import static io.quarkiverse.twofactor.it.email.Mails.requestConfirmation;
import static org.hamcrest.Matchers.endsWith;
import static org.hamcrest.Matchers.equalTo;
import static org.junit.jupiter.api.Assertions.assertEquals;
import static org.junit.jupiter.api.Assertions.assertThrows;
import static org.junit.jupiter.api.Assertions.assertTrue;

import java.util.Map;
import java.util.UUID;

import jakarta.inject.Inject;

import org.junit.jupiter.api.Test;

import io.quarkiverse.twofactor.Confirmer;
import io.quarkiverse.twofactor.SenderFailedException;
import io.quarkiverse.twofactor.Status;
import io.quarkus.test.junit.QuarkusTest;
import io.quarkus.test.junit.TestProfile;

/** How the SMTP server's error replies are classified, against a server scripted per recipient. */
@QuarkusTest
@TestProfile(ScriptedSmtpProfile.class)
class SmtpRepliesTest {

    @InjectSmtpServer
    ScriptedSmtpServer smtp;

    @Inject
    Confirmer confirmer;

    @Test
    void acceptedMessageCreatesTheConfirmation() {
        String recipient = recipient("someone");
        requestConfirmation("mail", recipient).statusCode(201).body("status", equalTo("pending"));
        assertEquals(1, smtp.recipientCommands(recipient));
    }

    @Test
    void recipientRejectedWith550IsA400ProblemAndIsNotRetried() {
        String recipient = recipient("rejected");
        requestConfirmation("mail", recipient).statusCode(400).contentType(PROBLEM)
                .body("type", endsWith("recipient-rejected"))
                .body("sender", equalTo("mail"));
        assertEquals(1, smtp.recipientCommands(recipient), "RCPT TO tries");
    }

    @Test
    void recipientRejectionLeavesTheConfirmationFailed() {
        SenderFailedException failure = assertThrows(SenderFailedException.class,
                () -> confirmer.request("mail", recipient("rejected"), Map.of()));
        assertTrue(failure.recipientRejected());
        assertEquals(Status.FAILED, confirmer.check(failure.confirmationId()).orElseThrow().status());
    }

    @Test
    void temporaryRecipientFailure450IsRetriedMaxAttemptsTimesThenA503() {
        String recipient = recipient("busy");
        requestConfirmation("mail", recipient).statusCode(503).contentType(PROBLEM)
                .body("type", endsWith("sender-failed"))
                .body("sender", equalTo("mail"));
        assertEquals(3, smtp.recipientCommands(recipient), "RCPT TO tries (retry.max-attempts)");
    }

    @Test
    void messageRefusedWith554AfterDataIsA503AndIsNotRetried() {
        String recipient = recipient("refused");
        requestConfirmation("mail", recipient).statusCode(503).contentType(PROBLEM)
                .body("type", endsWith("sender-failed"))
                .body("sender", equalTo("mail"));
        assertEquals(1, smtp.recipientCommands(recipient), "RCPT TO tries");
    }

    private static String recipient(String localPart) {
        return localPart + "-" + UUID.randomUUID() + "@example.com";
    }
}
