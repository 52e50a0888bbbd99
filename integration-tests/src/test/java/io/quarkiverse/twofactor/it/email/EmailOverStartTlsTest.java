package io.quarkiverse.twofactor.it.email;

import static io.quarkiverse.twofactor.it.email.Mails.requestConfirmation;
import static org.hamcrest.Matchers.endsWith;
import static org.hamcrest.Matchers.equalTo;
import static org.junit.jupiter.api.Assertions.assertEquals;

import java.util.UUID;

import org.junit.jupiter.api.Test;

import io.quarkus.test.junit.QuarkusTest;
import io.quarkus.test.junit.TestProfile;

/**
 * STARTTLS, against the scripted server, since GreenMail 2.1.5 does not offer STARTTLS.
 */
@QuarkusTest
@TestProfile(ScriptedSmtpProfile.class)
class EmailOverStartTlsTest {

    @InjectSmtpServer
    ScriptedSmtpServer smtp;

    @Test
    void requiredStartTlsUpgradesTheConnectionBeforeNamingTheRecipient() {
        String recipient = "alice-" + UUID.randomUUID() + "@example.com";
        requestConfirmation("mail-starttls", recipient).statusCode(201).body("status", equalTo("pending"));

        assertEquals(1, smtp.recipientCommands(recipient));
        assertEquals(1, smtp.recipientCommandsOverTls(recipient));
    }

    @Test
    void untrustedCertificateIsAPermanentFailureAndTheRecipientIsNeverNamed() {
        String recipient = "carol-" + UUID.randomUUID() + "@example.com";
        long upgradesBefore = smtp.count("STARTTLS");
        requestConfirmation("mail-untrusted", recipient).statusCode(503).contentType(Mails.PROBLEM)
                .body("type", endsWith("sender-failed"))
                .body("sender", equalTo("mail-untrusted"));

        assertEquals(1, smtp.count("STARTTLS") - upgradesBefore,
                "STARTTLS tries: a certificate problem is not retried");
        assertEquals(0, smtp.recipientCommands(recipient));
    }

    @Test
    void disabledStartTlsStaysInPlainTextEvenWhenTheServerOffersIt() {
        String recipient = "bob-" + UUID.randomUUID() + "@example.com";
        requestConfirmation("mail", recipient).statusCode(201);

        assertEquals(1, smtp.recipientCommands(recipient));
        assertEquals(0, smtp.recipientCommandsOverTls(recipient));
    }
}
