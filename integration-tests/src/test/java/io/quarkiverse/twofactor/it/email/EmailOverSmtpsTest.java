package io.quarkiverse.twofactor.it.email;

import static io.quarkiverse.twofactor.it.email.Mails.code;
import static io.quarkiverse.twofactor.it.email.Mails.part;
import static io.quarkiverse.twofactor.it.email.Mails.requestConfirmation;
import static io.quarkiverse.twofactor.it.email.Mails.text;
import static org.hamcrest.Matchers.equalTo;
import static org.junit.jupiter.api.Assertions.assertEquals;
import static org.junit.jupiter.api.Assertions.assertTrue;

import jakarta.mail.internet.MimeMessage;

import org.junit.jupiter.api.Test;

import com.icegreen.greenmail.util.GreenMail;

import io.quarkus.test.junit.QuarkusTest;
import io.quarkus.test.junit.TestProfile;

/**
 * TLS to the SMTP server. GreenMail 2.1.5 cannot upgrade a plain connection with STARTTLS, so this runs over SMTPS
 * (TLS from the first byte) against GreenMail's self-signed certificate.
 */
@QuarkusTest
@TestProfile(SmtpsProfile.class)
class EmailOverSmtpsTest {

    @InjectSmtpServer
    GreenMail greenMail;

    @Test
    void codeArrivesOverSmtpsAndConfirms() throws Exception {
        assertEquals("smtps", greenMail.getSmtps().getProtocol());
        String id = requestConfirmation("mail", "bob@example.com").statusCode(201).extract().path("id");

        assertTrue(greenMail.waitForIncomingEmail(5_000, 1), "no e-mail arrived");
        MimeMessage mail = greenMail.getReceivedMessages()[0];
        assertEquals("bob@example.com", mail.getAllRecipients()[0].toString());
        String code = code(text(part(mail, "text/plain")));
        assertTrue(text(part(mail, "text/html")).contains(code));

        Mails.confirm(id, code).statusCode(200).body("status", equalTo("confirmed"));
        Mails.protectedAction(id).statusCode(200);
    }
}
